package dev.cauce.train.activation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cauce.train.optim.GoldenJson;
import dev.cauce.train.regularize.LabelSmoothing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Activations and their derivatives against torch on 50 points (golden/norm.json, activations):
 * the double scalar forms against torch float64 (abs 1e-10), the float array forms against torch
 * float32 (1e-5 relative, absolute below 1). Softmax and label-smoothed cross-entropy against the
 * cross_entropy_label_smoothing section.
 */
class ActivationGoldenTest {
    private static final JsonNode NORM = GoldenJson.load("norm.json");
    private static final JsonNode ACT = NORM.get("activations");

    static Activation build(String name) {
        return switch (name) {
            case "gelu_erf" -> Activation.of("gelu");
            case "gelu_tanh" -> Activation.of("gelu_tanh");
            case "elu" -> Activation.of("elu(1.0)");
            case "leaky_relu" -> Activation.of("leakyrelu(0.01)");
            case "softplus" -> Activation.of("softplus");
            case "sigmoid" -> Activation.of("sigmoid");
            case "tanh" -> Activation.of("tanh");
            default -> throw new IllegalArgumentException("no activation for golden case " + name);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"gelu_erf", "gelu_tanh", "elu", "leaky_relu", "softplus", "sigmoid", "tanh"})
    void scalarFormsMatchTorchFloat64(String name) {
        double[] x = GoldenJson.doubles(ACT.get("x"));
        JsonNode r = ACT.get("functions").get(name).get("float64");
        double[] y = GoldenJson.doubles(r.get("y"));
        double[] dy = GoldenJson.doubles(r.get("dy_dx"));
        Activation f = build(name);
        for (int i = 0; i < x.length; i++) {
            assertEquals(y[i], f.value(x[i]), 1e-10, name + " value at x=" + x[i]);
            assertEquals(dy[i], f.derivative(x[i]), 1e-10, name + " derivative at x=" + x[i]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"gelu_erf", "gelu_tanh", "elu", "leaky_relu", "softplus", "sigmoid", "tanh"})
    void arrayFormsMatchTorchFloat32(String name) {
        float[] x = GoldenJson.floats(ACT.get("x"));
        JsonNode r = ACT.get("functions").get(name).get("float32");
        double[] y = GoldenJson.doubles(r.get("y"));
        double[] dy = GoldenJson.doubles(r.get("dy_dx"));
        Activation f = build(name);
        float[] out = new float[x.length];
        f.forward(x, out);
        float[] ones = new float[x.length];
        java.util.Arrays.fill(ones, 1f);
        float[] grad = new float[x.length];
        f.backward(x, ones, grad);
        for (int i = 0; i < x.length; i++) {
            assertTrue(GoldenJson.close(out[i], y[i], 1e-5), name + " forward at x=" + x[i] + ": " + out[i] + " vs " + y[i]);
            assertTrue(GoldenJson.close(grad[i], dy[i], 1e-5), name + " backward at x=" + x[i] + ": " + grad[i] + " vs " + dy[i]);
        }
    }

    @Test
    void reluMatchesItsDefinitionOnTheGoldenPoints() {
        // torch.relu is not in the golden; its convention (0 at x = 0) is shared with leaky_relu's x <= 0 branch.
        double[] x = GoldenJson.doubles(ACT.get("x"));
        Activation relu = Activation.of("relu");
        for (double v : x) {
            assertEquals(Math.max(v, 0), relu.value(v));
            assertEquals(v > 0 ? 1.0 : 0.0, relu.derivative(v));
        }
    }

    @Test
    void softmaxAndLabelSmoothedCrossEntropyMatchTorch() {
        JsonNode ce = NORM.get("cross_entropy_label_smoothing");
        JsonNode r = ce.get("results").get("float32");
        int k = ce.get("num_classes").asInt();
        double[][] logits = GoldenJson.matrix(ce.get("logits"));
        int n = logits.length;
        float[] z = new float[n * k];
        for (int i = 0; i < n; i++) for (int j = 0; j < k; j++) z[i * k + j] = (float) logits[i][j];
        int[] target = new int[n];
        for (int i = 0; i < n; i++) target[i] = ce.get("target").get(i).asInt();

        float[] y = new float[z.length];
        Softmax.forward(z, y, k);
        double[][] expectedSoftmax = GoldenJson.matrix(r.get("softmax"));
        float[] logY = new float[z.length];
        Softmax.logForward(z, logY, k);
        float[] q = LabelSmoothing.targets(target, k, ce.get("label_smoothing").asDouble());
        double loss = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                assertTrue(GoldenJson.close(y[i * k + j], expectedSoftmax[i][j], 1e-5), "softmax " + i + "," + j);
                loss -= q[i * k + j] * logY[i * k + j];
            }
        }
        assertEquals(r.get("loss_mean").asDouble(), loss / n, 1e-5 * Math.abs(loss / n));
        double[][] grad = GoldenJson.matrix(r.get("grad_logits_mean"));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                assertEquals(grad[i][j], (y[i * k + j] - q[i * k + j]) / n, 1e-6, "grad " + i + "," + j);
            }
        }
    }

    @Test
    void softmaxIsStableForHugeLogits() {
        float[] z = {1000f, 1000f, -1000f, 3e38f, 0f, -3e38f};
        float[] y = new float[6];
        Softmax.forward(z, y, 3);
        assertEquals(0.5f, y[0]);
        assertEquals(0.5f, y[1]);
        assertEquals(0f, y[2]);
        assertEquals(1f, y[3]);
        float[] logY = new float[6];
        Softmax.logForward(z, logY, 3);
        assertEquals((float) -Math.log(2), logY[0], 1e-7);
    }

    @Test
    void unknownSpecsAreRejectedWithTheKnownNames() {
        var e = assertThrows(IllegalArgumentException.class, () -> Activation.of("rleu"));
        assertTrue(e.getMessage().contains("known: sigmoid"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Activation.of("relu(2)"));
        assertThrows(IllegalArgumentException.class, () -> Activation.of("elu(x)"));
        assertThrows(IllegalArgumentException.class, () -> new LeakyRelu(1.5));
        assertEquals(new LeakyRelu(0.2), Activation.of(" LeakyReLU(0.2) "));
    }
}
