package dev.cauce.train.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cauce.core.Tensor;
import dev.cauce.train.optim.GoldenJson;
import org.junit.jupiter.api.Test;

/** Against torch.nn.functional.cross_entropy (golden/norm.json, float64 results). */
class SoftmaxCrossEntropyGoldenTest {
    @Test
    void matchesTorchWithAndWithoutLabelSmoothing() {
        JsonNode g = GoldenJson.load("norm.json").get("cross_entropy_label_smoothing");
        double[][] logits = GoldenJson.matrix(g.get("logits"));
        int n = logits.length;
        int k = logits[0].length;
        float[] z = new float[n * k];
        for (int i = 0; i < n; i++) for (int j = 0; j < k; j++) z[i * k + j] = (float) logits[i][j];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = g.get("target").get(i).asInt();
        JsonNode r = g.get("results").get("float64");
        Loss.Value v = new SoftmaxCrossEntropy(g.get("label_smoothing").asDouble()).compute(Tensor.of(z, n, k), labels);
        // logits are multiples of 1/256, exact in float, so the double computation matches torch float64
        assertEquals(r.get("loss_mean").asDouble(), v.loss(), 1e-12);
        double[][] grad = GoldenJson.matrix(r.get("grad_logits_mean"));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) assertEquals(grad[i][j], v.grad().data()[i * k + j], 1e-7, "grad[" + i + "][" + j + "]");
        }
        double plain = new SoftmaxCrossEntropy().compute(Tensor.of(z, n, k), labels).loss();
        assertEquals(r.get("loss_mean_no_smoothing").asDouble(), plain, 1e-12);
    }
}
