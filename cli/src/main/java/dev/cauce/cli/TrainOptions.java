package dev.cauce.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options shared by {@code cauce train} and the training run at the end of {@code cauce demo}. */
public final class TrainOptions {

    @Option(names = "--data", paramLabel = "DIR",
            description = {"Folder with the train and test splits: " + dev.cauce.core.io.LabelledData.SPLIT_FILES + ".",
                "Default: the bundled MNIST subset, samples/mnist (8,000 train, 2,000 test digits)."})
    Path data;

    @Option(names = "--model", paramLabel = "SPEC",
            description = {"Model spec: layers joined by '-', e.g. conv(32,5)-relu-maxpool(2)-dense(128)-relu-dropout(0.5)-dense(10).",
                "Layers: " + dev.cauce.train.ModelSpec.ALLOWED + ".",
                "The input shape is one sample's shape with a channel axis, e.g. (1,28,28) for MNIST digits, so conv layers work; "
                    + "dense layers read all features. The last layer's size must be the number of classes.",
                "Default: none, meaning the MLP of --hidden (Dense + ReLU per hidden size, then Dense to the classes)."})
    String model;

    @Option(names = "--hidden", paramLabel = "N[,N...]", split = ",", defaultValue = "256,128",
            description = "Hidden layer sizes of the default MLP, used only without --model; the input and output sizes come from the data. Default: ${DEFAULT-VALUE}.")
    int[] hidden;

    @Option(names = "--aux-task", paramLabel = "TASK",
            description = {"Multi-task learning: add a head on the shared trunk that learns a label derived from the class label: "
                    + "parity (label mod 2), ge(T) (label >= T) or mod(K) (label mod K). Repeat for several heads.",
                "The model's last dense layer stays the main head and the layers before it form the trunk; the loss is the weighted sum "
                    + "of the task losses (--task-weights) and each head's test accuracy is reported. Default: none (one task)."})
    java.util.List<String> auxTasks;

    @Option(names = "--task-weights", paramLabel = "W[,W...]", split = ",",
            description = "Weights of the task losses in the summed loss: the main task first, then each --aux-task in order. Default: 1 for every task.")
    java.util.List<Double> taskWeights;

    @Option(names = "--optimizer", paramLabel = "SPEC", defaultValue = "adam",
            description = {"Optimizer name or spec with arguments: " + dev.cauce.train.optim.Optimizers.NAMES + ",",
                "e.g. sgd, momentum(momentum=0.95), nesterov(momentum=0.95), adam(beta2=0.98, wd=0.01), adamw(wd=0.05). Default: ${DEFAULT-VALUE}."})
    String optimizer;

    @Option(names = "--schedule", paramLabel = "SPEC", defaultValue = "constant",
            description = {"Learning-rate schedule from --lr: " + dev.cauce.train.schedule.Schedules.NAMES + ",",
                "e.g. cosine(warmup=500), exp(gamma=0.999), step(size=200, gamma=0.5), cyclic(up=100); steps count optimizer updates over all epochs. Default: ${DEFAULT-VALUE}."})
    String schedule;

    @Option(names = {"--lr", "--learning-rate"}, defaultValue = "1e-3",
            description = "Learning rate. Default: ${DEFAULT-VALUE}.")
    double learningRate;

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

    @Option(names = "--clip-norm", paramLabel = "MAX", defaultValue = "0",
            description = "Clip the gradients by global L2 norm: g <- g*MAX/||g|| when ||g|| > MAX; 0 = off. Default: ${DEFAULT-VALUE}.")
    double clipNorm;

    @Option(names = "--clip-value", paramLabel = "MAX", defaultValue = "0",
            description = "Clip each gradient component to [-MAX, MAX]; 0 = off. Default: ${DEFAULT-VALUE}.")
    double clipValue;

    @Option(names = "--l1", paramLabel = "LAMBDA", defaultValue = "0",
            description = "L1 penalty lambda*||w||_1 on dense and conv weights, added to the gradient; 0 = off. Default: ${DEFAULT-VALUE}.")
    double l1;

    @Option(names = "--l2", paramLabel = "LAMBDA", defaultValue = "0",
            description = "L2 penalty lambda/2*||w||^2 on dense and conv weights, added to the gradient; 0 = off. Default: ${DEFAULT-VALUE}.")
    double l2;

    @Option(names = "--weight-decay", paramLabel = "WD", defaultValue = "0",
            description = "Decoupled weight decay (AdamW-style, w <- w - lr*WD*w, outside the gradient) around any optimizer; 0 = off. Default: ${DEFAULT-VALUE}.")
    double weightDecay;

