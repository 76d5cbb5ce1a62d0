package dev.cauce.train.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cauce.core.Rng;
import dev.cauce.train.EpochStats;
import dev.cauce.train.Evaluation;
import dev.cauce.train.Initializer;
import dev.cauce.train.Param;
import dev.cauce.train.Trainer;
import dev.cauce.train.layer.Dense;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scripted metric sequences whose outcome was derived by hand from Keras 3's EarlyStopping
 * algorithm (keras/src/callbacks/early_stopping.py): {@code wait += 1} at every monitored epoch,
 * reset on improvement ({@code current ∓ min_delta} strictly beyond best), stop at a non-improving
 * epoch when {@code wait >= patience and epoch > 0}, best weights restored at train end. Each case
 * states the derivation. The model's weights are set to the epoch number before each epoch end, so
 * the restored weights tell which epoch was restored.
 */
class EarlyStoppingKerasTest {
    /** Epochs run and the epoch whose weights are in the model after training. */
    private record Outcome(int epochsRun, int restored, int bestEpoch) { }

    private static Outcome run(String monitor, int patience, double minDelta, Double baseline, int startFrom, double... values) {
        Dense model = new Dense("d", 2, 2, Initializer.GLOROT_UNIFORM, Rng.seeded(1));
        EarlyStopping es = new EarlyStopping(model, monitor, patience, minDelta, true, baseline, startFrom);
        List<EpochStats> seen = new ArrayList<>();
        // the same sequence of calls as Trainer.fit: epoch end, then ask whether to stop
        for (int e = 0; e < values.length; e++) {
            for (Param p : model.params()) java.util.Arrays.fill(p.value, e);
            boolean val = monitor.startsWith("val_");
            double v = values[e];
            EpochStats s = new EpochStats(e, monitor.equals("loss") ? v : 1, monitor.equals("accuracy") ? v : 0, 1, 1, 1, 0,
                    val ? new Evaluation(monitor.equals("val_loss") ? v : 1, monitor.equals("val_accuracy") ? v : 0, 1) : null);
            seen.add(s);
            es.onEpochEnd(s);
            if (es.stopRequested()) break;
        }
        es.onTrainEnd(new Trainer.History(seen));
        float w = model.params().getFirst().value[0];
        return new Outcome(seen.size(), (int) w, es.bestEpoch());
    }

    @Test
    void patienceCountsEpochsWithoutImprovement() {
        // e0 improves (best=+inf); e1 0.8 improves; e2 0.85 wait=1; e3 0.79 improves, wait=0;
        // e4 wait=1; e5 wait=2 >= 2 → stop after e5 (6 epochs), restore e3
        assertEquals(new Outcome(6, 3, 3), run("loss", 2, 0, null, 0, 1.0, 0.8, 0.85, 0.79, 0.80, 0.81, 0.70));
    }

    @Test
    void minDeltaMustBeExceeded() {
        // min_delta 0.02: e1 0.8 + 0.02 < 1.0 improves; e2 wait=1; e3 0.79 + 0.02 = 0.81 is not < 0.8,
        // wait=2 → stop after e3 (4 epochs), restore e1
        assertEquals(new Outcome(4, 1, 1), run("loss", 2, 0.02, null, 0, 1.0, 0.8, 0.85, 0.79, 0.80, 0.81, 0.70));
    }

    @Test
    void patienceZeroAndOneBothStopAtTheFirstEpochWithoutImprovement() {
        // e1: wait becomes 1 before the check, and 1 >= 0 as well as 1 >= 1
        assertEquals(new Outcome(2, 0, 0), run("loss", 0, 0, null, 0, 0.5, 0.6, 0.4));
        assertEquals(new Outcome(2, 0, 0), run("loss", 1, 0, null, 0, 0.5, 0.6, 0.4));
        // patience 2 survives e1 and improves at e2: runs all 3 epochs, restores e2
        assertEquals(new Outcome(3, 2, 2), run("loss", 2, 0, null, 0, 0.5, 0.6, 0.4));
    }

    @Test
    void accuracyMustRiseStrictly() {
        // e1 0.7 > 0.5 improves; e2 0.7 equal: wait=1; e3 wait=2 → stop (4 epochs), restore e1
        assertEquals(new Outcome(4, 1, 1), run("val_accuracy", 2, 0, null, 0, 0.5, 0.7, 0.7, 0.69, 0.9));
    }

    @Test
    void noImprovementNeverStopsAtTheFirstEpochAndKeepsItsWeights() {
        // NaN never improves; e0: weights kept as best (restore_best_weights), wait=1, epoch 0 never stops;
        // e1: wait=2 >= 1 → stop, restore e0
        assertEquals(new Outcome(2, 0, 0), run("loss", 1, 0, null, 0, Double.NaN, Double.NaN, 0.5));
    }

    @Test
    void baselineKeepsWaitRunningUntilBeaten() {
        // baseline 0.5: e0 and e1 improve on best but not on the baseline, so wait reaches 2;
        // e2 does not improve: wait=3 >= 2 → stop, restore e1. Without the baseline e2 only makes wait=1.
        assertEquals(new Outcome(3, 1, 1), run("loss", 2, 0, 0.5, 0, 0.9, 0.8, 0.85, 0.7));
        assertEquals(new Outcome(4, 3, 3), run("loss", 2, 0, null, 0, 0.9, 0.8, 0.85, 0.7));
    }

    @Test
    void warmUpEpochsAreIgnored() {
        // start_from_epoch 2: e0 and e1 unseen; e2 3.0 improves; e3 wait=1 >= 1 → stop, restore e2
        assertEquals(new Outcome(4, 2, 2), run("loss", 1, 0, null, 2, 1.0, 4.0, 3.0, 3.5, 2.0));
        // without it: e1 4.0 > 1.0, wait=1 → stop after e1, restore e0
        assertEquals(new Outcome(2, 0, 0), run("loss", 1, 0, null, 0, 1.0, 4.0, 3.0, 3.5, 2.0));
    }

    @Test
    void badParametersAreRefusedWithTheirNames() {
        Dense model = new Dense("d", 2, 2, Initializer.GLOROT_UNIFORM, Rng.seeded(1));
        assertEquals("patience must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(model, "loss", -1, 0, true)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(model, "los", 1, 0, true));
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(model, "loss", 1, -0.1, true));
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(model, "loss", 1, 0, true, Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(model, "loss", 1, 0, true, null, -1));
    }
}
