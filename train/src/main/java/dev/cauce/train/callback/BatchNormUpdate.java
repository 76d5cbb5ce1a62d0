package dev.cauce.train.callback;

import dev.cauce.core.Batch;
import dev.cauce.core.Cursor;
import dev.cauce.core.DataStream;
import dev.cauce.core.Rng;
import dev.cauce.core.simd.ComputePool;
import dev.cauce.train.layer.BatchNorm;
import dev.cauce.train.layer.Context;
import dev.cauce.train.layer.Layer;
import java.util.ArrayList;
import java.util.List;

/**
 * Recomputes the batch-norm running statistics of a model with one pass over data, each batch
 * weighted equally ({@code torch.optim.swa_utils.update_bn}): needed after SWA or EMA averaging,
 * since averaged weights do not match statistics collected for any of the averaged models.
 * Weights are not changed; dropout and other training-mode randomness use a fixed key.
 */
public final class BatchNormUpdate {
    private BatchNormUpdate() {
    }

    /** Every BatchNorm layer of {@code model}, depth first. */
    public static List<BatchNorm> find(Layer model) {
        List<BatchNorm> out = new ArrayList<>();
        collect(model, out);
        return out;
    }

    private static void collect(Layer l, List<BatchNorm> out) {
        if (l instanceof BatchNorm bn) out.add(bn);
        for (Layer c : l.children()) collect(c, out);
    }

    /** Runs the model in training mode over {@code stream} (seed 0, epoch 0) to refresh the statistics. */
    public static void recompute(Layer model, DataStream<Batch> stream, ComputePool pool) {
        List<BatchNorm> bns = find(model);
        if (bns.isEmpty()) return;
        for (BatchNorm bn : bns) bn.startCumulativeAverage();
        try (Cursor<Batch> cursor = stream.open(0, 0)) {
            long b = 0;
            while (cursor.hasNext()) model.forward(cursor.next().x(), new Context(pool, true, Rng.of(0, 0, b++, 1)));
        } finally {
            for (BatchNorm bn : bns) bn.endCumulativeAverage();
        }
    }
}
