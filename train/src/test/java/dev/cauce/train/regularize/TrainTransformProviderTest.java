package dev.cauce.train.regularize;

import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.core.Transform;
import dev.cauce.core.io.Idx;
import dev.cauce.core.spec.SpecRoundTrip;
import dev.cauce.core.spec.TransformRegistry;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** gaussian_input_noise: spec, rebuild, same spec, same output on a real MNIST digit with the same Rng. */
class TrainTransformProviderTest {
    @Test
    void gaussianInputNoiseRoundTrips() throws Exception {
        Tensor digit = Idx.readImages(Path.of("..", "samples", "mnist", "test-images-idx3-ubyte.gz")).slice(0);
        Transform<Tensor, Tensor> t = new GaussianInputNoise(0.25);
        Transform<Tensor, Tensor> rebuilt = SpecRoundTrip.rebuild(TransformRegistry.load(), t);
        assertEquals(t.spec(), rebuilt.spec());
        assertEquals(t.apply(digit, Rng.of(3, 0, 5, 0)), rebuilt.apply(digit, Rng.of(3, 0, 5, 0)));
        assertNotEquals(digit, rebuilt.apply(digit, Rng.of(3, 0, 5, 0)));
    }
}
