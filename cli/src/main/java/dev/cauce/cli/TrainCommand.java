package dev.cauce.cli;

import dev.cauce.train.Evaluation;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

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
            "  cauce train --epochs 3 --model \\",
            "      \"conv(32,5)-relu-maxpool(2)-conv(64,5)-relu-maxpool(2)-dense(128)-relu-dropout(0.5)-dense(10)\"",
            "  cauce train --optimizer \"adam(beta2=0.98)\" --schedule \"cosine(warmup=200)\" --clip-norm 1",
            "  cauce train --validation-split 0.1 --early-stopping 2 --plot curves.png --metrics-csv log.csv",
            "  cauce train --epochs 4 --checkpoint run1     # later: --epochs 8 --checkpoint run1 --resume run1",
            "  cauce train --epochs 12 --swa 9             # prints last-iterate and SWA test accuracy",
            "  L=\"dense(64)-sigmoid\"; cauce train --model \"$L-$L-$L-$L-$L-dense(10)\" --epochs 1 \\",
            "      --init glorot-normal --optimizer sgd --lr 0.1 --grad-norms norms.png",
            "      # vanishing gradients: the first layer's norms sit ~300x below the last layer's (log scale)",
            "",
            "Exit codes: 0 success; 1 data problem or diverged training (NaN loss: the epoch and batch are",
            "named, the checkpoint keeps the last completed epoch); 2 bad option (e.g. a typo in the model",
            "spec, or layers whose shapes do not chain: the token is named)."})
public final class TrainCommand implements Callable<Integer> {

    @Mixin
    TrainOptions options = new TrainOptions();

    @ParentCommand
    Main parent;

    @Override
    public Integer call() throws Exception {
        Evaluation test = TrainingRun.run(options, System.out, parent == null ? null : parent.warmup);
        System.out.printf("test loss: %.4f%n", test.loss());
        System.out.printf("test accuracy: %.4f%n", test.accuracy());
        return 0;
    }
}
