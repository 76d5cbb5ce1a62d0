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
                + "the last line is the test accuracy."},
        footer = {"",
            "Examples:",
            "  cauce train                                   # MLP 784-256-128-10 on samples/mnist",
            "  cauce train --epochs 3 --optimizer sgd --lr 0.1",
            "  cauce train --data ~/mnist --hidden 512,256 --threads 1 --seed 7"})
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
