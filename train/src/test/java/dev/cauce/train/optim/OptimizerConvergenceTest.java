package dev.cauce.train.optim;

import dev.cauce.train.Param;
import dev.cauce.train.Schedule;
import dev.cauce.train.schedule.WarmupCosine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every optimizer, driven by a warm-up + cosine schedule, minimizes an ill-conditioned quadratic
 * f(θ) = ½·Σ aᵢ(θᵢ − cᵢ)² (condition number 100) to near its minimum c.
 */
class OptimizerConvergenceTest {
    private static final float[] A = {100f, 10f, 1f, 3f};
    private static final float[] C = {0.5f, -1f, 2f, 0f};

    @ParameterizedTest
    @CsvSource({"sgd, 0.015", "momentum, 0.01", "nesterov, 0.01", "rmsprop, 0.05", "adam, 0.2", "adamw(wd=0), 0.2"})
    void reachesTheMinimum(String spec, double lr) {
        StatefulOptimizer opt = Optimizers.parse(spec);
        Schedule schedule = new WarmupCosine(lr, 20, 1000);
        Param p = new Param("theta", true, 4);
        for (int t = 0; t < 1000; t++) {
            for (int i = 0; i < 4; i++) p.grad[i] = A[i] * (p.value[i] - C[i]);
            opt.step(List.of(p), schedule.rate(t));
        }
        for (int i = 0; i < 4; i++) {
            assertTrue(Math.abs(p.value[i] - C[i]) < 1e-2, spec + ": theta[" + i + "] = " + p.value[i] + ", minimum at " + C[i]);
        }
    }
}
