package dev.cauce.cli.text;

import dev.cauce.cli.Main;
import dev.cauce.cli.OptionChecks;
import dev.cauce.cli.Words;
import dev.cauce.preprocess.text.EmailText;
import dev.cauce.preprocess.text.word2vec.Sentences;
import dev.cauce.preprocess.text.word2vec.Word2Vec;
import dev.cauce.preprocess.text.word2vec.Word2VecConfig;
import dev.cauce.preprocess.text.word2vec.WordVectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code cauce text word2vec}: train word vectors on a corpus. */
@Command(name = "word2vec", mixinStandardHelpOptions = true,
        description = {"Train word2vec (negative sampling) on a corpus and save the vectors.",
                "Text is lowercased, split into sentences at . ! ? and into words of letters; no sentence is ever "
                        + "truncated. With --threads 1 the result is bit-reproducible for a given --seed; with more "
                        + "threads the lock-free (Hogwild) updates make it depend on timing, as in word2vec.c and gensim."},
        footer = {"", "Examples:",
                "  cauce text word2vec --in moby-dick.txt --out vectors.txt --neighbours whale,ship,sea",
                "  cauce text word2vec --in corpus/ --out vectors.bin --model cbow --dim 200 --threads 2"})
public final class TextWord2VecCommand implements Callable<Integer> {

    @Option(names = "--in", required = true, description = "Corpus: a text file, a folder, or a .tar/.tar.gz archive.")
    Path in;

    @Option(names = "--out", required = true, description = "Output vectors: word2vec text format, or binary when the name ends in .bin.")
    Path out;

    @Option(names = "--model", defaultValue = "skipgram", description = "skipgram or cbow (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--dim", defaultValue = "100", description = "Vector size (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--window", defaultValue = "5", description = "Maximum context distance (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--negative", defaultValue = "5", description = "Noise words per pair (default: ${DEFAULT-VALUE}).")
    int negative;

    @Option(names = "--min-count", defaultValue = "5", description = "Ignore words rarer than this (default: ${DEFAULT-VALUE}).")
    int minCount;

    @Option(names = "--epochs", defaultValue = "5", description = "Passes over the corpus (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--sample", defaultValue = "1e-3", description = "Frequent-word subsampling threshold, 0 = off (default: ${DEFAULT-VALUE}).")
    double sample;

    @Option(names = "--alpha", defaultValue = "0.025", description = "Initial learning rate, decayed linearly to 1e-4 (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--threads", defaultValue = "2", description = "Worker threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--encoding", defaultValue = "utf-8", description = "utf-8, utf-8-replace or latin-1 (default: ${DEFAULT-VALUE}).")
    String encoding;

    @Option(names = "--neighbours", split = ",", description = "Print the 8 nearest neighbours of these words after training. Default: none.")
    List<String> neighbours = new ArrayList<>();

    @picocli.CommandLine.Mixin
    dev.cauce.cli.OnErrorOption onError = new dev.cauce.cli.OnErrorOption();

    private final PrintStream stdout;

    public TextWord2VecCommand() {
        this(System.out);
    }

    TextWord2VecCommand(PrintStream stdout) {
        this.stdout = stdout;
    }

    @Override
    public Integer call() throws Exception {
        Word2VecConfig.Model m = switch (model) {
            case "skipgram", "skip-gram", "sg" -> Word2VecConfig.Model.SKIP_GRAM;
            case "cbow" -> Word2VecConfig.Model.CBOW;
            default -> throw new Main.UsageException("--model must be skipgram or cbow, got '" + model + "'");
        };
        OptionChecks.atLeast("--dim", dim, 1);
        OptionChecks.atLeast("--window", window, 1);
        OptionChecks.atLeast("--negative", negative, 1);
        OptionChecks.atLeast("--min-count", minCount, 1);
        OptionChecks.atLeast("--epochs", epochs, 1);
        OptionChecks.atLeast("--threads", threads, 1);
        OptionChecks.nonNegative("--sample", sample);
        OptionChecks.positive("--alpha", alpha);
        Word2VecConfig cfg;
        try {
            cfg = new Word2VecConfig(m, dim, window, negative, minCount, epochs, sample, alpha, Math.min(1e-4, alpha), threads, seed);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
        // before reading and training: a folder as --out failed only when the vectors were saved
        dev.cauce.cli.OutputChecks.file("--out", out, "a .txt or .bin file");
        var loaded = CorpusLoader.load(in, TextOptions.decoding(encoding), onError.failFast(), true,
                text -> Sentences.split(EmailText.stripHeaders(text), Sentences.LETTER_WORDS));
        List<List<String>> sentences = new ArrayList<>();
        for (var d : loaded.docs()) sentences.addAll(d.value());
        Word2Vec.Result r = Word2Vec.train(sentences, cfg);
        WordVectors v = r.vectors();
        if (out.toString().endsWith(".bin")) v.saveBinary(out); else v.saveText(out);
        stdout.printf("%d words x %d dims -> %s; %,d raw words in %.2f s (%,.0f words/s, %s)%n",
                v.size(), v.dim(), out, r.rawWords(), r.nanos() / 1e9, r.rawWordsPerSecond(), Words.count(threads, "thread"));
        if (v.size() < 10) {
            System.err.println("warning: only " + v.size() + " word(s) occur at least --min-count " + minCount
                    + " times; for a small corpus try a lower --min-count (e.g. --min-count 1)");
        }
        for (String w : neighbours) {
            if (!v.contains(w)) {
                stdout.println(w + ": not in the vocabulary");
                continue;
            }
            StringBuilder sb = new StringBuilder(w).append(" ->");
            for (WordVectors.Neighbour nb : v.nearest(w, 8)) sb.append(String.format(" %s %.3f", nb.word(), nb.similarity()));
            stdout.println(sb);
        }
        return loaded.report(System.err);
    }
}