    @Option(names = "--label-smoothing", paramLabel = "EPS", defaultValue = "0",
            description = "Label smoothing of the cross-entropy targets (1-EPS on the true class, EPS spread over all); 0 = off. Default: ${DEFAULT-VALUE}.")
    double labelSmoothing;

    @Option(names = "--input-noise", paramLabel = "SIGMA", defaultValue = "0",
            description = "Gaussian noise N(0, SIGMA^2) added to the scaled training inputs (not to validation or test); 0 = off. Default: ${DEFAULT-VALUE}.")
    double inputNoise;

    @Option(names = "--weight-noise", paramLabel = "SIGMA", defaultValue = "0",
            description = "Gaussian noise N(0, SIGMA^2) on the weights for each batch's forward and backward pass (the update applies to the clean weights); 0 = off. Default: ${DEFAULT-VALUE}.")
    double weightNoise;

    @Option(names = "--validation-split", paramLabel = "FRACTION", defaultValue = "0",
            description = "Hold out the last FRACTION of the training split for validation (val_loss, val_accuracy per epoch); 0 = none. Default: ${DEFAULT-VALUE}.")
    double validationSplit;

    @Option(names = "--early-stopping", paramLabel = "PATIENCE",
            description = "Stop after PATIENCE epochs in a row in which --monitor did not improve by more than --min-delta (Keras' EarlyStopping: "
                    + "0 and 1 both stop at the first epoch without improvement), then restore the best epoch's weights. Default: off.")
    Integer earlyStopping;

    @Option(names = "--monitor", defaultValue = "auto",
            description = "Metric for early stopping: loss, accuracy, val_loss, val_accuracy; auto = val_loss with --validation-split, else loss. Default: ${DEFAULT-VALUE}.")
    String monitor;

    @Option(names = "--min-delta", defaultValue = "0",
            description = "Smallest change of --monitor that counts as an improvement. Default: ${DEFAULT-VALUE}.")
    double minDelta;

