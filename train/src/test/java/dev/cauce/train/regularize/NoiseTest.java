package dev.cauce.train.regularize;

import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.train.Param;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Weight noise restores exactly, is reproducible, has the requested moments; label smoothing targets. */
class NoiseTest {
    @Test
    void perturbThenRestoreGivesBackTheCleanWeights() {
        Param w = new Param("w", true, 1000);
        Param b = new Param("b", false, 10);
        for (int i = 0; i < w.size(); i++) w.value[i] = i * 0.001f;
        float[] clean = w.value.clone();
        WeightNoise noise = new WeightNoise(0.1);
        noise.perturb(List.of(w, b), Rng.of(7, 0, 3, 0));
        assertFalse(java.util.Arrays.equals(clean, w.value));
        assertArrayEquals(new float[10], b.value, "biases are not perturbed");
        noise.restore(List.of(w, b));
        assertArrayEquals(clean, w.value);
        assertThrows(IllegalStateException.class, () -> noise.restore(List.of(w, b)));
    }

    @Test
    void sameRngSameNoise() {
        Param a = new Param("a", true, 64);
        Param b = new Param("b", true, 64);
        new WeightNoise(0.5).perturb(List.of(a), Rng.of(1, 2, 3, 4));
        new WeightNoise(0.5).perturb(List.of(b), Rng.of(1, 2, 3, 4));
        assertArrayEquals(a.value, b.value);
    }

    @Test
    void noiseHasMeanZeroAndStandardDeviationSigma() {
        float[] x = new float[200_000];
        WeightNoise.addGaussian(x, 0.25, Rng.seeded(11));
        double sum = 0, sq = 0;
        for (float v : x) {
            sum += v;
            sq += (double) v * v;
        }
        double mean = sum / x.length;
        double sd = Math.sqrt(sq / x.length - mean * mean);
        // Standard error of the mean is 0.25/sqrt(2e5) = 5.6e-4; of the sd about 4e-4.
        assertEquals(0, mean, 3e-3);
        assertEquals(0.25, sd, 3e-3);
    }

    @Test
    void inputNoiseIsAPureTransform() {
        Tensor x = Tensor.of(new float[] {1f, 2f, 3f, 4f}, 2, 2);
        var noise = new GaussianInputNoise(0.1);
        Tensor a = noise.apply(x, Rng.of(5, 1, 42, 0));
        Tensor b = noise.apply(x, Rng.of(5, 1, 42, 0));
        Tensor c = noise.apply(x, Rng.of(5, 2, 42, 0));
        assertArrayEquals(new float[] {1f, 2f, 3f, 4f}, x.data(), "input untouched");
        assertArrayEquals(a.data(), b.data(), "same key, same noise");
        assertFalse(java.util.Arrays.equals(a.data(), c.data()), "another epoch, other noise");
        assertArrayEquals(x.shape(), a.shape());
        assertEquals(0.1, noise.spec().params().get("sigma"));
    }

    @Test
    void labelSmoothingTargetsSumToOne() {
        float[] q = LabelSmoothing.targets(new int[] {2, 0}, 4, 0.2);
        assertArrayEquals(new float[] {0.05f, 0.05f, 0.85f, 0.05f, 0.85f, 0.05f, 0.05f, 0.05f}, q, 1e-7f);
        assertThrows(IllegalArgumentException.class, () -> LabelSmoothing.targets(new int[] {4}, 4, 0.1));
    }
}
