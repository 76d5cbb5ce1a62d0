package dev.cauce.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.core.simd.ComputePool;
import dev.cauce.train.activation.Activation;
import dev.cauce.train.layer.ActivationLayer;
import dev.cauce.train.layer.BatchNorm;
import dev.cauce.train.layer.Context;
import dev.cauce.train.layer.Dense;
import dev.cauce.train.layer.Dropout;
import dev.cauce.train.layer.LayerNorm;
import org.junit.jupiter.api.Test;

/** Finite-difference checks for normalization, activation and dropout layers. */
class LayerGradientCheckTest {
    @Test
    void batchNormDenseAndConvGradients() {
        BatchNorm dense = new BatchNorm("bn", new int[] {5});
        System.arraycopy(GradientCheck.random(1, 0.5, 1.5, 5).data(), 0, dense.gamma().value, 0, 5);
        GradientCheck.check(dense, GradientCheck.random(2, -1, 1, 6, 5), 2e-3);
        BatchNorm conv = new BatchNorm("bn2", new int[] {2, 3, 3});
        GradientCheck.check(conv, GradientCheck.random(3, -1, 1, 2, 2, 3, 3), 2e-3);
    }

    @Test
    void layerNormGradients() {
        LayerNorm ln = new LayerNorm("ln", 6);
        System.arraycopy(GradientCheck.random(4, 0.5, 1.5, 6).data(), 0, ln.gamma().value, 0, 6);
        System.arraycopy(GradientCheck.random(5, -0.5, 0.5, 6).data(), 0, ln.beta().value, 0, 6);
        GradientCheck.check(ln, GradientCheck.random(6, -1, 1, 4, 6), 2e-3);
    }

    @Test
    void activationLayerGradients() {
        Tensor x = GradientCheck.random(7, -2, 2, 3, 8);
        // keep away from the kinks of LeakyReLU/ELU at 0
        for (int i = 0; i < x.size(); i++) if (Math.abs(x.data()[i]) < 0.05f) x.data()[i] = 0.4f;
        for (String f : new String[] {"sigmoid", "tanh", "leakyrelu(0.1)", "elu(1.0)", "gelu", "gelu_tanh", "softplus"}) {
            GradientCheck.check(new ActivationLayer(f, Activation.of(f)), x, 2e-3);
        }
    }

    @Test
    void dropoutGradientIsTheMaskAndInferenceIsIdentity() {
        Dropout d = new Dropout("drop", 0.5);
        GradientCheck.check(d, GradientCheck.random(8, -1, 1, 4, 10), 1e-3);
        try (ComputePool pool = ComputePool.single()) {
            Tensor x = GradientCheck.random(9, -1, 1, 4, 10);
            assertEquals(x, d.forward(x, Context.inference(pool)));
        }
    }

    @Test
    void invertedDropoutAndWeightScalingMatchTheInferenceOutputInExpectation() {
        double rate = 0.3;
        int in = 6, out = 3, trials = 20000;
        Dense next = new Dense("next", in, out, Initializer.GLOROT_UNIFORM, Rng.seeded(1));
        Tensor x = GradientCheck.random(10, 0, 1, 1, in);
        try (ComputePool pool = ComputePool.single()) {
            Context inference = Context.inference(pool);
            float[] plain = next.forward(x, inference).data();
            // non-inverted dropout at inference: weights θ·P
            Dense scaled = new Dense("scaled", in, out, Initializer.GLOROT_UNIFORM, Rng.seeded(1));
            float[] sw = Dropout.scaleForInference(next.weight().value, rate);
            System.arraycopy(sw, 0, scaled.weight().value, 0, sw.length);
            float[] thetaP = scaled.forward(x, inference).data();
            Dropout drop = new Dropout("drop", rate);
            double[] meanInverted = new double[out];
            double[] meanUnscaled = new double[out];
            for (int t = 0; t < trials; t++) {
                Tensor dropped = drop.forward(x, new Context(pool, true, Rng.of(3, 0, t, 0)));
                float[] y = next.forward(dropped, inference).data();
                for (int j = 0; j < out; j++) {
                    meanInverted[j] += (y[j] - next.bias().value[j]) / trials;
                    // the same mask without the 1/P scaling is the classic training-time dropout
                    meanUnscaled[j] += (y[j] - next.bias().value[j]) * (1 - rate) / trials;
                }
            }
            for (int j = 0; j < out; j++) {
                double bias = next.bias().value[j];
                // standard error of the mean is about 0.01 here; allow 5 of them
                assertEquals(plain[j] - bias, meanInverted[j], 0.05, "inverted dropout mean, output " + j);
                assertEquals(thetaP[j] - bias, meanUnscaled[j], 0.05, "θ·P scaling vs mean of unscaled dropout, output " + j);
            }
            assertTrue(Math.abs(thetaP[0] - plain[0]) > 0.01 || Math.abs(thetaP[1] - plain[1]) > 0.01, "scaling must change the output");
        }
    }
}
