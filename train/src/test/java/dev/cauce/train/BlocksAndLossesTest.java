package dev.cauce.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.core.simd.ComputePool;
import dev.cauce.train.layer.Context;
import dev.cauce.train.layer.Conv2D;
import dev.cauce.train.layer.Dense;
import dev.cauce.train.layer.Embedding;
import dev.cauce.train.layer.Flatten;
import dev.cauce.train.layer.Layer;
import dev.cauce.train.layer.MultiHead;
import dev.cauce.train.layer.ReLU;
import dev.cauce.train.layer.Residual;
import dev.cauce.train.layer.Sequential;
import dev.cauce.train.loss.BinaryCrossEntropy;
import dev.cauce.train.loss.Loss;
import dev.cauce.train.loss.MeanSquaredError;
import dev.cauce.train.loss.MultiTaskLoss;
import dev.cauce.train.loss.SoftmaxCrossEntropy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Residual blocks, embeddings, multi-head models and the BCE/MSE/multi-task losses. */
class BlocksAndLossesTest {
    private static Layer denseRelu(String name, int in, int out, long seed) {
        return new Sequential(name, List.of(new Dense(name + "_d1", in, out, Initializer.HE_NORMAL, Rng.seeded(seed)),
                new ReLU(name + "_r"), new Dense(name + "_d2", out, out, Initializer.HE_NORMAL, Rng.seeded(seed + 1))));
    }

    @Test
    void residualIdentityAndProjectionGradients() {
        Tensor x = GradientCheck.random(1, -1, 1, 3, 5);
        GradientCheck.check(Residual.identity("res", denseRelu("body", 5, 5, 2)), x, 3e-3);
        GradientCheck.check(Residual.projection("resp", denseRelu("body", 5, 4, 3),
                new Dense("proj", 5, 4, Initializer.GLOROT_UNIFORM, Rng.seeded(4))), x, 3e-3);
        // conv body with a 1x1 conv projection
        Conv2D body = new Conv2D("c", new int[] {2, 5, 5}, 3, 3, 1, 1, Initializer.HE_NORMAL, Rng.seeded(5));
        Conv2D proj = new Conv2D("p", new int[] {2, 5, 5}, 3, 1, 1, 0, Initializer.HE_NORMAL, Rng.seeded(6));
        GradientCheck.check(Residual.projection("resc", body, proj), GradientCheck.random(7, -1, 1, 2, 2, 5, 5), 3e-3);
        var e = assertThrows(IllegalArgumentException.class,
                () -> Residual.identity("bad", denseRelu("b", 5, 4, 1)).outputShape(new int[] {5}));
        assertTrue(e.getMessage().contains("use a projection shortcut"), e.getMessage());
    }

    @Test
    void embeddingLooksUpRowsAndAccumulatesGradients() {
        Embedding emb = new Embedding("emb", 7, 3, Rng.seeded(1));
        Tensor ids = Tensor.of(new float[] {2, 5, 2, 0}, 2, 2);
        try (ComputePool pool = ComputePool.single()) {
            Tensor y = emb.forward(ids, Context.inference(pool));
            assertArrayEquals(new int[] {2, 2, 3}, y.shape());
            for (int j = 0; j < 3; j++) assertEquals(emb.weight().value[5 * 3 + j], y.data()[3 + j]);
            assertThrows(IllegalArgumentException.class, () -> emb.forward(Tensor.of(new float[] {7}, 1, 1), Context.inference(pool)));
        }
        GradientCheck.check(emb, ids, 1e-3, false);
    }

    @Test
    void bceAndMseGradientsMatchFiniteDifferencesAndFormulas() {
        Tensor z = GradientCheck.random(2, -3, 3, 4, 3);
        int[] labels = {0, 2, 1, 1};
        for (Loss loss : new Loss[] {new BinaryCrossEntropy(), new MeanSquaredError()}) {
            Tensor g = loss.compute(z, labels).grad();
            for (int i = 0; i < z.size(); i++) {
                double num = GradientCheck.numeric(z.data(), i, () -> loss.compute(z, labels).loss());
                GradientCheck.assertClose(g.data()[i], num, 1e-4, loss.getClass().getSimpleName() + " grad[" + i + "]");
            }
        }
        // BCE of a logit 0 is log 2 whatever the label; stable for huge logits
        BinaryCrossEntropy bce = new BinaryCrossEntropy();
        assertEquals(Math.log(2), bce.compute(Tensor.of(new float[] {0, 0}, 2, 1), new int[] {0, 1}).loss(), 1e-12);
        assertEquals(1000.0, bce.compute(Tensor.of(new float[] {-1000}, 1, 1), new int[] {1}).loss(), 1e-9);
        assertArrayEquals(new int[] {1, 0}, bce.predict(Tensor.of(new float[] {0.3f, -2f}, 2, 1)));
        assertThrows(IllegalArgumentException.class, () -> bce.compute(Tensor.of(new float[] {1}, 1, 1), new int[] {2}));
        // MSE against one-hot: ((1-1)² + 0.5² + 0²)/3
        assertEquals(0.25 / 3, new MeanSquaredError().compute(Tensor.of(new float[] {0.5f, 1f, 0f}, 1, 3), new int[] {1}).loss(), 1e-7);
    }

    @Test
    void multiHeadAndWeightedLossGradientsMatchFiniteDifferences() {
        Layer trunk = new Sequential("trunk", List.of(new Flatten("f"), new Dense("t", 6, 5, Initializer.HE_NORMAL, Rng.seeded(1)), new ReLU("tr")));
        MultiHead model = new MultiHead("mh", trunk, List.of(new Dense("digit", 5, 4, Initializer.GLOROT_UNIFORM, Rng.seeded(2)),
                new Dense("parity", 5, 1, Initializer.GLOROT_UNIFORM, Rng.seeded(3))));
        MultiTaskLoss loss = new MultiTaskLoss(List.of(
                new MultiTaskLoss.Task("digit", new SoftmaxCrossEntropy(), 1.0, 4, y -> y),
                new MultiTaskLoss.Task("parity", new BinaryCrossEntropy(), 0.5, 1, y -> y % 2)));
        assertArrayEquals(new int[] {5}, model.outputShape(new int[] {6}));
        GradientCheck.check(model, GradientCheck.random(4, -1, 1, 3, 6), 3e-3);
        Tensor out = GradientCheck.random(5, -2, 2, 3, 5);
        int[] labels = {3, 0, 1};
        Loss.Value v = loss.compute(out, labels);
        List<Loss.Value> parts = loss.perTask(out, labels);
        assertEquals(parts.get(0).loss() + 0.5 * parts.get(1).loss(), v.loss(), 1e-12);
        for (int i = 0; i < out.size(); i++) {
            double num = GradientCheck.numeric(out.data(), i, () -> loss.compute(out, labels).loss());
            GradientCheck.assertClose(v.grad().data()[i], num, 1e-4, "multi-task grad[" + i + "]");
        }
        assertArrayEquals(new int[] {1, 0, 1}, loss.labels(labels, 1));
    }
}
