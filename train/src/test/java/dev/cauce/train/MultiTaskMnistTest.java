package dev.cauce.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cauce.core.Batch;
import dev.cauce.core.Rng;
import dev.cauce.core.Sample;
import dev.cauce.core.Tensor;
import dev.cauce.core.simd.ComputePool;
import dev.cauce.train.layer.Context;
import dev.cauce.train.layer.Dense;
import dev.cauce.train.layer.MultiHead;
import dev.cauce.train.loss.BinaryCrossEntropy;
import dev.cauce.train.loss.MultiTaskLoss;
import dev.cauce.train.loss.SoftmaxCrossEntropy;
import dev.cauce.train.optim.Adam;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The multi-task example: a shared trunk with a digit head (10-way) and a parity head (binary). */
class MultiTaskMnistTest {
    @Test
    void bothHeadsLearnFromTheWeightedLossSum() {
        List<Sample<Tensor>> digits = MnistFixture.train1000();
        var trunk = ModelSpec.build("dense(64)-relu", new int[] {784}, Initializer.HE_NORMAL, 1);
        MultiHead model = new MultiHead("mt", trunk, List.of(
                new Dense("digit", 64, 10, Initializer.GLOROT_UNIFORM, Rng.seeded(2)),
                new Dense("parity", 64, 1, Initializer.GLOROT_UNIFORM, Rng.seeded(3))));
        MultiTaskLoss loss = new MultiTaskLoss(List.of(
                new MultiTaskLoss.Task("digit", new SoftmaxCrossEntropy(), 1.0, 10, y -> y),
                new MultiTaskLoss.Task("parity", new BinaryCrossEntropy(), 0.5, 1, y -> y % 2)));
        Batch held = MnistFixture.batches(digits.subList(800, 1000), 200, false).toList(0, 0).getFirst();
        double[] before = accuracies(model, loss, held);
        Trainer.builder(model, new Adam()).loss(loss).learningRate(2e-3).seed(4).build()
                .fit(MnistFixture.batches(digits.subList(0, 800), 50, true), 3);
        double[] after = accuracies(model, loss, held);
        assertTrue(before[0] < 0.3 && before[1] < 0.7, "untrained accuracies " + before[0] + ", " + before[1]);
        assertTrue(after[0] > 0.80, "digit head accuracy " + after[0]);
        assertTrue(after[1] > 0.80, "parity head accuracy " + after[1]);
    }

    private static double[] accuracies(MultiHead model, MultiTaskLoss loss, Batch b) {
        try (ComputePool pool = ComputePool.single()) {
            Tensor out = model.forward(b.x(), Context.inference(pool));
            double[] acc = new double[2];
            for (int t = 0; t < 2; t++) {
                int[] pred = loss.tasks().get(t).loss().predict(loss.slice(out, t));
                int[] labels = loss.labels(b.labels(), t);
                int ok = 0;
                for (int i = 0; i < pred.length; i++) if (pred[i] == labels[i]) ok++;
                acc[t] = (double) ok / pred.length;
            }
            return acc;
        }
    }
}
