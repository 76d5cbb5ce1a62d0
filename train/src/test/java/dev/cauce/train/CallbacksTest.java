package dev.cauce.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cauce.core.Batch;
import dev.cauce.core.DataStream;
import dev.cauce.core.Sample;
import dev.cauce.core.Tensor;
import dev.cauce.train.callback.CsvLogger;
import dev.cauce.train.callback.EarlyStopping;
import dev.cauce.train.callback.GradientNorms;
import dev.cauce.train.layer.Sequential;
import dev.cauce.train.optim.Adam;
import dev.cauce.train.optim.Sgd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallbacksTest {
    private static final List<Sample<Tensor>> DIGITS = MnistFixture.train1000();

    private static double firstOverLast(String spec, Initializer init) {
        Sequential model = ModelSpec.build(spec, new int[] {784}, init, 3);
        GradientNorms norms = new GradientNorms(model);
        Trainer t = Trainer.builder(model, new Sgd(0.0, false, 0.0)).learningRate(0.01).seed(1).listener(norms).build();
        t.fit(MnistFixture.batches(DIGITS.subList(0, 256), 64, false), 1);
        double[] mean = norms.perEpoch().getFirst();
        assertEquals(6, mean.length, norms.names().toString());
        return mean[0] / mean[5];
    }

    @Test
    void gradientsVanishInADeepSigmoidNetButNotWithReluHeAndBatchNorm() {
        double sigmoid = firstOverLast("dense(128)-sigmoid-dense(128)-sigmoid-dense(128)-sigmoid-dense(128)-sigmoid-dense(128)-sigmoid-dense(10)",
                Initializer.GLOROT_NORMAL);
        double relu = firstOverLast("dense(128)-bn-relu-dense(128)-bn-relu-dense(128)-bn-relu-dense(128)-bn-relu-dense(128)-bn-relu-dense(10)",
                Initializer.HE_NORMAL);
        System.out.printf("gradient norm ratio first/last: sigmoid %.2e, relu+he+bn %.3f%n", sigmoid, relu);
        assertTrue(sigmoid < 0.01, "sigmoid first/last gradient norm ratio " + sigmoid);
        assertTrue(relu > 0.1 && relu < 10, "relu+he+bn first/last gradient norm ratio " + relu);
    }

    /** A stream whose validation loss is made worse after epoch 1 by a tiny held-out set. */
    @Test
    void earlyStoppingHaltsAndRestoresTheBestEpoch(@TempDir Path dir) throws Exception {
        Sequential model = Sequential.mlp(new int[] {784, 64, 10}, Initializer.HE_NORMAL, 5);
        // train on 100 digits with a large rate: it overfits quickly and validation loss turns up
        DataStream<Batch> train = MnistFixture.batches(DIGITS.subList(0, 100), 20, true);
        DataStream<Batch> val = MnistFixture.batches(DIGITS.subList(500, 700), 100, false);
        EarlyStopping stop = new EarlyStopping(model, "val_loss", 1, 0.0, true);
        Path csv = dir.resolve("metrics.csv");
        Trainer t = Trainer.builder(model, new Adam()).learningRate(5e-3).seed(2).validation(val)
                .listener(stop).listener(new CsvLogger(csv)).build();
        Trainer.History h = t.fit(train, 40);
        assertTrue(stop.stopped(), "early stopping should trigger within 40 epochs");
        assertTrue(h.epochs().size() < 40);
        assertEquals(stop.bestEpoch() + 1 + 1, h.epochs().size(), "patience 1 (Keras): stops at the first epoch after the best that does not improve");
        double bestVal = h.epochs().get(stop.bestEpoch()).validation().loss();
        for (EpochStats s : h.epochs()) assertTrue(s.validation().loss() >= bestVal);
        // the restored weights reproduce the best epoch's validation loss
        assertEquals(bestVal, t.evaluate(val).loss(), 1e-6);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("epoch,loss,accuracy,val_loss,val_accuracy,seconds,samples_per_second,data_wait_share", lines.getFirst());
        assertEquals(h.epochs().size() + 1, lines.size());
        assertTrue(lines.get(1).startsWith("1,"), lines.get(1));
        assertArrayEquals(new String[0], Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".tmp")).toArray(String[]::new));
    }
}
