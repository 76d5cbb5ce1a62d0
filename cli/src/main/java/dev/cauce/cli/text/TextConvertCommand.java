package dev.cauce.cli.text;

import dev.cauce.cli.Main;
import dev.cauce.cli.OptionChecks;
import dev.cauce.cli.Words;
import dev.cauce.core.io.AtomicFiles;
import dev.cauce.core.io.NdArray;
import dev.cauce.core.io.Npz;
import dev.cauce.preprocess.text.BagOfWords;
import dev.cauce.preprocess.text.NGrams;
import dev.cauce.preprocess.text.SequenceEncoder;
import dev.cauce.preprocess.text.Vocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** {@code cauce text convert}: a corpus to one NPZ of features and labels. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Convert a text corpus into a feature matrix (NumPy NPZ).",
                "--in is a folder (each file a document, labelled by its folder's name), a .tar/.tar.gz archive "
                        + "(same rule for member paths, e.g. spam-assassin/spam-1/00001.txt is labelled spam-1) or one file.",
                "Outputs in the NPZ: x = float32 (N, V) counts/TF-IDF (bow, tfidf) or float32 (N, --length) token ids "
                        + "(seq); y = int64 (N) label index. Beside it: <out>.vocab.txt (column or id -> term, one per "
                        + "line) and <out>.classes.txt (label index -> folder name). TF-IDF is scikit-learn's "
                        + "(smooth idf, l2 rows)."},
        footer = {"", "Examples:",
                "  cauce text convert --in spam-assassin.tar.gz --out mails.npz --features tfidf --encoding latin-1",
                "  cauce text convert --in reviews/ --out seq.npz --features seq --length 200 --stopwords en",
                "", "Exit codes: 0 all converted, 1 some documents failed (report printed), 2 usage error."})
public final class TextConvertCommand implements Callable<Integer> {

    @Option(names = "--in", required = true, description = "Corpus: a folder, a .tar/.tar.gz/.tgz archive, or one file.")
    Path in;

    @Option(names = "--out", required = true, description = "Output .npz file.")
    Path out;

    @Option(names = "--features", defaultValue = "tfidf", description = "bow (term counts), binary, tfidf, or seq (id sequences) (default: ${DEFAULT-VALUE}).")
    String features;

    @Option(names = "--min-df", defaultValue = "2", description = "Keep terms found in at least this many documents (seq: this many times) (default: ${DEFAULT-VALUE}).")
    int minDf;

    @Option(names = "--max-features", defaultValue = "10000", description = "Keep at most this many terms, the most frequent; 0 = all (default: ${DEFAULT-VALUE}).")
    int maxFeatures;

    @Option(names = "--ngrams", defaultValue = "1,1", description = "Word n-gram range min,max for bow/tfidf (default: ${DEFAULT-VALUE}).")
    String ngrams;

    @Option(names = "--length", defaultValue = "200", description = "seq: ids per document, padded (0 = <pad>) or truncated at the end (default: ${DEFAULT-VALUE}).")
    int length;

    @picocli.CommandLine.Mixin
    dev.cauce.cli.OnErrorOption onError = new dev.cauce.cli.OnErrorOption();

    @Option(names = "--quiet", description = "No progress bar. Default: a progress bar on standard error when it is a terminal.")
    boolean quiet;

    @Mixin
    TextOptions text = new TextOptions();

    private final PrintStream err;

    public TextConvertCommand() {
        this(System.err);
    }

    TextConvertCommand(PrintStream err) {
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        if (!out.getFileName().toString().endsWith(".npz")) throw new Main.UsageException("--out must end in .npz, got " + out);
        dev.cauce.cli.OutputChecks.file("--out", out, "text convert writes one .npz file");
        OptionChecks.atLeast("--min-df", minDf, 1);
        OptionChecks.atLeast("--max-features", maxFeatures, 0);
        OptionChecks.atLeast("--length", length, 1);
        var pipeline = text.pipeline();
        var loaded = CorpusLoader.load(in, text.decoding(), onError.failFast(), quiet, pipeline::tokens);
        List<List<String>> docs = new ArrayList<>();
        List<String> classes = new ArrayList<>(new TreeSet<>(loaded.docs().stream().map(CorpusLoader.Doc::label).toList()));
        long[] y = new long[loaded.docs().size()];
        for (int i = 0; i < y.length; i++) {
            docs.add(loaded.docs().get(i).value());
            y[i] = classes.indexOf(loaded.docs().get(i).label());
        }
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        List<String> vocab;
        switch (features) {
            case "bow", "binary", "tfidf" -> {
                BagOfWords.Weighting w = switch (features) {
                    case "bow" -> BagOfWords.Weighting.COUNTS;
                    case "binary" -> BagOfWords.Weighting.BINARY;
                    default -> BagOfWords.Weighting.TFIDF;
                };
                BagOfWords model = BagOfWords.fit(docs, new BagOfWords.Options(w, w == BagOfWords.Weighting.TFIDF, minDf, maxFeatures, parseNgrams()));
                arrays.put("x", NdArray.of(model.toTensor(docs)));
                vocab = model.terms();
            }
            case "seq" -> {
                Vocabulary v = Vocabulary.fit(docs, minDf, maxFeatures, true);
                arrays.put("x", NdArray.of(new SequenceEncoder(v, length, SequenceEncoder.Side.POST, SequenceEncoder.Side.POST).toTensor(docs)));
                vocab = v.terms();
            }
            default -> throw new Main.UsageException("--features must be bow, binary, tfidf or seq, got '" + features + "'");
        }
        // an empty vocabulary gives a matrix of zero columns: useless for training; say what emptied
        // it (a --min-df this corpus cannot meet, or no terms at all) and write nothing
        int reserved = features.equals("seq") ? 2 : 0;
        if (vocab.size() <= reserved) {
            String why;
            if (minDf > 1) {
                why = "no term of " + in + (reserved > 0 ? " occurs at least --min-df " + Words.count(minDf, "time")
                        : " is in at least --min-df " + minDf + " of its " + Words.count(docs.size(), "document"))
                        + "; lower --min-df (1 keeps every term)";
            } else {
                why = Words.count(docs.size(), "document") + " of " + in + (docs.size() == 1 ? " leaves" : " leave")
                        + " no terms after tokenizing"
                        + " (empty files, only stopwords, or --ngrams longer than the documents?)";
            }
            throw new Main.UsageException(why + "; the matrix would have no columns, so nothing was written");
        }
        arrays.put("y", NdArray.ofLongs(y, y.length));
        String base = out.getFileName().toString().replaceFirst("\\.npz$", "");
        writeLines(out.resolveSibling(base + ".vocab.txt"), vocab);
        writeLines(out.resolveSibling(base + ".classes.txt"), classes);
        Npz.write(out, arrays);
        err.printf("%d documents, %d classes %s, %d terms -> %s%n", y.length, classes.size(), classes, vocab.size(), out);
        return loaded.report(err);
    }

    private NGrams parseNgrams() {
        String[] p = ngrams.split(",");
        try {
            return new NGrams(Integer.parseInt(p[0].strip()), Integer.parseInt(p[p.length - 1].strip()));
        } catch (RuntimeException e) {
            throw new Main.UsageException("--ngrams must be min,max with 1 <= min <= max, got '" + ngrams + "'");
        }
    }

    static void writeLines(Path file, List<String> lines) throws java.io.IOException {
        AtomicFiles.write(file, o -> o.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
    }
}
