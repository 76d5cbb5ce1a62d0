package dev.cauce.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cauce.core.Sample;
import dev.cauce.core.Tensor;
import dev.cauce.core.simd.ComputePool;
import dev.cauce.train.layer.Layer;
import dev.cauce.train.loss.SoftmaxCrossEntropy;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Evaluation splits large batches into pieces of Trainer.EVAL_ROWS rows without changing the result. */
class EvaluateTest {
    @Test
    void aLargeBatchEvaluatesLikeSmallBatches() {
        List<Sample<Tensor>> digits = MnistFixture.train1000().subList(0, 300);
        Layer model = ModelSpec.build("conv(4,5)-relu-maxpool(2)-dense(10)", new int[] {1, 28, 28}, Initializer.HE_NORMAL, 3);
        try (ComputePool pool = new ComputePool(2)) {
            Evaluation whole = Trainer.evaluate(model, new SoftmaxCrossEntropy(), MnistFixture.batches(digits, 300, false), pool);
            Evaluation small = Trainer.evaluate(model, new SoftmaxCrossEntropy(), MnistFixture.batches(digits, 50, false), pool);
            assertEquals(300, whole.samples());
            assertEquals(small.accuracy(), whole.accuracy());
            assertEquals(small.loss(), whole.loss(), 1e-12 * Math.abs(small.loss()));
        }
    }
}
