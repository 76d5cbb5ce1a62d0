package dev.cauce.train.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cauce.core.Tensor;
import dev.cauce.core.simd.ComputePool;
import dev.cauce.core.Rng;
import dev.cauce.train.optim.GoldenJson;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** BatchNorm1d/2d and LayerNorm against PyTorch (golden/norm.json, protocol in its "protocol" fields). */
class NormGoldenTest {
    private static final double TOL = 1e-5;
    private static final ComputePool POOL = ComputePool.single();

    @AfterAll
    static void close() {
        POOL.close();
    }

    /** Flattens nested JSON arrays in C order and records the shape. */
    private static Tensor tensor(JsonNode node) {
        List<Integer> shape = new ArrayList<>();
        for (JsonNode n = node; n.isArray(); n = n.get(0)) shape.add(n.size());
        List<Float> vals = new ArrayList<>();
        flatten(node, vals);
        float[] data = new float[vals.size()];
        for (int i = 0; i < data.length; i++) data[i] = vals.get(i);
        return Tensor.of(data, shape.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void flatten(JsonNode n, List<Float> out) {
        if (n.isArray()) for (JsonNode c : n) flatten(c, out);
        else out.add((float) n.asDouble());
    }

    private static void assertClose(JsonNode expected, float[] actual, String what) {
        float[] want = tensor(expected).data();
        assertEquals(want.length, actual.length, what + " length");
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], actual[i], TOL * Math.max(1, Math.abs(want[i])), what + "[" + i + "]");
        }
    }

    private static Context ctx(boolean training) {
        return new Context(POOL, training, Rng.seeded(0));
    }

    private void checkBatchNorm(String key) {
        JsonNode g = GoldenJson.load("norm.json").get(key);
        JsonNode r = g.get("results").get("float64");
        Tensor x1 = tensor(g.get("x1"));
        Tensor x2 = tensor(g.get("x2"));
        int[] perSample = java.util.Arrays.copyOfRange(x1.shape(), 1, x1.rank());
        BatchNorm bn = new BatchNorm("bn", perSample);
        System.arraycopy(tensor(g.get("gamma")).data(), 0, bn.gamma().value, 0, bn.gamma().size());
        System.arraycopy(tensor(g.get("beta")).data(), 0, bn.beta().value, 0, bn.beta().size());
        Tensor y1 = bn.forward(x1, ctx(true));
        assertClose(r.get("train_out_x1"), y1.data(), key + " train_out_x1");
        Tensor dx = bn.backward(tensor(g.get("grad_output")), ctx(true), true);
        assertClose(r.get("grad_input_x1"), dx.data(), key + " grad_input_x1");
        assertClose(r.get("grad_weight"), bn.gamma().grad, key + " grad_weight");
        assertClose(r.get("grad_bias"), bn.beta().grad, key + " grad_bias");
        assertClose(r.get("running_mean_after_x1"), bn.runningMean().value, key + " running_mean_after_x1");
        assertClose(r.get("running_var_after_x1"), bn.runningVar().value, key + " running_var_after_x1");
        assertClose(r.get("eval_out_x1_after_x1_only"), bn.forward(x1, ctx(false)).data(), key + " eval after x1");
        assertClose(r.get("train_out_x2"), bn.forward(x2, ctx(true)).data(), key + " train_out_x2");
        assertClose(r.get("running_mean_after_x2"), bn.runningMean().value, key + " running_mean_after_x2");
        assertClose(r.get("running_var_after_x2"), bn.runningVar().value, key + " running_var_after_x2");
        assertClose(r.get("eval_out_x1_after_both"), bn.forward(x1, ctx(false)).data(), key + " eval after both");
    }

    @Test
    void batchNorm1dMatchesTorch() {
        checkBatchNorm("batchnorm1d");
    }

    @Test
    void batchNorm2dMatchesTorch() {
        checkBatchNorm("batchnorm2d");
    }

    @Test
    void layerNormMatchesTorchInTrainingAndInference() {
        JsonNode g = GoldenJson.load("norm.json").get("layernorm");
        JsonNode r = g.get("results").get("float64");
        Tensor x = tensor(g.get("x"));
        LayerNorm ln = new LayerNorm("ln", x.dim(-1));
        System.arraycopy(tensor(g.get("gamma")).data(), 0, ln.gamma().value, 0, ln.gamma().size());
        System.arraycopy(tensor(g.get("beta")).data(), 0, ln.beta().value, 0, ln.beta().size());
        assertClose(r.get("out"), ln.forward(x, ctx(false)).data(), "layernorm inference out");
        assertClose(r.get("out"), ln.forward(x, ctx(true)).data(), "layernorm training out");
        Tensor dx = ln.backward(tensor(g.get("grad_output")), ctx(true), true);
        assertClose(r.get("grad_input"), dx.data(), "layernorm grad_input");
        assertClose(r.get("grad_weight"), ln.gamma().grad, "layernorm grad_weight");
        assertClose(r.get("grad_bias"), ln.beta().grad, "layernorm grad_bias");
    }
}
