package dev.cauce.bench.text;

import dev.cauce.augment.text.KeyboardLayout;
import dev.cauce.augment.text.KeyboardTypos;
import dev.cauce.core.Rng;
import dev.cauce.preprocess.text.Stemmer;
import dev.cauce.preprocess.text.Stopwords;
import dev.cauce.preprocess.text.Tokenizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Micro-benchmarks of the text hot paths on the first 200 KB of Moby-Dick: tokenization
 * ({@code [a-z]+} scanner and scikit-learn's pattern), stop words, Porter stemming, keyboard typos.
 * Scores are operations (one pass over the excerpt) per second; multiply by the token count printed
 * at setup for tokens/s. The end-to-end comparison with NLTK is {@link TextThroughput}.
 *
 * <p>Run: {@code java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar TextOpsBench -p mobyDick=/path/moby-dick.txt}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class TextOpsBench {

    @Param("/work/shared/data/text/moby-dick.txt")
    public String mobyDick;

    private String text;
    private List<String> tokens;
    private final Tokenizer ascii = Tokenizer.regex("[a-z]+");
    private final Tokenizer sklearn = Tokenizer.sklearnDefault();
    private final Stopwords stopwords = Stopwords.of("en");
    private final Stemmer porter = new Stemmer(Stemmer.Algorithm.PORTER);
    private final KeyboardTypos typos = new KeyboardTypos(KeyboardLayout.usQwerty(), 0.05);

    @Setup
    public void load() throws Exception {
        String all = Files.readString(Path.of(mobyDick)).toLowerCase(Locale.ROOT);
        text = all.substring(0, Math.min(all.length(), 200_000));
        tokens = ascii.tokenize(text);
        System.out.println("excerpt: " + text.length() + " chars, " + tokens.size() + " tokens");
    }

    @Benchmark
    public List<String> tokenizeAsciiRuns() {
        return ascii.tokenize(text);
    }

    @Benchmark
    public List<String> tokenizeSklearnPattern() {
        return sklearn.tokenize(text);
    }

    @Benchmark
    public List<String> removeStopwords() {
        return stopwords.remove(tokens);
    }

    @Benchmark
    public List<String> porterStems() {
        return porter.stemAll(tokens);
    }

    @Benchmark
    public String keyboardTypos() {
        return typos.apply(text, Rng.seeded(1));
    }
}
