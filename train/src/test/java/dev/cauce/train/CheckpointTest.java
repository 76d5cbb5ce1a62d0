package dev.cauce.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cauce.core.Sample;
import dev.cauce.core.Tensor;
import dev.cauce.core.simd.ComputePool;
import dev.cauce.train.callback.Checkpoint;
import dev.cauce.train.callback.ModelCheckpoint;
import dev.cauce.train.layer.Context;
import dev.cauce.train.layer.Sequential;
import dev.cauce.train.optim.Adam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    private static final List<Sample<Tensor>> DIGITS = MnistFixture.train1000();
    private static final String SPEC = "dense(32)-bn-relu-dense(10)";

    private static Sequential model(long seed) {
        return ModelSpec.build(SPEC, new int[] {784}, Initializer.HE_NORMAL, seed);
    }

    private static float[] predict(Sequential m) {
        try (ComputePool pool = ComputePool.single()) {
            return m.forward(MnistFixture.batches(DIGITS.subList(0, 50), 50, false).toList(0, 0).getFirst().x(), Context.inference(pool)).data();
        }
    }

    @Test
    void savedCheckpointReloadsToIdenticalPredictions(@TempDir Path dir) throws IOException {
        Sequential m = model(1);
        Path file = dir.resolve("model.safetensors");
        Trainer t = Trainer.builder(m, new Adam()).seed(3)
                .listener(new ModelCheckpoint(file, m, SPEC, new int[] {784}, 3, "adam", null)).build();
        t.fit(MnistFixture.batches(DIGITS.subList(0, 200), 50, true), 2);
        Sequential fresh = model(99);
        Checkpoint.Info info = Checkpoint.load(file, fresh);
        assertArrayEquals(predict(m), predict(fresh));
        assertEquals(2, info.epoch());
        assertEquals(8, info.step());
        assertEquals(SPEC, info.model());
        assertArrayEquals(new int[] {784}, info.inputShape());
        assertTrue(info.metrics().containsKey("loss"));
        // batch-norm running statistics are part of the checkpoint
        assertArrayEquals(m.buffers().getFirst().value, fresh.buffers().getFirst().value);
        assertTrue(Files.readString(dir.resolve("model.safetensors.json")).contains("\"model\" : \"" + SPEC + "\""));
    }

    @Test
    void nanLossStopsAndLeavesTheLastCheckpointIntact(@TempDir Path dir) throws IOException {
        Sequential m = model(1);
        Path file = dir.resolve("ck.safetensors");
        Trainer t = Trainer.builder(m, new Adam()).seed(3)
                .listener(new ModelCheckpoint(file, m, SPEC, new int[] {784}, 3, "adam", null)).build();
        t.fit(MnistFixture.batches(DIGITS.subList(0, 200), 50, false), 0, 1);
        byte[] before = Files.readAllBytes(file);
        float[] epoch1 = predict(m);
        List<Sample<Tensor>> bad = new ArrayList<>(DIGITS.subList(0, 200));
        float[] inf = new float[784];
        java.util.Arrays.fill(inf, Float.POSITIVE_INFINITY);
        bad.set(120, bad.get(120).withValue(Tensor.of(inf, 784)));
        var e = assertThrows(TrainingDivergedException.class, () -> t.fit(MnistFixture.batches(bad, 50, false), 1, 3));
        assertEquals("training diverged: loss is NaN at epoch 2, batch 3 (try a lower learning rate or gradient clipping)", e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        Sequential restored = model(7);
        assertEquals(1, Checkpoint.load(file, restored).epoch());
        assertArrayEquals(epoch1, predict(restored));
    }

    @Test
    void batchNormStatisticsAreRecomputedAsEqualWeightAverages() {
        Sequential m = model(1);
        var bn = dev.cauce.train.callback.BatchNormUpdate.find(m);
        assertEquals(1, bn.size());
        var batches = MnistFixture.batches(DIGITS.subList(0, 200), 100, false);
        // reference: batch means of the dense layer's output, averaged with equal weights
        double[] want = new double[32];
        try (ComputePool pool = ComputePool.single()) {
            for (var b : batches.toList(0, 0)) {
                float[] h = m.layers().getFirst().forward(b.x(), Context.inference(pool)).data();
                for (int i = 0; i < 100; i++) for (int c = 0; c < 32; c++) want[c] += h[i * 32 + c] / 100.0 / 2;
            }
            dev.cauce.train.callback.BatchNormUpdate.recompute(m, batches, pool);
        }
        for (int c = 0; c < 32; c++) assertEquals(want[c], bn.getFirst().runningMean().value[c], 1e-4 * (1 + Math.abs(want[c])));
    }

    @Test
    void loadRejectsAMismatchedModelNamingTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("a.safetensors");
        Checkpoint.save(file, model(1), new Checkpoint.Info(SPEC, new int[] {784}, 1, 4, 0, "adam", java.util.Map.of()));
        Sequential other = ModelSpec.build("dense(16)-relu-dense(10)", new int[] {784}, Initializer.HE_NORMAL, 1);
        var e = assertThrows(IOException.class, () -> Checkpoint.load(file, other));
        assertTrue(e.getMessage().startsWith(file + ": tensor 'dense1.weight' has shape [784, 32], the model expects [784, 16]"), e.getMessage());
        var missing = assertThrows(IOException.class, () -> Checkpoint.load(dir.resolve("none.safetensors"), other));
        assertTrue(missing.getMessage().endsWith("none.safetensors: checkpoint not found"), missing.getMessage());
    }
}
