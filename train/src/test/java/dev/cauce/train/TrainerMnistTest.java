package dev.cauce.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cauce.core.Batch;
import dev.cauce.core.DataStream;
import dev.cauce.core.Sample;
import dev.cauce.core.Tensor;
import dev.cauce.core.simd.ComputePool;
import dev.cauce.train.layer.Sequential;
import dev.cauce.train.optim.Adam;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Short training runs on the first 1,000 real MNIST train digits (bundled test resource). */
class TrainerMnistTest {
    private static final List<Sample<Tensor>> DIGITS = MnistFixture.train1000();

    private record Run(Trainer.History history, Sequential model, List<String> events) { }

    private static Run train(int threads, int epochs) {
        DataStream<Batch> stream = MnistFixture.batches(DIGITS.subList(0, 800), 100, true);
        Sequential model = Sequential.mlp(new int[] {784, 128, 64, 10}, Initializer.HE_NORMAL, 7);
        List<String> events = new ArrayList<>();
        TrainingListener recorder = new TrainingListener() {
            @Override public void onEpochStart(int epoch, int total) { events.add("start " + epoch + "/" + total); }
            @Override public void onBatchEnd(BatchProgress p) { if (p.batch() == 0) events.add("batch0 of " + p.batchesPerEpoch()); }
            @Override public void onEpochEnd(EpochStats s) { events.add("end " + s.epoch() + " " + s.batches()); }
        };
        try (ComputePool pool = new ComputePool(threads)) {
            Trainer trainer = Trainer.builder(model, new Adam()).learningRate(1e-3).pool(pool).seed(11)
                    .listener(recorder).build();
            return new Run(trainer.fit(stream, epochs), model, events);
        }
    }

    @Test
    void perEpochLossesAreIdenticalWithOneAndTwoThreads() {
        Run one = train(1, 3);
        Run two = train(2, 3);
        assertArrayEquals(one.history().losses(), two.history().losses(), 0.0);
        for (int i = 0; i < one.model().params().size(); i++) {
            assertArrayEquals(one.model().params().get(i).value, two.model().params().get(i).value, 0f,
                    one.model().params().get(i).name());
        }
        // the run learns: loss falls every epoch and the held-out 200 digits are mostly right
        double[] losses = one.history().losses();
        for (int e = 1; e < losses.length; e++) assertTrue(losses[e] < losses[e - 1], "losses " + java.util.Arrays.toString(losses));
        try (ComputePool pool = ComputePool.single()) {
            Evaluation held = Trainer.evaluate(one.model(), new dev.cauce.train.loss.SoftmaxCrossEntropy(),
                    MnistFixture.batches(DIGITS.subList(800, 1000), 64, false), pool);
            assertEquals(200, held.samples());
            assertTrue(held.accuracy() > 0.80, "held-out accuracy " + held.accuracy());
        }
        // callbacks: batches per epoch unknown in the first epoch, known afterwards
        assertEquals(List.of("start 0/3", "batch0 of -1", "end 0 8", "start 1/3", "batch0 of 8", "end 1 8",
                "start 2/3", "batch0 of 8", "end 2 8"), one.events());
        EpochStats s = one.history().last();
        assertEquals(800, s.samples());
        assertTrue(s.dataWaitShare() >= 0 && s.dataWaitShare() <= 1, "wait share " + s.dataWaitShare());
    }

    @Test
    void beforeStepHooksSeeTheGradientsBeforeTheUpdate() {
        Sequential model = Sequential.mlp(new int[] {784, 16, 10}, Initializer.HE_NORMAL, 1);
        List<Double> norms = new ArrayList<>();
        Trainer t = Trainer.builder(model, new Adam()).beforeStep(ps -> {
            double s = 0;
            for (Param p : ps) for (float g : p.grad) s += (double) g * g;
            norms.add(Math.sqrt(s));
            // clip to zero: with all gradients 0 Adam leaves every weight unchanged
            for (Param p : ps) java.util.Arrays.fill(p.grad, 0f);
        }).build();
        float[] before = model.params().getFirst().value.clone();
        t.fit(MnistFixture.batches(DIGITS.subList(0, 200), 100, false), 1);
        assertEquals(2, norms.size());
        assertTrue(norms.getFirst() > 0);
        assertArrayEquals(before, model.params().getFirst().value);
    }

    @Test
    void differentSeedsGiveDifferentInitialWeights() {
        var a = Sequential.mlp(new int[] {4, 3}, Initializer.GLOROT_UNIFORM, 1).params().get(0).value;
        var b = Sequential.mlp(new int[] {4, 3}, Initializer.GLOROT_UNIFORM, 2).params().get(0).value;
        var a2 = Sequential.mlp(new int[] {4, 3}, Initializer.GLOROT_UNIFORM, 1).params().get(0).value;
        assertArrayEquals(a, a2);
        assertTrue(!java.util.Arrays.equals(a, b));
    }

    @Test
    void nanLossStopsWithEpochAndBatchNamed() {
        List<Sample<Tensor>> bad = new ArrayList<>(DIGITS.subList(0, 300));
        float[] poisoned = bad.get(250).value().data().clone();
        poisoned[0] = Float.NaN;
        bad.set(250, bad.get(250).withValue(Tensor.of(poisoned, poisoned.length)));
        Sequential model = Sequential.mlp(new int[] {784, 16, 10}, Initializer.HE_NORMAL, 1);
        Trainer trainer = Trainer.builder(model, new Adam()).build();
        var e = org.junit.jupiter.api.Assertions.assertThrows(TrainingDivergedException.class,
                () -> trainer.fit(MnistFixture.batches(bad, 100, false), 2));
        assertEquals(0, e.epoch());
        assertEquals(2, e.batch());
        assertTrue(e.getMessage().contains("epoch 1, batch 3"), e.getMessage());
    }
}
