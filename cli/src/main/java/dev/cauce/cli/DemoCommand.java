package dev.cauce.cli;

import dev.cauce.train.Evaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cauce demo}: a short tour on the bundled samples, ending with an MNIST training run whose
 * last printed line is the test accuracy.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "A tour of Cauce on the bundled samples.",
            "",
            "A short section per modality on samples/, then real MNIST digits streamed through a "
                + "preprocessing pipeline into the SIMD training core (MLP 784-256-128-10, ReLU, Adam 1e-3, "
                + "batch 128, 10 epochs). The last line is the test accuracy."},
        footer = {"", "Examples:", "  cauce demo", "  cauce demo --out /tmp/cauce-demo --epochs 2"})
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "cauce-demo",
            description = "Where the demo writes its pictures (previews, plots). Default: ${DEFAULT-VALUE}.")
    Path out;

    @Option(names = "--epochs", defaultValue = "10", description = "Training epochs of the final MNIST run. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--threads", description = "Compute threads for training. Default: the number of cores.")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        // options first: a bad --epochs or --out used to surface only after the whole tour
        TrainOptions o = threads == null ? TrainOptions.parse("--epochs", String.valueOf(epochs))
                : TrainOptions.parse("--epochs", String.valueOf(epochs), "--threads", String.valueOf(threads));
        o.validate();
        OutputChecks.folder("--out", out);
        Files.createDirectories(out);
        Path samples = Samples.dir();
        for (DemoSection section : DemoSections.all()) {
            System.out.println("== " + section.title());
            long t0 = System.nanoTime();
            section.run(samples, out, System.out);
            System.out.printf("   (%.1f s)%n%n", (System.nanoTime() - t0) * 1e-9);
        }
        System.out.println("== Training on real MNIST digits");
        Evaluation test = TrainingRun.run(o, System.out);
        System.out.printf("pictures written to %s%n", out.toAbsolutePath());
        System.out.printf("test accuracy: %.4f%n", test.accuracy());
        return 0;
    }
}
