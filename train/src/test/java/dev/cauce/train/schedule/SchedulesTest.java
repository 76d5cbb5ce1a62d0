package dev.cauce.train.schedule;

import dev.cauce.train.Schedule;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Command-line schedule specs build the golden-tested records. */
class SchedulesTest {
    @Test
    void specsBuildTheRecords() {
        assertEquals(new ConstantRate(0.1), Schedules.parse("constant", 0.1, 100));
        assertEquals(new StepDecay(0.1, 10, 0.5), Schedules.parse("step(size=10, gamma=0.5)", 0.1, 100));
        assertEquals(PiecewiseConstant.multiStep(0.1, new long[] {5, 15}, 0.1), Schedules.parse("multistep(milestones=5|15)", 0.1, 100));
        assertEquals(new PiecewiseConstant(new long[] {3}, new double[] {0.5, 0.05}), Schedules.parse("piecewise(boundaries=3, values=0.5|0.05)", 0.1, 100));
        assertEquals(new ExponentialDecay(0.1, 0.9), Schedules.parse("exp(gamma=0.9)", 0.1, 100));
        assertEquals(new PolynomialDecay(0.1, 100, 2, 0), Schedules.parse("poly(power=2)", 0.1, 100));
        assertEquals(new CyclicTriangular(0.01, 0.1, 5, 5), Schedules.parse("cyclic(up=5)", 0.1, 100));
        assertEquals(new WarmupCosine(0.1, 5, 30, 0), Schedules.parse("cosine(warmup=5)", 0.1, 30));
        Schedule s = Schedules.parse("cosine(warmup=5, total=30)", 0.1, 999);
        assertEquals(0.0, s.rate(0));
        assertEquals(0.1, s.rate(5), 1e-15);
    }

    @Test
    void typosGetMessagesThatSayWhatIsAllowed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Schedules.parse("cosin", 0.1, 10));
        assertEquals("unknown schedule 'cosin'; known: " + Schedules.NAMES, e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Schedules.parse("step(gamma=0.5)", 0.1, 10));
        assertTrue(e.getMessage().contains("step needs size=N"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Schedules.parse("constant(lr=2)", 0.1, 10));
        assertTrue(e.getMessage().contains("it takes none"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Schedules.parse("multistep(milestones=5|x)", 0.1, 10));
        assertThrows(IllegalArgumentException.class, () -> Schedules.parse("cosine(warmup=50)", 0.1, 10));
    }
}
