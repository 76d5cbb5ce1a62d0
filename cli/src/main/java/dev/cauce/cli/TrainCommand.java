package dev.cauce.cli;

import dev.cauce.train.Evaluation;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code cauce train}: trains a classifier on a folder of train/test splits and reports test accuracy. */
@Command(name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Train a classifier with Cauce's SIMD training core.",
            "",
            "The samples stream through the preprocessing pipeline (pixel scaling to [0,1], a seeded "
                + "shuffle, batching, prefetch on a background thread) into the trainer. One line per epoch "
                + "gives the loss, accuracy, throughput and the share of time spent waiting for data; "
                + "the last line is the test accuracy (of the SWA/EMA model or the ensemble when asked)."},
        footer = {"",
            "Examples:",
            "  cauce train                                   # MLP 784-256-128-10 on samples/mnist",
            "  cauce train --epochs 3 --optimizer sgd --lr 0.1",
            "  cauce train --data ~/mnist --hidden 512,256 --threads 1 --seed 7",
            "  cauce train --epochs 3 --model \"conv(32,5)-relu-maxpool(2)-conv(64,5)-relu-maxpool(2)-dense(128)-relu-dropout(0.5)-dense(10)\"",
            "  cauce train --optimizer \"adam(beta2=0.98)\" --schedule \"cosine(warmup=200)\" --weight-decay 0.01 --clip-norm 1",
            "  cauce train --validation-split 0.1 --early-stopping 2 --monitor val_loss --plot curves.png --metrics-csv log.csv",
            "  cauce train --epochs 4 --checkpoint run1      # then: cauce train --epochs 8 --checkpoint run1 --resume run1",
            "  cauce train --epochs 12 --swa 9 --swa-lr 5e-4     # reports last-iterate and SWA test accuracy",
            "  cauce train --epochs 1 --model \"dense(64)-sigmoid-dense(64)-sigmoid-dense(64)-sigmoid-dense(64)-sigmoid-dense(64)-sigmoid-dense(10)\" \\",
            "      --init normal --optimizer sgd --lr 0.1 --grad-norms sigmoid-norms.png   # vanishing gradients, log scale",
            "",
            "Exit codes: 0 success; 1 data problem or diverged training (NaN loss: epoch and batch named, checkpoint left intact); "
                + "2 bad option (e.g. a model spec typo or layers whose shapes do not chain)."})
public final class TrainCommand implements Callable<Integer> {

    @Mixin
    TrainOptions options = new TrainOptions();

    @Override
    public Integer call() throws Exception {
        Evaluation test = TrainingRun.run(options, System.out);
        System.out.printf("test loss: %.4f%n", test.loss());
        System.out.printf("test accuracy: %.4f%n", test.accuracy());
        return 0;
    }
}