    @Option(names = "--checkpoint", paramLabel = "DIR",
            description = "After every epoch write DIR/model.safetensors (weights, with the JSON config in its metadata and in model.safetensors.json) "
                    + "and DIR/optimizer.safetensors (optimizer state), each atomically. Default: none.")
    Path checkpoint;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Continue a run from the checkpoint in DIR (weights, optimizer state, epoch, step); the other options must match the "
                    + "original run (a different model, --seed or --optimizer is refused), and --epochs is the total. Default: none.")
    Path resume;

    @Option(names = "--swa", paramLabel = "START",
            description = "Stochastic weight averaging from epoch START (1-based): during epoch START the rate anneals (half cosine) to --swa-lr and stays there; "
                    + "the weights are averaged over the ends of epochs START..last; batch-norm statistics are recomputed on the training data; reports the last-iterate and the SWA test accuracy. Default: off.")
    Integer swa;

    @Option(names = "--swa-lr", paramLabel = "LR",
            description = "Learning rate during SWA. Default: half of --lr.")
    Double swaLr;

    @Option(names = "--ema", paramLabel = "DECAY",
            description = "Polyak/EMA averaging of the weights after every update (e.g. 0.999); the test accuracy of the averaged model is reported too. Default: off.")
    Double ema;

    @Option(names = "--ema-correction", paramLabel = "KIND", defaultValue = "none",
            description = {"How --ema treats its start: none = the first snapshot starts the average (PyTorch AveragedModel); "
                    + "adam = zero start divided by 1-DECAY^n (Adam's bias correction); "
                    + "num-updates = decay min(DECAY, (1+n)/(10+n)) after n snapshots (TensorFlow's ExponentialMovingAverage). Default: ${DEFAULT-VALUE}."})
    String emaCorrection;

    @Option(names = "--ensemble", paramLabel = "K", defaultValue = "1",
            description = "Train K models from seeds SEED, SEED+1, ... and average their predicted probabilities on the test split. Default: ${DEFAULT-VALUE}.")
    int ensemble;

    @Option(names = "--metrics-csv", paramLabel = "FILE",
            description = "Write one CSV row of metrics per epoch to FILE. Default: none.")
    Path metricsCsv;

    @Option(names = "--plot", paramLabel = "FILE.png",
            description = "Save training curves (train and validation loss and accuracy per epoch) as a PNG, atomically. Default: none.")
    Path plot;

    @Option(names = "--grad-norms", paramLabel = "FILE.png",
            description = "Record each weight's gradient L2 norm after every batch and plot them per layer on a log scale, atomically. Default: none.")
    Path gradNorms;

    int threads() {
        int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (t < 1 || t > 1024) throw new Main.UsageException("--threads must be in [1, 1024], got " + t);
        return t;
    }

    Path dataDir() {
        return data != null ? data : Samples.dir().resolve("mnist");
    }

    void validate() {
        if (epochs < 1) throw new Main.UsageException("--epochs must be at least 1, got " + epochs);
        if (batchSize < 1) throw new Main.UsageException("--batch-size must be at least 1, got " + batchSize);
        threads();   // checked with the others, before the data loads
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new Main.UsageException("--lr must be a positive number, got " + learningRate);
        }
        for (int h : hidden) if (h < 1) throw new Main.UsageException("--hidden sizes must be positive, got " + h);
        nonNegative("--clip-norm", clipNorm);
        nonNegative("--clip-value", clipValue);
        nonNegative("--l1", l1);
        nonNegative("--l2", l2);
        nonNegative("--weight-decay", weightDecay);
        nonNegative("--input-noise", inputNoise);
        nonNegative("--weight-noise", weightNoise);
        nonNegative("--min-delta", minDelta);
        if (!(labelSmoothing >= 0 && labelSmoothing < 1)) throw new Main.UsageException("--label-smoothing must be in [0, 1), got " + labelSmoothing);
        if (!(validationSplit >= 0 && validationSplit < 1)) throw new Main.UsageException("--validation-split must be in [0, 1), got " + validationSplit);
        if (earlyStopping != null && earlyStopping < 0) throw new Main.UsageException("--early-stopping patience must be >= 0, got " + earlyStopping);
        if (!java.util.List.of("auto", "loss", "accuracy", "val_loss", "val_accuracy").contains(monitor)) {
            throw new Main.UsageException("--monitor must be loss, accuracy, val_loss or val_accuracy, got '" + monitor + "'");
        }
        if (monitor.startsWith("val_") && validationSplit == 0) throw new Main.UsageException("--monitor " + monitor + " needs --validation-split");
        if (swa != null && (swa < 1 || swa > epochs)) throw new Main.UsageException("--swa START must be an epoch in [1, " + epochs + "], got " + swa);
        if (swaLr != null && !(swaLr > 0)) throw new Main.UsageException("--swa-lr must be positive, got " + swaLr);
        if (ema != null && !(ema > 0 && ema < 1)) throw new Main.UsageException("--ema DECAY must be in (0, 1), got " + ema);
        emaCorrection();
        if (taskWeights != null && !multiTask()) throw new Main.UsageException("--task-weights needs at least one --aux-task");
        if (ensemble < 1) throw new Main.UsageException("--ensemble K must be at least 1, got " + ensemble);
        if (ensemble > 1 && (checkpoint != null || resume != null)) throw new Main.UsageException("--ensemble cannot be combined with --checkpoint or --resume");
    }

    /**
     * The paths the run will write or read, checked before any data is loaded: a --checkpoint or
     * --plot that cannot be written used to fail only after the first epoch (or the whole run).
     */
    void checkPaths() throws java.io.IOException {
        if (checkpoint != null) OutputChecks.folder("--checkpoint", checkpoint);
        if (plot != null) OutputChecks.file("--plot", plot, "a PNG file");
        if (gradNorms != null) OutputChecks.file("--grad-norms", gradNorms, "a PNG file");
        if (metricsCsv != null) OutputChecks.file("--metrics-csv", metricsCsv, "a CSV file");
        if (resume != null) {
            if (!java.nio.file.Files.isDirectory(resume)) {
                throw new Main.UsageException("--resume " + resume + ": " + (java.nio.file.Files.exists(resume) ? "is a file" : "no such folder")
                        + ", expected the folder a run wrote with --checkpoint");
            }
            if (!java.nio.file.Files.isRegularFile(resume.resolve(CheckpointDir.MODEL))) {
                throw new Main.UsageException("--resume " + resume + ": no checkpoint in this folder (" + CheckpointDir.MODEL
                        + " is missing); a run writes one with --checkpoint " + resume);
            }
        }
    }

    dev.cauce.train.average.Ema.Correction emaCorrection() {
        try {
            return dev.cauce.train.average.Ema.Correction.parse(emaCorrection);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException("--ema-correction: " + e.getMessage());
        }
    }

    boolean multiTask() {
        return auxTasks != null && !auxTasks.isEmpty();
    }

    String monitorMetric() {
        return !monitor.equals("auto") ? monitor : validationSplit > 0 ? "val_loss" : "loss";
    }

    private static void nonNegative(String option, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) throw new Main.UsageException(option + " must be a finite number >= 0, got " + v);
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
