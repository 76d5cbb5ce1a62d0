package dev.cauce.train.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cauce.train.Schedule;
import dev.cauce.train.optim.GoldenJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each schedule reproduces the 30 rates PyTorch used (golden/optim.json, lr_schedules). */
class ScheduleGoldenTest {
    private static final JsonNode SCHEDULES = GoldenJson.load("optim.json").get("lr_schedules").get("schedules");

    static Schedule build(String name) {
        return switch (name) {
            case "StepLR" -> new StepDecay(0.1, 10, 0.5);
            case "MultiStepLR" -> PiecewiseConstant.multiStep(0.1, new long[] {5, 15}, 0.1);
            case "ExponentialLR" -> new ExponentialDecay(0.1, 0.9);
            case "PolynomialLR" -> new PolynomialDecay(0.1, 30, 2.0);
            case "CyclicLR_triangular" -> new CyclicTriangular(0.01, 0.1, 5);
            case "CosineAnnealingLR" -> new WarmupCosine(0.1, 0, 30);
            case "LinearWarmup5_Cosine" -> new WarmupCosine(0.1, 5, 30);
            default -> throw new IllegalArgumentException("no schedule for golden case " + name);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"StepLR", "MultiStepLR", "ExponentialLR", "PolynomialLR", "CyclicLR_triangular", "CosineAnnealingLR", "LinearWarmup5_Cosine"})
    void ratesMatchTorch(String name) {
        double[] expected = GoldenJson.doubles(SCHEDULES.get(name).get("lr"));
        Schedule s = build(name);
        for (int t = 0; t < expected.length; t++) {
            assertEquals(expected[t], s.rate(t), 1e-12, name + " at t=" + t);
        }
    }

    @Test
    void constantAndPiecewise() {
        assertEquals(0.3, new ConstantRate(0.3).rate(1_000_000));
        var p = new PiecewiseConstant(new long[] {3, 7}, new double[] {1.0, 0.5, 0.25});
        double[] expected = {1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25, 0.25};
        for (int t = 0; t < expected.length; t++) assertEquals(expected[t], p.rate(t), "t=" + t);
    }

    @Test
    void polynomialWithEndAndCosineFloorStayAfterTheEnd() {
        var poly = new PolynomialDecay(1.0, 10, 1.0, 0.1);
        assertEquals(0.55, poly.rate(5), 1e-15);
        assertEquals(0.1, poly.rate(10), 1e-15);
        assertEquals(0.1, poly.rate(50), 1e-15);
        var cos = new WarmupCosine(1.0, 2, 12, 0.2);
        assertEquals(0.5, cos.rate(1), 1e-15);
        assertEquals(1.0, cos.rate(2), 1e-15);
        assertEquals(0.6, cos.rate(7), 1e-15);
        assertEquals(0.2, cos.rate(12), 1e-15);
        assertEquals(0.2, cos.rate(100), 1e-15);
    }

    @Test
    void asymmetricTriangleRisesAndFalls() {
        var c = new CyclicTriangular(0.0, 1.0, 2, 4);
        double[] expected = {0, 0.5, 1, 0.75, 0.5, 0.25, 0, 0.5};
        for (int t = 0; t < expected.length; t++) assertEquals(expected[t], c.rate(t), 1e-15, "t=" + t);
    }

    @Test
    void swaRateFollowsThenAnnealsThenHolds() {
        var swa = new SwaRate(new ConstantRate(0.1), 10, 0.02, 4);
        assertEquals(0.1, swa.rate(9));
        assertEquals(0.1, swa.rate(10), 1e-15);
        assertEquals(0.06, swa.rate(12), 1e-15); // halfway: a = 1/2
        assertEquals(0.02, swa.rate(14), 1e-15);
        assertEquals(0.02, swa.rate(1000), 1e-15);
        assertEquals(0.02, new SwaRate(new ConstantRate(0.1), 10, 0.02, 0).rate(10));
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new PiecewiseConstant(new long[] {5, 5}, new double[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> new PiecewiseConstant(new long[] {5}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new ExponentialDecay(0.1, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new WarmupCosine(0.1, 10, 10));
        assertThrows(IllegalArgumentException.class, () -> new CyclicTriangular(0.2, 0.1, 5));
        assertThrows(IllegalArgumentException.class, () -> new StepDecay(0.1, 10, 0.5).rate(-1));
    }
}
