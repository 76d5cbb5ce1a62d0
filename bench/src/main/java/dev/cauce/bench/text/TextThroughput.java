package dev.cauce.bench.text;

import dev.cauce.preprocess.text.EmailText;
import dev.cauce.preprocess.text.Stemmer;
import dev.cauce.preprocess.text.Stopwords;
import dev.cauce.preprocess.text.TextCorpus;
import dev.cauce.preprocess.text.TextDecoding;
import dev.cauce.preprocess.text.Tokenizer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The same job as the NLTK peer ({@code shared/peers/nltk_text.py}), stage by stage, on every
 * SpamAssassin mail: body after the first blank line as latin-1; lowercase + tokens {@code [a-z]+};
 * English stop words removed; Porter stems (OpenNLP {@code SnowballStemmer(PORTER)}, = NLTK
 * ORIGINAL_ALGORITHM) of every remaining token, no memo. Loading and decoding are outside the timings.
 * Prints tokens/s per stage and end to end (median of {@code --reps} timed passes after one warm-up),
 * one thread, then the end-to-end figure on 2 threads, and with a memo cache.
 *
 * <p>Run: {@code java <cauce.jvm.flags> -cp bench/target/benchmarks.jar dev.cauce.bench.text.TextThroughput [spam-assassin.tar.gz] [reps]}
 */
public final class TextThroughput {
    private TextThroughput() { }

    public static void main(String[] args) throws Exception {
        Path corpus = Path.of(args.length > 0 ? args[0] : "/work/shared/data/text/spam-assassin.tar.gz");
        int reps = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<String> docs = new ArrayList<>();
        TextCorpus.forEach(corpus, d -> {
            int off = EmailText.bodyOffset(d.bytes());
            byte[] body = off < 0 ? new byte[0] : Arrays.copyOfRange(d.bytes(), off, d.bytes().length);
            docs.add(TextDecoding.LATIN1.decode(body, d.source()));
        });
        Tokenizer tok = Tokenizer.regex("[a-z]+");
        Stopwords sw = Stopwords.of("en");
        Stemmer porter = new Stemmer(Stemmer.Algorithm.PORTER);
        long chars = docs.stream().mapToLong(String::length).sum();
        System.out.printf("%d bodies, %.1f MB of text, %d stopwords%n", docs.size(), chars / 1e6, sw.words().size());

        double[] tTok = new double[reps], tSw = new double[reps], tStem = new double[reps];
        long nTok = 0, nKept = 0;
        for (int r = -1; r < reps; r++) {
            long t0 = System.nanoTime();
            List<List<String>> toks = new ArrayList<>(docs.size());
            for (String d : docs) toks.add(tok.tokenize(d.toLowerCase(Locale.ROOT)));
            long t1 = System.nanoTime();
            List<List<String>> kept = new ArrayList<>(docs.size());
            for (List<String> t : toks) kept.add(sw.remove(t));
            long t2 = System.nanoTime();
            long sink = 0;
            for (List<String> k : kept) sink += porter.stemAll(k).size();
            long t3 = System.nanoTime();
            nTok = toks.stream().mapToLong(List::size).sum();
            nKept = kept.stream().mapToLong(List::size).sum();
            if (sink != nKept) throw new IllegalStateException("stem count");
            if (r >= 0) {
                tTok[r] = (t1 - t0) / 1e9;
                tSw[r] = (t2 - t1) / 1e9;
                tStem[r] = (t3 - t2) / 1e9;
            }
        }
        double tok1 = median(tTok), sw1 = median(tSw), stem1 = median(tStem);
        double total = median(sum(tTok, tSw, tStem));
        System.out.printf("tokens %d, after stopwords %d%n", nTok, nKept);
        System.out.printf("1 thread: tokenize %.0f tok/s | stopwords %.0f tok/s | porter %.0f tok/s | end-to-end %.0f raw tok/s (%.3f s)%n",
                nTok / tok1, nTok / sw1, nKept / stem1, nTok / total, total);

        // with a memo cache, as the peer's second figure
        double[] tMemo = new double[reps];
        for (int r = -1; r < reps; r++) {
            Map<String, String> cache = new HashMap<>();
            long t0 = System.nanoTime();
            long sink = 0;
            for (String d : docs) {
                for (String w : sw.remove(tok.tokenize(d.toLowerCase(Locale.ROOT)))) {
                    String s = cache.get(w);
                    if (s == null) cache.put(w, s = porter.stem(w));
                    sink += s.length();
                }
            }
            if (r >= 0) tMemo[r] = (System.nanoTime() - t0) / 1e9;
            if (sink < 0) System.out.print("");
        }
        System.out.printf("1 thread, memo stemmer: end-to-end %.0f raw tok/s%n", nTok / median(tMemo));

        // two threads over halves of the corpus (documents are independent)
        double[] t2 = new double[reps];
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (int r = -1; r < reps; r++) {
                long t0 = System.nanoTime();
                List<Future<Long>> parts = new ArrayList<>();
                for (int p = 0; p < 2; p++) {
                    List<String> share = docs.subList(p * docs.size() / 2, (p + 1) * docs.size() / 2);
                    parts.add(pool.submit(() -> {
                        long n = 0;
                        for (String d : share) n += porter.stemAll(sw.remove(tok.tokenize(d.toLowerCase(Locale.ROOT)))).size();
                        return n;
                    }));
                }
                long n = 0;
                for (Future<Long> f : parts) n += f.get();
                if (n != nKept) throw new IllegalStateException("2-thread count " + n);
                if (r >= 0) t2[r] = (System.nanoTime() - t0) / 1e9;
            }
        }
        System.out.printf("2 threads: end-to-end %.0f raw tok/s%n", nTok / median(t2));
    }

    static double[] sum(double[] a, double[] b, double[] c) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) s[i] = a[i] + b[i] + c[i];
        return s;
    }

    static double median(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
