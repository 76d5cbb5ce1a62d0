package dev.cauce.core;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransformTest {

    /** Adds a uniform draw in [0, 1) to the input: a tiny random transform for the tests. */
    record AddNoise(double scale) implements Transform<Double, Double> {
        @Override public Double apply(Double x, Rng rng) { return x + scale * rng.nextDouble(); }
        @Override public TransformSpec spec() { return TransformSpec.of("add_noise", Map.of("scale", scale)); }
    }

    @Test
    void composeIsFlatAndDescribesItsSteps() {
        Transform<Double, Double> t = new AddNoise(1).then(new AddNoise(2)).then(new AddNoise(3));
        TransformSpec spec = t.spec();
        assertEquals("compose", spec.name());
        assertEquals(List.of(1.0, 2.0, 3.0), spec.children().stream().map(c -> c.params().get("scale")).toList());
    }

    @Test
    void groupingDoesNotChangeTheDraws() {
        Transform<Double, Double> left = new AddNoise(1).then(new AddNoise(2)).then(new AddNoise(3));
        Transform<Double, Double> right = new AddNoise(1).then(new AddNoise(2).then(new AddNoise(3)));
        assertEquals(left.apply(0.0, Rng.of(1, 0, 5, 0)), right.apply(0.0, Rng.of(1, 0, 5, 0)));
    }

    @Test
    void stepsDrawFromDifferentStreams() {
        Transform<Double, Double> twice = new AddNoise(1).then(new AddNoise(1));
        Rng rng = Rng.of(1, 0, 0, 0);
        double a = rng.child(0).nextDouble();
        double b = rng.child(1).nextDouble();
        assertEquals(a + b, twice.apply(0.0, Rng.of(1, 0, 0, 0)), 1e-15);
        assertNotEquals(a, b);
    }
}
