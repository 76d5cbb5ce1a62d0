package dev.cauce.train.activation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Finite-difference checks: every derivative(x) and Softmax.backward against central differences. */
class ActivationGradientCheckTest {
    private static final Activation[] ALL = {
        new Sigmoid(), new Tanh(), new Relu(), new LeakyRelu(0.1), new Elu(0.7), new Gelu(false), new Gelu(true), new Softplus()
    };

    @Test
    void derivativesMatchCentralDifferences() {
        double h = 1e-5;
        for (Activation f : ALL) {
            for (double x = -6.03; x < 6; x += 0.37) { // never exactly 0, where ReLU-like kinks are
                double fd = (f.value(x + h) - f.value(x - h)) / (2 * h);
                assertEquals(fd, f.derivative(x), 1e-7, f.spec() + " at x=" + x);
            }
        }
    }

    @Test
    void arrayBackwardIsChainRuleOfScalarDerivative() {
        float[] x = {-3.5f, -0.25f, 0.125f, 2.75f};
        float[] g = {0.5f, -2f, 1.5f, 3f};
        float[] out = new float[4];
        for (Activation f : ALL) {
            f.backward(x, g, out);
            for (int i = 0; i < 4; i++) assertEquals(g[i] * f.derivative(x[i]), out[i], 1e-6, f.spec() + " element " + i);
        }
    }

    @Test
    void softmaxBackwardMatchesFiniteDifferencesOfALinearLoss() {
        // L = Σ w_k·softmax(z)_k; dL/dz from backward vs central differences in double.
        double[] z = {0.3, -1.2, 2.0, 0.7, -0.4, 1.1};
        double[] w = {1.0, -2.0, 0.5, 3.0, -1.0, 0.25};
        int cols = 3;
        float[] zf = new float[6];
        float[] wf = new float[6];
        for (int i = 0; i < 6; i++) {
            zf[i] = (float) z[i];
            wf[i] = (float) w[i];
        }
        float[] y = new float[6];
        Softmax.forward(zf, y, cols);
        float[] grad = new float[6];
        Softmax.backward(y, wf, grad, cols);
        double h = 1e-6;
        for (int i = 0; i < 6; i++) {
            double[] up = z.clone();
            double[] down = z.clone();
            up[i] += h;
            down[i] -= h;
            double fd = (loss(up, w, cols) - loss(down, w, cols)) / (2 * h);
            assertEquals(fd, grad[i], 1e-5, "element " + i);
        }
    }

    private static double loss(double[] z, double[] w, int cols) {
        double l = 0;
        for (int r = 0; r < z.length / cols; r++) {
            double sum = 0;
            for (int k = 0; k < cols; k++) sum += Math.exp(z[r * cols + k]);
            for (int k = 0; k < cols; k++) l += w[r * cols + k] * Math.exp(z[r * cols + k]) / sum;
        }
        return l;
    }
}
