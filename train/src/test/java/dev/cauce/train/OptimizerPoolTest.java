package dev.cauce.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cauce.core.Batch;
import dev.cauce.core.Rng;
import dev.cauce.core.simd.ComputePool;
import dev.cauce.train.layer.Context;
import dev.cauce.train.layer.Sequential;
import dev.cauce.train.loss.SoftmaxCrossEntropy;
import dev.cauce.train.optim.Adam;
import dev.cauce.train.optim.AdamW;
import dev.cauce.train.regularize.DecoupledWeightDecay;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * An optimizer step spread over a pool's threads updates every weight to the same bits as the
 * one-thread step: the MLP's first layer (784x128 = 100,352 weights) is split into several ranges,
 * the small ones are not. Gradients are real: backward of real MNIST batches.
 */
class OptimizerPoolTest {
    private static final List<Batch> BATCHES = batches();

    private static List<Batch> batches() {
        List<Batch> out = new java.util.ArrayList<>();
        try (var cursor = MnistFixture.batches(MnistFixture.train1000().subList(0, 384), 128, false).open(0, 0)) {
            cursor.forEachRemaining(out::add);
        }
        return out;
    }

    private static Sequential trainThreeSteps(Supplier<Optimizer> make, ComputePool pool) {
        Sequential model = Sequential.mlp(new int[] {784, 128, 10}, Initializer.HE_NORMAL, 3);
        Optimizer opt = make.get();
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        try (ComputePool one = ComputePool.single()) {
            for (int step = 0; step < BATCHES.size(); step++) {
                Batch b = BATCHES.get(step);
                for (Param p : model.params()) p.zeroGrad();
                Context ctx = new Context(one, true, Rng.of(0, 0, step, 1));
                model.backward(loss.compute(model.forward(b.x(), ctx), b.labels()).grad(), ctx, false);
                if (pool == null) opt.step(model.params(), 1e-3);
                else opt.step(model.params(), 1e-3, pool);
            }
        }
        return model;
    }

    private static void assertSameBits(Supplier<Optimizer> make) {
        Sequential serial = trainThreeSteps(make, null);
        Sequential parallel;
        try (ComputePool two = new ComputePool(2)) {
            parallel = trainThreeSteps(make, two);
        }
        Sequential untouched = Sequential.mlp(new int[] {784, 128, 10}, Initializer.HE_NORMAL, 3);
        for (int i = 0; i < serial.params().size(); i++) {
            Param p = serial.params().get(i);
            assertArrayEquals(p.value, parallel.params().get(i).value, 0f, p.name());
            assertFalse(java.util.Arrays.equals(p.value, untouched.params().get(i).value), p.name() + " was updated");
        }
        // AdamBase.CHUNK is 16,384 elements: the first layer is split into 7 ranges
        assertTrue(serial.params().getFirst().size() > 6 * (1 << 14), "the first layer spans several ranges");
    }

    @Test
    void adamOnTwoThreadsGivesTheSameBits() {
        assertSameBits(Adam::new);
    }

    @Test
    void adamWAndDecoupledDecayOnTwoThreadsGiveTheSameBits() {
        assertSameBits(() -> new AdamW(0.9, 0.999, 1e-8, 0.01));
        assertSameBits(() -> new DecoupledWeightDecay(new Adam(), 0.01));
    }
}
