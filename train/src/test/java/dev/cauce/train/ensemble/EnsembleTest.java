package dev.cauce.train.ensemble;

import dev.cauce.core.Tensor;
import dev.cauce.train.activation.Softmax;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Averaging fixed predictors: exact means, weights, shape checks, and the ensemble beating its members. */
class EnsembleTest {
    /** A linear softmax classifier on 2-d inputs with 3 classes: logits = x·W. */
    private static Predictor linear(float... w) {
        return x -> {
            int n = x.dim(0);
            float[] z = new float[n * 3];
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < 3; c++) z[r * 3 + c] = x.data()[r * 2] * w[c] + x.data()[r * 2 + 1] * w[3 + c];
            }
            Softmax.forward(z, z, 3);
            return Tensor.of(z, n, 3);
        };
    }

    private static Predictor constant(float... rowProbs) {
        return x -> {
            int n = x.dim(0);
            float[] out = new float[n * rowProbs.length];
            for (int r = 0; r < n; r++) System.arraycopy(rowProbs, 0, out, r * rowProbs.length, rowProbs.length);
            return Tensor.of(out, n, rowProbs.length);
        };
    }

    @Test
    void probabilitiesAreTheMeanOfTheMembers() {
        Tensor x = Tensor.of(new float[] {1f, -0.5f, 0.25f, 2f}, 2, 2);
        Predictor a = linear(1, 0, -1, 0.5f, 2, 0);
        Predictor b = linear(-0.3f, 1, 0.2f, 1, -1, 0.5f);
        Predictor c = linear(0, 0, 1, 1, 0, 0);
        Tensor p = new Ensemble(List.of(a, b, c)).predictProba(x);
        assertArrayEquals(new int[] {2, 3}, p.shape());
        float[] pa = a.predictProba(x).data(), pb = b.predictProba(x).data(), pc = c.predictProba(x).data();
        for (int i = 0; i < 6; i++) assertEquals((pa[i] + pb[i] + pc[i]) / 3.0, p.data()[i], 1e-7);
        for (int r = 0; r < 2; r++) assertEquals(1.0, p.data()[3 * r] + p.data()[3 * r + 1] + p.data()[3 * r + 2], 1e-6);
    }

    @Test
    void weightsAreNormalized() {
        Tensor x = Tensor.zeros(1, 2);
        Ensemble e = new Ensemble(List.of(constant(1, 0), constant(0, 1)), new double[] {3, 1});
        assertArrayEquals(new float[] {0.75f, 0.25f}, e.predictProba(x).data());
    }

    @Test
    void averagingCorrectsMembersThatEachMissOneRow() {
        // Three members, each wrong on a different row; the average is right on all three.
        Predictor m1 = x -> Tensor.of(new float[] {0.4f, 0.6f, 0.9f, 0.1f, 0.8f, 0.2f}, 3, 2);
        Predictor m2 = x -> Tensor.of(new float[] {0.9f, 0.1f, 0.4f, 0.6f, 0.8f, 0.2f}, 3, 2);
        Predictor m3 = x -> Tensor.of(new float[] {0.9f, 0.1f, 0.9f, 0.1f, 0.4f, 0.6f}, 3, 2);
        Tensor x = Tensor.zeros(3, 1);
        for (Predictor m : List.of(m1, m2, m3)) {
            int[] pred = Ensemble.argmax(m.predictProba(x));
            assertEquals(2, (pred[0] == 0 ? 1 : 0) + (pred[1] == 0 ? 1 : 0) + (pred[2] == 0 ? 1 : 0));
        }
        assertArrayEquals(new int[] {0, 0, 0}, Ensemble.argmax(new Ensemble(List.of(m1, m2, m3)).predictProba(x)));
    }

    @Test
    void mismatchedMembersAreReported() {
        Ensemble e = new Ensemble(List.of(constant(0.5f, 0.5f), constant(0.2f, 0.3f, 0.5f)));
        var ex = assertThrows(IllegalArgumentException.class, () -> e.predictProba(Tensor.zeros(2, 2)));
        assertEquals("ensemble member 1 predicted shape [2, 3], member 0 predicted [2, 2]", ex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Ensemble(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Ensemble(List.of(constant(1f)), new double[] {0}));
    }
}
