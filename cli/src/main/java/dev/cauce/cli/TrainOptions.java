package dev.cauce.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options shared by {@code cauce train} and the training run at the end of {@code cauce demo}. */
public final class TrainOptions {

    @Option(names = "--data", paramLabel = "DIR",
            description = {"Folder with the train and test splits: " + dev.cauce.core.io.LabelledData.SPLIT_FILES + ".",
                "Default: the bundled MNIST subset, samples/mnist (8,000 train, 2,000 test digits)."})
    Path data;

    @Option(names = "--hidden", paramLabel = "N[,N...]", split = ",", defaultValue = "256,128",
            description = "Hidden layer sizes of the MLP (Dense + ReLU each); the input and output sizes come from the data. Default: ${DEFAULT-VALUE}.")
    int[] hidden;

    @Option(names = "--optimizer", defaultValue = "adam",
            description = "One of ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    OptimizerChoice optimizer;

    @Option(names = {"--lr", "--learning-rate"}, defaultValue = "1e-3",
            description = "Learning rate. Default: ${DEFAULT-VALUE}.")
    double learningRate;

    @Option(names = "--momentum", defaultValue = "0.9",
            description = "Momentum for the momentum and nesterov optimizers. Default: ${DEFAULT-VALUE}.")
    double momentum;

    @Option(names = "--epochs", defaultValue = "10", description = "Passes over the training split. Default: ${DEFAULT-VALUE}.")
    int epochs;

    @Option(names = "--batch-size", defaultValue = "128", description = "Samples per update. Default: ${DEFAULT-VALUE}.")
    int batchSize;

    @Option(names = "--init", defaultValue = "he-normal", converter = InitConverter.class,
            description = "Weight initialization: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE} (suits ReLU).")
    InitChoice init;

    @Option(names = "--seed", defaultValue = "42",
            description = "Seed for initialization, shuffling and every random transform; the same seed gives "
                    + "the same per-epoch losses with any --threads. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--threads", description = "Compute threads for the training kernels. Default: the number of cores.")
    Integer threads;

    int threads() {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1) throw new Main.UsageException("--threads must be at least 1, got " + t);
        return t;
    }

    Path dataDir() {
        return data != null ? data : Samples.dir().resolve("mnist");
    }

    void validate() {
        if (epochs < 1) throw new Main.UsageException("--epochs must be at least 1, got " + epochs);
        if (batchSize < 1) throw new Main.UsageException("--batch-size must be at least 1, got " + batchSize);
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new Main.UsageException("--lr must be a positive number, got " + learningRate);
        }
        for (int h : hidden) if (h < 1) throw new Main.UsageException("--hidden sizes must be positive, got " + h);
    }

    /** Options with every default applied, plus {@code args} (used by the demo, which has no own options for them). */
    static TrainOptions parse(String... args) {
        TrainOptions o = new TrainOptions();
        new picocli.CommandLine(o).parseArgs(args);
        return o;
    }

    static final class InitConverter implements picocli.CommandLine.ITypeConverter<InitChoice> {
        @Override
        public InitChoice convert(String value) {
            try {
                return InitChoice.valueOf(value.replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not one of "
                        + java.util.Arrays.toString(InitChoice.values()));
            }
        }
    }

    enum OptimizerChoice { sgd, momentum, nesterov, rmsprop, adam, adamw }

    enum InitChoice {
        normal001(dev.cauce.train.Initializer.NORMAL_001),
        normal(dev.cauce.train.Initializer.STANDARD_NORMAL),
        glorot_uniform(dev.cauce.train.Initializer.GLOROT_UNIFORM),
        glorot_normal(dev.cauce.train.Initializer.GLOROT_NORMAL),
        he_normal(dev.cauce.train.Initializer.HE_NORMAL),
        he_uniform(dev.cauce.train.Initializer.HE_UNIFORM);

        final dev.cauce.train.Initializer initializer;

        InitChoice(dev.cauce.train.Initializer i) {
            this.initializer = i;
        }

        @Override
        public String toString() {
            return name().replace('_', '-');
        }
    }
}
