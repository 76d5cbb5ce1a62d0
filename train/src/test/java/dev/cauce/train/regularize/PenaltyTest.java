package dev.cauce.train.regularize;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cauce.train.Param;
import dev.cauce.train.optim.Adam;
import dev.cauce.train.optim.AdamW;
import dev.cauce.train.optim.GoldenJson;
import dev.cauce.train.optim.Sgd;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** L1/L2 penalties (value, gradient, decayed flag) and decoupled weight decay. */
class PenaltyTest {
    private static Param param(String name, boolean decayed, float... values) {
        Param p = new Param(name, decayed, values.length);
        System.arraycopy(values, 0, p.value, 0, values.length);
        return p;
    }

    @Test
    void l2ValueIsHalfLambdaSquaredNormAndGradientLambdaTheta() {
        Param w = param("w", true, 1f, -2f, 0.5f);
        Param b = param("b", false, 3f);
        double v = new L2Penalty(0.1).apply(List.of(w, b));
        assertEquals(0.05 * (1 + 4 + 0.25), v, 1e-12);
        assertArrayEquals(new float[] {0.1f, -0.2f, 0.05f}, w.grad, 1e-7f);
        assertEquals(0f, b.grad[0], "biases are not penalized");
    }

    @Test
    void l1ValueIsLambdaAbsNormAndGradientLambdaSign() {
        Param w = param("w", true, 1f, -2f, 0f);
        double v = new L1Penalty(0.1).apply(List.of(w));
        assertEquals(0.3, v, 1e-12);
        assertArrayEquals(new float[] {0.1f, -0.1f, 0f}, w.grad, 1e-7f);
    }

    @Test
    void gradientsMatchFiniteDifferencesOfTheValue() {
        for (Penalty pen : new Penalty[] {new L1Penalty(0.3), new L2Penalty(0.7)}) {
            Param w = param("w", true, 0.8f, -1.25f, 2.5f, -0.375f);
            pen.apply(List.of(w));
            double h = 1e-3;
            for (int i = 0; i < w.size(); i++) {
                float keep = w.value[i];
                float hi = (float) (keep + h);
                float lo = (float) (keep - h);
                w.value[i] = hi;
                double up = pen.value(List.of(w));
                w.value[i] = lo;
                double down = pen.value(List.of(w));
                w.value[i] = keep;
                // divide by the float-rounded step actually taken, not by 2h
                assertEquals((up - down) / ((double) hi - lo), w.grad[i], 1e-5, pen + " element " + i);
            }
        }
    }

    @Test
    void sgdPlusL2PenaltyIsTorchWeightDecay() {
        // golden sgd_weight_decay: torch.optim.SGD(lr=0.1, weight_decay=0.01) == plain SGD on loss + 0.01/2·‖θ‖².
        JsonNode opt = GoldenJson.load("optim.json").get("optimizers");
        double[][] grads = GoldenJson.matrix(opt.get("grads"));
        double[][] expected = GoldenJson.matrix(opt.get("results").get("sgd_weight_decay").get("fixed").get("theta_float64"));
        Param p = param("theta", true, GoldenJson.floats(opt.get("theta0")));
        Sgd sgd = Sgd.plain();
        L2Penalty l2 = new L2Penalty(0.01);
        for (int t = 0; t < grads.length; t++) {
            for (int i = 0; i < 5; i++) p.grad[i] = (float) grads[t][i];
            l2.apply(List.of(p));
            sgd.step(List.of(p), 0.1);
            for (int i = 0; i < 5; i++) assertEquals(expected[t][i], p.value[i], 1e-5 * Math.max(1, Math.abs(expected[t][i])), "step " + (t + 1));
        }
    }

    @Test
    void decoupledDecayAroundAdamIsAdamW() {
        Param a = param("a", true, 1f, -0.5f, 0.25f);
        Param b = param("b", true, 1f, -0.5f, 0.25f);
        var adamw = new AdamW(0.9, 0.999, 1e-8, 0.05);
        var wrapped = new DecoupledWeightDecay(new Adam(0.9, 0.999, 1e-8, 0), 0.05);
        for (int t = 0; t < 10; t++) {
            for (int i = 0; i < 3; i++) a.grad[i] = b.grad[i] = (float) Math.cos(3 * t + i);
            adamw.step(List.of(a), 0.01);
            wrapped.step(List.of(b), 0.01);
        }
        assertArrayEquals(a.value, b.value);
    }

    @Test
    void decoupledDecayShrinksOnlyDecayedParams() {
        Param w = param("w", true, 2f);
        Param b = param("b", false, 2f);
        new DecoupledWeightDecay(Sgd.plain(), 0.5).step(List.of(w, b), 0.1);
        assertEquals(2f * 0.95f, w.value[0], 1e-7);
        assertEquals(2f, b.value[0]);
    }
}
