package dev.cauce.train.callback;

import dev.cauce.train.BatchProgress;
import dev.cauce.train.EpochStats;
import dev.cauce.train.TrainingListener;
import dev.cauce.train.layer.Layer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saves a {@link Checkpoint} after every epoch, or only when a monitored metric improves
 * ({@code saveBestOnly}). A failing epoch (an exception, a NaN loss) writes nothing, so the last
 * good checkpoint stays intact.
 */
public final class ModelCheckpoint implements TrainingListener {
    private final Path file;
    private final Layer model;
    private final String spec;
    private final int[] inputShape;
    private final long seed;
    private final String optimizer;
    private final String monitor;
    private double best = Double.NaN;
    private long steps;

    /**
     * @param monitor null to save every epoch, else save only when this metric (see
     *                {@link EpochStats#metric}) improves
     */
    public ModelCheckpoint(Path file, Layer model, String spec, int[] inputShape, long seed, String optimizer, String monitor) {
        this.file = file;
        this.model = model;
        this.spec = spec;
        this.inputShape = inputShape.clone();
        this.seed = seed;
        this.optimizer = optimizer;
        this.monitor = monitor;
    }

    @Override
    public void onBatchEnd(BatchProgress progress) {
        steps = progress.step() + 1;
    }

    @Override
    public void onEpochEnd(EpochStats stats) {
        if (monitor != null) {
            double v = stats.metric(monitor);
            boolean better = Double.isNaN(best) || (monitor.endsWith("accuracy") ? v > best : v < best);
            if (!better) return;
            best = v;
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("loss", stats.loss());
        metrics.put("accuracy", stats.accuracy());
        if (stats.validation() != null) {
            metrics.put("val_loss", stats.validation().loss());
            metrics.put("val_accuracy", stats.validation().accuracy());
        }
        try {
            Checkpoint.save(file, model, new Checkpoint.Info(spec, inputShape, stats.epoch() + 1, steps, seed, optimizer, metrics));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
        }
    }
}
