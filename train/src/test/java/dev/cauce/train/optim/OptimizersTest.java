package dev.cauce.train.optim;

import dev.cauce.train.Param;
import dev.cauce.train.regularize.DecoupledWeightDecay;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Command-line optimizer specs build the same optimizers as the constructors. */
class OptimizersTest {
    /** Runs a few steps and returns the weights, to compare two optimizers by behaviour. */
    private static float[] trajectory(StatefulOptimizer opt) {
        Param p = new Param("w", true, 4);
        for (int i = 0; i < 4; i++) p.value[i] = 1f - 0.5f * i;
        for (int t = 0; t < 6; t++) {
            for (int i = 0; i < 4; i++) p.grad[i] = (float) Math.sin(t + 2 * i);
            opt.step(List.of(p), 0.05);
        }
        return p.value;
    }

    @Test
    void specsMatchConstructors() {
        assertArrayEquals(trajectory(new Sgd(0.5, true, 0.01)), trajectory(Optimizers.parse("sgd(momentum=0.5, nesterov=true, wd=0.01)")));
        assertArrayEquals(trajectory(Sgd.momentum(0.9)), trajectory(Optimizers.parse("momentum")));
        assertArrayEquals(trajectory(Sgd.nesterov(0.8)), trajectory(Optimizers.parse("Nesterov(momentum=0.8)")));
        assertArrayEquals(trajectory(new RmsProp(0.9, 1e-6, 0)), trajectory(Optimizers.parse("rmsprop(alpha=0.9, eps=1e-6)")));
        assertArrayEquals(trajectory(new Adam(0.9, 0.98, 1e-8, 0.001)), trajectory(Optimizers.parse("adam(beta2=0.98, weight_decay=0.001)")));
        assertArrayEquals(trajectory(new AdamW()), trajectory(Optimizers.parse("adamw")));
        var sgdw = Optimizers.parse("sgdw(wd=0.1)");
        assertInstanceOf(DecoupledWeightDecay.class, sgdw);
        assertArrayEquals(trajectory(new DecoupledWeightDecay(Sgd.momentum(0.9), 0.1)), trajectory(sgdw));
    }

    @Test
    void typosGetMessagesThatSayWhatIsAllowed() {
        var e = assertThrows(IllegalArgumentException.class, () -> Optimizers.parse("adma"));
        assertEquals("unknown optimizer 'adma'; known: " + Optimizers.NAMES, e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Optimizers.parse("adam(beta=0.9)"));
        assertTrue(e.getMessage().contains("unknown parameter 'beta' for adam; allowed: beta1, beta2, eps, wd, weight_decay"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Optimizers.parse("sgd(momentum=fast)"));
        assertTrue(e.getMessage().contains("momentum must be a number, got 'fast'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Optimizers.parse("sgd(momentum=0.9"));
        assertThrows(IllegalArgumentException.class, () -> Optimizers.parse("sgd(0.9)"));
        assertThrows(IllegalArgumentException.class, () -> Optimizers.parse("sgd(momentum=1.5)"));
    }
}
