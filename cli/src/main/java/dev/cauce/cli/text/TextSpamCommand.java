package dev.cauce.cli.text;

import dev.cauce.cli.Main;
import dev.cauce.cli.OptionChecks;
import dev.cauce.cli.Words;
import dev.cauce.core.Batch;
import dev.cauce.core.DataStream;
import dev.cauce.core.Rng;
import dev.cauce.core.Sample;
import dev.cauce.core.Tensor;
import dev.cauce.core.simd.ComputePool;
import dev.cauce.preprocess.text.BagOfWords;
import dev.cauce.preprocess.text.TextCleaner;
import dev.cauce.preprocess.text.TokenPipeline;
import dev.cauce.preprocess.text.Tokenizer;
import dev.cauce.train.Initializer;
import dev.cauce.train.Trainer;
import dev.cauce.train.layer.Context;
import dev.cauce.train.layer.Sequential;
import dev.cauce.train.optim.Adam;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code cauce text spam}: the course's spam filter, TF-IDF into the training core, with a held-out test split. */
@Command(name = "spam", mixinStandardHelpOptions = true,
        description = {"Train and test a spam filter on a labelled e-mail corpus.",
                "E-mail bodies (headers stripped) -> scikit-learn-style TF-IDF fitted on the training split only -> a "
                        + "softmax classifier (a Dense layer, or an MLP with --hidden) trained with Adam. "
                        + "A document is spam when its folder name contains --positive. Prints accuracy, precision "
                        + "and recall on the held-out split."},
        footer = {"", "Example:", "  cauce text spam --in spam-assassin.tar.gz --test-fraction 0.2 --seed 42"})
public final class TextSpamCommand implements Callable<Integer> {

    @Option(names = "--in", required = true, description = "Labelled corpus (folder or .tar.gz; labels from folder names).")
    Path in;

    @Option(names = "--positive", defaultValue = "spam", description = "Folder-name substring of the spam class (default: ${DEFAULT-VALUE}).")
    String positive;

    @Option(names = "--test-fraction", defaultValue = "0.2", description = "Share of documents held out for testing (default: ${DEFAULT-VALUE}).")
    double testFraction;

    @Option(names = "--max-features", defaultValue = "5000", description = "TF-IDF vocabulary size (default: ${DEFAULT-VALUE}).")
    int maxFeatures;

    @Option(names = "--hidden", defaultValue = "0", description = "Hidden ReLU units; 0 = a linear (logistic) classifier (default: ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--epochs", defaultValue = "8", description = "Training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--lr", defaultValue = "0.01", description = "Adam learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--batch", defaultValue = "64", description = "Batch size (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--threads", defaultValue = "2", description = "Compute threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the split, the initial weights and the shuffling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--encoding", defaultValue = "latin-1", description = "utf-8, utf-8-replace or latin-1 (default: ${DEFAULT-VALUE}, right for the mixed-charset SpamAssassin mails).")
    String encoding;

    @picocli.CommandLine.Mixin
    dev.cauce.cli.OnErrorOption onError = new dev.cauce.cli.OnErrorOption();

    /** Held-out results. */
    record Result(long tp, long fp, long fn, long tn) {
        double accuracy() { return (tp + tn) / (double) (tp + fp + fn + tn); }
        double precision() { return tp + fp == 0 ? 0 : tp / (double) (tp + fp); }
        double recall() { return tp + fn == 0 ? 0 : tp / (double) (tp + fn); }
    }

    private final PrintStream stdout;
    Result last;

    public TextSpamCommand() {
        this(System.out);
    }

    TextSpamCommand(PrintStream stdout) {
        this.stdout = stdout;
    }

