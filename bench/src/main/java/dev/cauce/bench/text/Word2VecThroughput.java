package dev.cauce.bench.text;

import dev.cauce.preprocess.text.word2vec.Sentences;
import dev.cauce.preprocess.text.word2vec.Word2Vec;
import dev.cauce.preprocess.text.word2vec.Word2VecConfig;
import dev.cauce.preprocess.text.word2vec.WordVectors;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Word2vec training speed with the parameters of the gensim peer ({@code shared/peers/gensim_w2v.py}):
 * Moby-Dick lowercased, split at [.!?]+, tokens [a-z]+; skip-gram, negative 5, dim 100, window 5,
 * min_count 5, 5 epochs, sample 1e-3, alpha 0.025 → 1e-4. Raw words/s = corpus tokens × epochs /
 * training seconds (vocabulary building excluded, as in the peer). Prints the nearest neighbours
 * of whale, ship and sea.
 *
 * <p>Run: {@code java <cauce.jvm.flags> -cp bench/target/benchmarks.jar dev.cauce.bench.text.Word2VecThroughput [moby-dick.txt] [threads] [reps]}
 */
public final class Word2VecThroughput {
    private Word2VecThroughput() { }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "/work/shared/data/text/moby-dick.txt");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<List<String>> sents = Sentences.split(Files.readString(file), Sentences.ASCII_WORDS);
        System.out.printf("moby-dick: %d sentences, %d tokens%n", sents.size(), sents.stream().mapToLong(List::size).sum());
        Word2VecConfig cfg = Word2VecConfig.defaults().withThreads(threads);
        double[] rates = new double[reps];
        WordVectors last = null;
        for (int r = -1; r < reps; r++) {
            Word2Vec.Result res = Word2Vec.train(sents, cfg);
            if (r >= 0) {
                rates[r] = res.rawWordsPerSecond();
                System.out.printf("threads=%d: vocab %d, train %.2f s, %.0f raw words/s, %d trained words%n",
                        threads, res.vectors().size(), res.nanos() / 1e9, res.rawWordsPerSecond(), res.trainedWords());
            }
            last = res.vectors();
        }
        System.out.printf("median %.0f raw words/s (threads=%d)%n", TextThroughput.median(rates), threads);
        for (String w : List.of("whale", "ship", "sea")) {
            StringBuilder sb = new StringBuilder(String.format("%-6s ->", w));
            for (WordVectors.Neighbour n : last.nearest(w, 10)) sb.append(String.format(" %s %.3f,", n.word(), n.similarity()));
            System.out.println(sb);
        }
    }
}
