package dev.cauce.train.optim;

import dev.cauce.train.Param;
import dev.cauce.train.regularize.DecoupledWeightDecay;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Saving the state mid-run and loading it into a fresh optimizer continues the same trajectory, bit for bit. */
class OptimizerStateTest {
    private static List<Param> model() {
        Param w = new Param("layer.weight", true, 4, 3);
        Param b = new Param("layer.bias", false, 3);
        for (int i = 0; i < w.size(); i++) w.value[i] = (float) Math.sin(i + 1);
        for (int i = 0; i < b.size(); i++) b.value[i] = 0.1f * i;
        return List.of(w, b);
    }

    private static void gradients(List<Param> params, int t) {
        for (Param p : params) {
            for (int i = 0; i < p.size(); i++) p.grad[i] = (float) Math.cos(0.3 * t + i) + 0.1f * p.value[i];
        }
    }

    private static void run(StatefulOptimizer opt, List<Param> params, int from, int to) {
        for (int t = from; t < to; t++) {
            gradients(params, t);
            opt.step(params, 0.05);
        }
    }

    @Test
    void resumedRunsMatchUninterruptedRuns() {
        List<Supplier<StatefulOptimizer>> makers = List.of(
                Sgd::plain, () -> Sgd.momentum(0.9), () -> new Sgd(0.8, true, 1e-3), RmsProp::new,
                Adam::new, AdamW::new, () -> new DecoupledWeightDecay(Sgd.momentum(0.9), 0.01));
        for (Supplier<StatefulOptimizer> make : makers) {
            List<Param> straight = model();
            StatefulOptimizer a = make.get();
            run(a, straight, 0, 12);

            List<Param> resumed = model();
            StatefulOptimizer first = make.get();
            run(first, resumed, 0, 5);
            Map<String, float[]> saved = first.state(resumed);
            StatefulOptimizer second = make.get();
            second.loadState(resumed, saved);
            run(second, resumed, 5, 12);

            for (int k = 0; k < straight.size(); k++) {
                assertArrayEquals(straight.get(k).value, resumed.get(k).value, a.describe() + " " + straight.get(k).name());
            }
        }
    }

    @Test
    void stateUsesPyTorchSlotNames() {
        List<Param> params = model();
        Adam adam = new Adam();
        run(adam, params, 0, 3);
        Map<String, float[]> s = adam.state(params);
        assertEquals(6, s.size());
        assertArrayEquals(new float[] {3f}, s.get("layer.weight.step"));
        assertEquals(12, s.get("layer.weight.exp_avg").length);
        assertTrue(s.containsKey("layer.bias.exp_avg_sq"));
        Sgd sgd = Sgd.momentum(0.9);
        run(sgd, params, 0, 1);
        assertEquals(2, sgd.state(params).size());
        assertTrue(sgd.state(params).containsKey("layer.bias.momentum_buffer"));
        assertTrue(Sgd.plain().state(params).isEmpty());
    }

    @Test
    void badStateIsReported() {
        List<Param> params = model();
        Map<String, float[]> wrong = new HashMap<>();
        wrong.put("layer.weight.momentum_buffer", new float[5]);
        var e = assertThrows(IllegalArgumentException.class, () -> Sgd.momentum(0.9).loadState(params, wrong));
        assertEquals("optimizer state 'layer.weight.momentum_buffer' has 5 values, expected 12", e.getMessage());
        Map<String, float[]> partial = new HashMap<>();
        partial.put("layer.weight.exp_avg", new float[12]);
        assertThrows(IllegalArgumentException.class, () -> new Adam().loadState(params, partial));
        Param dup = new Param("layer.bias", false, 3);
        assertThrows(IllegalArgumentException.class, () -> new Adam().state(List.of(params.get(1), dup)));
    }
}
