package dev.cauce.cli;

import dev.cauce.core.io.NdArray;
import dev.cauce.core.io.Safetensors;
import dev.cauce.train.EpochStats;
import dev.cauce.train.BatchProgress;
import dev.cauce.train.Param;
import dev.cauce.train.TrainingListener;
import dev.cauce.train.callback.Checkpoint;
import dev.cauce.train.layer.Layer;
import dev.cauce.train.optim.StatefulOptimizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's checkpoint folder: {@code model.safetensors} (+ {@code .json}) from {@link Checkpoint},
 * and {@code optimizer.safetensors} with the optimizer state (momentum, Adam moments) so that a
 * resumed run continues the same trajectory. Saved after every completed epoch, each file
 * atomically; the optimizer file is written first and tagged with its epoch, and the model file,
 * written last, decides which epoch the folder holds (a crash between the two is detected on
 * resume by the epoch mismatch). A failing epoch (NaN loss) writes nothing.
 */
final class CheckpointDir implements TrainingListener {
    static final String MODEL = "model.safetensors";
    static final String OPTIMIZER = "optimizer.safetensors";
    private static final String EPOCH_KEY = "cauce.epoch";

    private final Path dir;
    private final Layer model;
    private final StatefulOptimizer optimizer;
    private final String spec;
    private final int[] inputShape;
    private final long seed;
    private long steps;

    CheckpointDir(Path dir, Layer model, StatefulOptimizer optimizer, String spec, int[] inputShape, long seed) {
        this.dir = dir;
        this.model = model;
        this.optimizer = optimizer;
        this.spec = spec;
        this.inputShape = inputShape.clone();
        this.seed = seed;
    }

    @Override
    public void onBatchEnd(BatchProgress progress) {
        steps = progress.step() + 1;
    }

    @Override
    public void onEpochEnd(EpochStats stats) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String m : stats.validation() == null ? List.of("loss", "accuracy") : List.of("loss", "accuracy", "val_loss", "val_accuracy")) {
            metrics.put(m, stats.metric(m));
        }
        try {
            Files.createDirectories(dir);
            Map<String, NdArray> state = new LinkedHashMap<>();
            List<Param> params = model.params();
            for (var e : optimizer.state(params).entrySet()) state.put(e.getKey(), NdArray.ofFloats(e.getValue(), e.getValue().length));
            Safetensors.write(dir.resolve(OPTIMIZER), state, Map.of(EPOCH_KEY, Integer.toString(stats.epoch() + 1)));
            Checkpoint.save(dir.resolve(MODEL), model, new Checkpoint.Info(spec, inputShape, stats.epoch() + 1, steps, seed,
                    optimizer.describe(), metrics));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Restores weights and optimizer state from {@code dir}; returns the saved run information. */
    static Checkpoint.Info load(Path dir, Layer model, StatefulOptimizer optimizer) throws IOException {
        Checkpoint.Info info = Checkpoint.load(dir.resolve(MODEL), model);
        Path opt = dir.resolve(OPTIMIZER);
        if (!Files.isRegularFile(opt)) throw new IOException(opt + ": optimizer state not found");
        Safetensors.Contents c = Safetensors.read(opt);
        String epoch = c.metadata().get(EPOCH_KEY);
        if (!Integer.toString(info.epoch()).equals(epoch)) {
            throw new IOException(opt + ": holds epoch " + epoch + " but " + dir.resolve(MODEL) + " holds epoch " + info.epoch());
        }
        Map<String, float[]> state = new LinkedHashMap<>();
        c.tensors().forEach((k, v) -> state.put(k, v.toFloats()));
        optimizer.loadState(model.params(), state);
        return info;
    }
}
