package dev.cauce.train.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.core.simd.ComputePool;
import dev.cauce.train.Initializer;
import dev.cauce.train.ModelSpec;
import dev.cauce.train.Param;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Layers reuse their output and gradient arrays between training batches (see {@link Buffers}):
 * a model that has already trained on other batches, of the same and of other sizes, must give a
 * batch exactly the outputs and gradients a fresh model gives; ordinary inference outputs are never
 * reused, scratch-inference ones are (and equal the fresh ones).
 */
class BufferReuseTest {
    private static final String SPEC = "conv(4,3)-relu-maxpool(2)-conv(5,3,1,1)-relu-avgpool(2)-dense(12)-relu-dense(3)";

    private static Tensor batch(int n, long seed) {
        float[] x = new float[n * 10 * 10];
        Rng r = Rng.seeded(seed);
        for (int i = 0; i < x.length; i++) x[i] = (float) r.nextGaussian();
        return Tensor.of(x, n, 1, 10, 10);
    }

    /** Output, input gradient and parameter gradients of one training step on {@code x}. */
    private static List<float[]> step(Layer model, Tensor x, Context ctx) {
        for (Param p : model.params()) p.zeroGrad();
        Tensor y = model.forward(x, ctx);
        float[] out = y.data().clone();
        float[] g = new float[y.size()];
        for (int i = 0; i < g.length; i++) g[i] = (float) Math.cos(0.3 * i);
        float[] dx = model.backward(Tensor.of(g, y.shape()), ctx, true).data().clone();
        List<float[]> all = new java.util.ArrayList<>(List.of(out, dx));
        for (Param p : model.params()) all.add(p.grad.clone());
        return all;
    }

    @Test
    void aReusedModelGivesAFreshModelsOutputsAndGradients() {
        try (ComputePool pool = new ComputePool(2)) {
            Context ctx = new Context(pool, true, Rng.seeded(0));
            Layer used = ModelSpec.build(SPEC, new int[] {1, 10, 10}, Initializer.HE_NORMAL, 7);
            step(used, batch(6, 1), ctx);   // same size as the checked batch: every buffer is reused, stale
            step(used, batch(9, 2), ctx);   // another size: buffers reallocated
            step(used, batch(6, 3), ctx);
            Tensor x = batch(6, 4);
            List<float[]> a = step(used, x, ctx);
            List<float[]> b = step(ModelSpec.build(SPEC, new int[] {1, 10, 10}, Initializer.HE_NORMAL, 7), x, ctx);
            for (int i = 0; i < a.size(); i++) assertArrayEquals(b.get(i), a.get(i), "array " + i);
        }
    }

    @Test
    void inferenceOutputsAreFreshArrays() {
        try (ComputePool pool = ComputePool.single()) {
            Layer model = ModelSpec.build(SPEC, new int[] {1, 10, 10}, Initializer.HE_NORMAL, 7);
            Tensor first = model.forward(batch(3, 1), Context.inference(pool));
            float[] kept = first.data().clone();
            Tensor second = model.forward(batch(3, 2), Context.inference(pool));
            assertNotSame(first.data(), second.data());
            assertArrayEquals(kept, first.data());
        }
    }

    @Test
    void aSmallerLastBatchDoesNotReallocateTheFullSizeArrays() {
        try (ComputePool pool = new ComputePool(2)) {
            Context ctx = new Context(pool, true, Rng.seeded(0));
            Layer model = ModelSpec.build(SPEC, new int[] {1, 10, 10}, Initializer.HE_NORMAL, 7);
            float[] full = model.forward(batch(6, 1), ctx).data();
            model.forward(batch(4, 2), ctx);   // an epoch's last, smaller batch
            float[] small = model.forward(batch(4, 3), ctx).data();
            Tensor x = batch(6, 4);
            Tensor again = model.forward(x, ctx);   // the next epoch's first batch
            assertSame(full, again.data());
            assertSame(small, model.forward(batch(4, 5), ctx).data());
            Tensor fresh = ModelSpec.build(SPEC, new int[] {1, 10, 10}, Initializer.HE_NORMAL, 7).forward(x, ctx);
            assertArrayEquals(fresh.data(), model.forward(x, ctx).data());
        }
    }

    @Test
    void scratchInferenceReusesItsOutputAndEqualsFreshInference() {
        try (ComputePool pool = new ComputePool(2)) {
            Layer model = ModelSpec.build(SPEC, new int[] {1, 10, 10}, Initializer.HE_NORMAL, 7);
            model.forward(batch(6, 1), new Context(pool, true, Rng.seeded(0)));   // leaves stale training buffers
            Context scratch = Context.scratchInference(pool);
            float[] first = model.forward(batch(5, 2), scratch).data();
            Tensor x = batch(5, 3);
            Tensor second = model.forward(x, scratch);
            assertSame(first, second.data());
            assertArrayEquals(model.forward(x, Context.inference(pool)).data(), second.data());
        }
    }
}
