package dev.cauce.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.train.layer.Dense;
import dev.cauce.train.layer.ReLU;
import dev.cauce.train.layer.Sequential;
import dev.cauce.train.loss.Loss;
import dev.cauce.train.loss.SoftmaxCrossEntropy;
import org.junit.jupiter.api.Test;

class GradientCheckTest {
    @Test
    void denseGradientsMatchFiniteDifferences() {
        Dense d = new Dense("dense", 7, 5, Initializer.GLOROT_UNIFORM, Rng.seeded(1));
        // non-zero biases, so the bias path is exercised
        System.arraycopy(GradientCheck.random(4, -0.5, 0.5, 5).data(), 0, d.bias().value, 0, 5);
        GradientCheck.check(d, GradientCheck.random(2, -1, 1, 4, 7), 2e-3);
    }

    @Test
    void reluGradientsMatchFiniteDifferencesAwayFromTheKink() {
        Tensor x = GradientCheck.random(6, -1, 1, 3, 11);
        // keep |x| > 0.05 so that x ± h never crosses 0, where ReLU has no derivative
        for (int i = 0; i < x.size(); i++) if (Math.abs(x.data()[i]) < 0.05f) x.data()[i] = 0.3f;
        GradientCheck.check(new ReLU("relu"), x, 1e-3);
    }

    @Test
    void mlpChainGradientsMatchFiniteDifferences() {
        Sequential mlp = Sequential.mlp(new int[] {6, 8, 4}, Initializer.HE_NORMAL, 3);
        GradientCheck.check(mlp, GradientCheck.random(7, -1, 1, 3, 6), 5e-3);
    }

    @Test
    void softmaxCrossEntropyGradientMatchesFiniteDifferences() {
        for (double smoothing : new double[] {0.0, 0.1}) {
            Loss loss = new SoftmaxCrossEntropy(smoothing);
            Tensor z = GradientCheck.random(8, -3, 3, 4, 6);
            int[] labels = {0, 5, 2, 2};
            Tensor g = loss.compute(z, labels).grad();
            for (int i = 0; i < z.size(); i++) {
                double num = GradientCheck.numeric(z.data(), i, () -> loss.compute(z, labels).loss());
                GradientCheck.assertClose(g.data()[i], num, 1e-4, "dCE/dz[" + i + "] eps=" + smoothing);
            }
        }
    }

    @Test
    void crossEntropyIsStableForHugeLogitsAndMatchesTheFormula() {
        Loss loss = new SoftmaxCrossEntropy();
        Tensor z = Tensor.of(new float[] {1000f, 0f, -1000f}, 1, 3);
        Loss.Value v = loss.compute(z, new int[] {1});
        assertEquals(1000.0, v.loss(), 1e-9);
        assertEquals(1.0, v.grad().data()[0], 1e-7);
        assertEquals(-1.0, v.grad().data()[1], 1e-7);
        // uniform logits: loss = log K, gradient (1/K - onehot)/N
        Loss.Value u = loss.compute(Tensor.of(new float[8], 2, 4), new int[] {3, 0});
        assertEquals(Math.log(4), u.loss(), 1e-12);
        assertEquals((0.25 - 1) / 2, u.grad().data()[3], 1e-7);
        assertEquals(0.25 / 2, u.grad().data()[0], 1e-7);
    }
}
