package dev.cauce.train.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.core.simd.ComputePool;
import dev.cauce.train.Initializer;
import org.junit.jupiter.api.Test;

/**
 * Conv2D keeps its workspaces across batches: a layer that has seen a larger batch must give a
 * smaller one exactly what a fresh layer gives (outputs, input and weight gradients).
 */
class Conv2DWorkspaceTest {
    private static Tensor input(int n, long seed) {
        float[] x = new float[n * 2 * 7 * 6];
        Rng r = Rng.seeded(seed);
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        return Tensor.of(x, n, 2, 7, 6);
    }

    private static Conv2D conv() {
        return new Conv2D("conv", new int[] {2, 7, 6}, 3, 3, 1, 1, Initializer.HE_NORMAL, Rng.seeded(5));
    }

    @Test
    void aSmallerBatchAfterALargerOneMatchesAFreshLayer() {
        try (ComputePool pool = ComputePool.single()) {
            Context ctx = new Context(pool, true, Rng.seeded(0));
            Conv2D used = conv();
            Tensor big = used.forward(input(5, 1), ctx);
            used.backward(Tensor.of(new float[big.size()], big.shape()), ctx, true);
            used.weight().zeroGrad();
            used.bias().zeroGrad();
            Conv2D fresh = conv();
            Tensor x = input(2, 2);
            Tensor a = used.forward(x, ctx);
            Tensor b = fresh.forward(x, ctx);
            assertArrayEquals(b.shape(), a.shape());
            assertArrayEquals(b.data(), a.data());
            float[] g = new float[a.size()];
            for (int i = 0; i < g.length; i++) g[i] = (float) Math.sin(i);
            Tensor da = used.backward(Tensor.of(g.clone(), a.shape()), ctx, true);
            Tensor db = fresh.backward(Tensor.of(g.clone(), b.shape()), ctx, true);
            assertArrayEquals(db.data(), da.data());
            assertArrayEquals(fresh.weight().grad, used.weight().grad);
            assertArrayEquals(fresh.bias().grad, used.bias().grad);
        }
    }

    @Test
    void aLargeInferenceBatchRunsInChunksWithTheSameResult() {
        try (ComputePool pool = ComputePool.single()) {
            int n = 2 * Conv2D.INFERENCE_CHUNK + 44;
            Tensor x = input(n, 3);
            Tensor whole = conv().forward(x, new Context(pool, true, Rng.seeded(0)));
            Conv2D chunked = conv();
            Tensor inChunks = chunked.forward(x, Context.inference(pool));
            assertArrayEquals(whole.shape(), inChunks.shape());
            assertArrayEquals(whole.data(), inChunks.data());
            var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> chunked.backward(Tensor.of(new float[whole.size()], whole.shape()), Context.inference(pool), true));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("conv: backward needs a training-mode forward"), e.getMessage());
        }
    }

    @Test
    void aSecondBackwardOfOneForwardGivesTheSameGradients() {
        // the columns are packed from the kept input, never overwritten: backward can be repeated
        // (as PyTorch's retain_graph), the parameter gradients accumulating
        try (ComputePool pool = ComputePool.single()) {
            Context ctx = new Context(pool, true, Rng.seeded(0));
            Conv2D layer = conv();
            Tensor y = layer.forward(input(3, 1), ctx);
            float[] g = new float[y.size()];
            for (int i = 0; i < g.length; i++) g[i] = (float) Math.cos(i);
            float[] first = layer.backward(Tensor.of(g.clone(), y.shape()), ctx, true).data().clone();
            float[] once = layer.weight().grad.clone();
            float[] second = layer.backward(Tensor.of(g.clone(), y.shape()), ctx, true).data();
            assertArrayEquals(first, second);
            for (int i = 0; i < once.length; i++) once[i] += once[i];
            assertArrayEquals(once, layer.weight().grad);
            var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> conv().backward(Tensor.of(g, y.shape()), ctx, true));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("conv: backward needs a training-mode forward"), e.getMessage());
        }
    }
}
