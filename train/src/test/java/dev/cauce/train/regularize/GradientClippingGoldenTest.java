package dev.cauce.train.regularize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cauce.train.Param;
import dev.cauce.train.optim.GoldenJson;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** clip_grad_norm_ (p = 2 and ∞) and clip_grad_value_ against torch (golden/optim.json, grad_clipping). */
class GradientClippingGoldenTest {
    private static final JsonNode CLIP = GoldenJson.load("optim.json").get("grad_clipping");
    /** The golden's suggested tolerance for float32 clipping. */
    private static final double TOL = 1e-6;

    private static void flatten(JsonNode node, List<Double> out) {
        if (node.isArray()) {
            for (JsonNode c : node) flatten(c, out);
        } else {
            out.add(node.asDouble());
        }
    }

    private static double[] flat(JsonNode node) {
        List<Double> out = new ArrayList<>();
        flatten(node, out);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static List<Param> params(String input) {
        JsonNode shapes = CLIP.get("inputs").get("shapes");
        JsonNode grads = CLIP.get("inputs").get(input);
        List<Param> ps = new ArrayList<>();
        for (int k = 0; k < shapes.size(); k++) {
            int[] shape = new int[shapes.get(k).size()];
            for (int d = 0; d < shape.length; d++) shape[d] = shapes.get(k).get(d).asInt();
            Param p = new Param("p" + k, true, shape);
            double[] g = flat(grads.get(k));
            for (int i = 0; i < g.length; i++) p.grad[i] = (float) g[i];
            ps.add(p);
        }
        return ps;
    }

    private static void assertClipped(String name, JsonNode expected, List<Param> ps) {
        for (int k = 0; k < ps.size(); k++) {
            double[] e = flat(expected.get(k));
            for (int i = 0; i < e.length; i++) assertEquals(e[i], ps.get(k).grad[i], TOL, name + " param " + k + " element " + i);
        }
    }

    @Test
    void everyTorchCaseIsReproduced() {
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = CLIP.get("cases").fields(); it.hasNext(); ) {
            var e = it.next();
            String name = e.getKey();
            JsonNode c = e.getValue();
            List<Param> ps = params(c.get("input").asText());
            if (name.startsWith("clip_grad_norm_")) {
                double p = name.endsWith("norminf") ? Double.POSITIVE_INFINITY : 2;
                double total = GradientClipping.clipByGlobalNorm(ps, 1.0, p);
                assertEquals(c.get("returned_total_norm").asDouble(), total, TOL * Math.max(1, total), name + " total norm");
            } else {
                GradientClipping.clipByValue(ps, 0.5);
            }
            assertClipped(name, c.get("clipped"), ps);
            checked++;
        }
        assertEquals(12, checked);
    }

    @Test
    void clippedNormIsJustBelowMaxAndDirectionKept() {
        List<Param> ps = params("large");
        double before = GradientClipping.globalNorm(ps, 2);
        float ratio = ps.get(0).grad[1] / ps.get(0).grad[0];
        double returned = GradientClipping.clipByGlobalNorm(ps, 1.0);
        assertEquals(before, returned);
        double after = GradientClipping.globalNorm(ps, 2);
        assertTrue(after < 1.0 && after > 1.0 - 1e-5, "norm after clipping " + after);
        assertEquals(ratio, ps.get(0).grad[1] / ps.get(0).grad[0], 1e-6);
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.clipByGlobalNorm(List.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.clipByGlobalNorm(List.of(), 1, -2));
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.clipByValue(List.of(), Double.NaN));
    }
}