    @Override
    public Integer call() throws Exception {
        if (!(testFraction > 0 && testFraction < 1)) throw new Main.UsageException("--test-fraction must be in (0, 1), got " + testFraction);
        OptionChecks.atLeast("--max-features", maxFeatures, 0);
        OptionChecks.atLeast("--hidden", hidden, 0);
        OptionChecks.atLeast("--epochs", epochs, 1);
        OptionChecks.positive("--lr", lr);
        TokenPipeline pipeline = new TokenPipeline(TextCleaner.defaults().withStripEmailHeaders(true), Tokenizer.sklearnDefault(), null, null);
        long t0 = System.nanoTime();
        var loaded = CorpusLoader.load(in, TextOptions.decoding(encoding), onError.failFast(), false, pipeline::tokens);
        int n = loaded.docs().size();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Rng.seeded(seed).child(0).shuffle(order);
        int nTest = (int) Math.round(n * testFraction);
        List<Integer> trainIdx = new ArrayList<>();
        List<Integer> testIdx = new ArrayList<>();
        for (int i = 0; i < n; i++) (i < nTest ? testIdx : trainIdx).add(order[i]);
        List<List<String>> trainDocs = trainIdx.stream().map(i -> loaded.docs().get(i).value()).toList();
        BagOfWords tfidf = BagOfWords.fit(trainDocs, BagOfWords.Options.tfidf(2).withMaxFeatures(maxFeatures));
        List<Sample<Tensor>> train = samples(loaded, trainIdx, tfidf);
        List<Sample<Tensor>> test = samples(loaded, testIdx, tfidf);
        long spam = train.stream().filter(s -> s.label() == 1).count() + test.stream().filter(s -> s.label() == 1).count();
        stdout.printf("%d documents (%d spam, %d ham), %d train / %d test, %d TF-IDF features (%.1f s)%n",
                n, spam, n - spam, train.size(), test.size(), tfidf.dim(), (System.nanoTime() - t0) / 1e9);
        int[] sizes = hidden > 0 ? new int[] {tfidf.dim(), hidden, 2} : new int[] {tfidf.dim(), 2};
        Sequential model = Sequential.mlp(sizes, Initializer.GLOROT_UNIFORM, seed);
        long t1 = System.nanoTime();
        try (ComputePool pool = new ComputePool(threads)) {
            Trainer trainer = Trainer.builder(model, new Adam()).learningRate(lr).pool(pool).seed(seed).build();
            DataStream<Batch> stream = DataStream.of(train).shuffle(train.size()).batch(batch, Batch::collate);
            Trainer.History h = trainer.fit(stream, epochs);
            long tp = 0, fp = 0, fn = 0, tn = 0;
            for (int from = 0; from < test.size(); from += 256) {
                Batch b = Batch.collate(test.subList(from, Math.min(test.size(), from + 256)));
                int[] pred = dev.cauce.train.ensemble.Ensemble.argmax(model.forward(b.x(), Context.inference(pool)));
                for (int i = 0; i < pred.length; i++) {
                    boolean isSpam = b.labels()[i] == 1;
                    if (pred[i] == 1) { if (isSpam) tp++; else fp++; } else { if (isSpam) fn++; else tn++; }
                }
            }
            last = new Result(tp, fp, fn, tn);
            stdout.printf("trained %s in %.1f s, final train loss %.4f%n", Words.count(epochs, "epoch"), (System.nanoTime() - t1) / 1e9,
                    h.losses()[h.losses().length - 1]);
        }
        stdout.printf("held-out test: accuracy %.4f, precision %.4f, recall %.4f (tp %d, fp %d, fn %d, tn %d)%n",
                last.accuracy(), last.precision(), last.recall(), last.tp(), last.fp(), last.fn(), last.tn());
        if (nTest < 20) {
            System.err.println("warning: only " + nTest + " held-out document(s): these scores say little; "
                    + "use a larger corpus or a larger --test-fraction");
        }
        return loaded.report(System.err);
    }

    private List<Sample<Tensor>> samples(CorpusLoader.Loaded<List<String>> loaded, List<Integer> idx, BagOfWords tfidf) {
        List<Sample<Tensor>> out = new ArrayList<>(idx.size());
        for (int k = 0; k < idx.size(); k++) {
            var d = loaded.docs().get(idx.get(k));
            float[] x = new float[tfidf.dim()];
            tfidf.transform(d.value()).addTo(x, 0);
            out.add(new Sample<>(k, d.source(), Tensor.of(x, x.length), d.label().contains(positive) ? 1 : 0));
        }
        return out;
    }
}
