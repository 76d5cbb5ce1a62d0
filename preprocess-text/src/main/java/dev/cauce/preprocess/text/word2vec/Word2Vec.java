package dev.cauce.preprocess.text.word2vec;

import dev.cauce.core.Rng;
import dev.cauce.core.simd.VectorOps;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Word2vec (Mikolov et al. 2013) with negative sampling: skip-gram or CBOW, frequent-word
 * subsampling, a unigram^0.75 noise distribution, and a learning rate decayed linearly to
 * {@code minAlpha}. The update rules are those of the reference word2vec.c (and gensim).
 *
 * <p><b>Long documents.</b> A sentence may have any length: it is never cut at 10,000 tokens as in
 * gensim. With several threads the corpus is split into equal shares of tokens; a cut inside a
 * sentence is only a boundary between work shares: windows read across it, so no training pair is lost.
 *
 * <p><b>Threads and determinism.</b> Every random draw (initial vectors, subsampling, window
 * shrink, noise words) comes from {@code Rng.of(seed, epoch, shard, 0)} and the learning rate is a
 * function of each shard's own progress, so with {@code threads = 1} the vectors are bit-for-bit
 * reproducible. With more threads the workers update the shared matrices without locks (Hogwild,
 * as word2vec.c and gensim do): the result then depends on thread timing and is not bit-reproducible,
 * only statistically equivalent.
 */
public final class Word2Vec {
    private static final int EXP_TABLE_SIZE = 1000;
    private static final int MAX_EXP = 6;
    /** Words between learning-rate updates. */
    private static final int ALPHA_STEP = 10_000;

    private Word2Vec() { }

    /** The trained vectors and what the run did. */
    public record Result(WordVectors vectors, long rawWords, long trainedWords, long nanos) {
        /** Raw corpus words (before min-count and subsampling) times epochs, per second. */
        public double rawWordsPerSecond() {
            return rawWords / (nanos / 1e9);
        }
    }

    /** Trains on tokenized sentences (iterated twice: vocabulary, then encoding). */
    public static Result train(Iterable<? extends List<String>> sentences, Word2VecConfig cfg) {
        // 1. vocabulary: words with count >= minCount, most frequent first (ties: code-point order)
        Map<String, long[]> counts = new HashMap<>();
        long rawPerEpoch = 0;
        for (List<String> s : sentences) {
            for (String w : s) counts.computeIfAbsent(w, k -> new long[1])[0]++;
            rawPerEpoch += s.size();
        }
        List<String> words = new ArrayList<>();
        for (var e : counts.entrySet()) if (e.getValue()[0] >= cfg.minCount()) words.add(e.getKey());
        words.sort((a, b) -> {
            int c = Long.compare(counts.get(b)[0], counts.get(a)[0]);
            return c != 0 ? c : a.compareTo(b);
        });
        if (words.isEmpty()) {
            throw new IllegalArgumentException("no word occurs at least minCount=" + cfg.minCount() + " times in "
                    + rawPerEpoch + " tokens; lower minCount or give more text");
        }
        int vocab = words.size();
        Map<String, Integer> index = new HashMap<>(vocab * 2);
        long[] freq = new long[vocab];
        for (int i = 0; i < vocab; i++) {
            index.put(words.get(i), i);
            freq[i] = counts.get(words.get(i))[0];
        }
        // 2. corpus as one int array + sentence starts (out-of-vocabulary words dropped, as in gensim)
        IntList corpus = new IntList();
        IntList starts = new IntList();
        for (List<String> s : sentences) {
            starts.add(corpus.size);
            for (String w : s) {
                Integer id = index.get(w);
                if (id != null) corpus.add(id);
            }
        }
        starts.add(corpus.size);
        Model m = new Model(cfg, freq, corpus.toArray(), dedupe(starts.toArray()));
        long t0 = System.nanoTime();
        long trained = m.run();
        long nanos = System.nanoTime() - t0;
        return new Result(new WordVectors(words, cfg.dim(), m.syn0), rawPerEpoch * cfg.epochs(), trained, nanos);
    }

    /** Sentence starts without empty sentences. */
    private static int[] dedupe(int[] starts) {
        IntList out = new IntList();
        for (int i = 0; i < starts.length; i++) if (i == 0 || starts[i] != starts[i - 1]) out.add(starts[i]);
        return out.toArray();
    }

    /** The matrices and the training loop. */
    private static final class Model {
        final Word2VecConfig cfg;
        final int dim;
        final int[] corpus;
        final int[] starts; // sentence i is corpus[starts[i] .. starts[i+1])
        final float[] syn0;
        final float[] syn1;
        final float[] expTable = new float[EXP_TABLE_SIZE];
        final float[] keepProb;
        final AliasTable noise;

        Model(Word2VecConfig cfg, long[] freq, int[] corpus, int[] starts) {
            this.cfg = cfg;
            this.dim = cfg.dim();
            this.corpus = corpus;
            this.starts = starts;
            int v = freq.length;
            syn0 = new float[Math.multiplyExact(v, dim)];
            syn1 = new float[v * dim];
            Rng init = Rng.seeded(cfg.seed()).child(-1);
            for (int i = 0; i < syn0.length; i++) syn0[i] = (init.nextFloat() - 0.5f) / dim;
            for (int i = 0; i < EXP_TABLE_SIZE; i++) {
                double e = Math.exp((i / (double) EXP_TABLE_SIZE * 2 - 1) * MAX_EXP);
                expTable[i] = (float) (e / (e + 1));
            }
            long total = 0;
            for (long f : freq) total += f;
            keepProb = new float[v];
            double threshold = cfg.sample() * total;
            for (int i = 0; i < v; i++) {
                keepProb[i] = cfg.sample() <= 0 ? 1f
                        : (float) Math.min(1.0, (Math.sqrt(freq[i] / threshold) + 1) * threshold / freq[i]);
            }
            double[] weights = new double[v];
            for (int i = 0; i < v; i++) weights[i] = Math.pow(freq[i], 0.75);
            noise = new AliasTable(weights);
        }

        long run() {
            int shards = Math.max(1, Math.min(cfg.threads(), corpus.length));
            long[] bounds = new long[shards + 1];
            for (int s = 0; s <= shards; s++) bounds[s] = (long) corpus.length * s / shards;
            long trained = 0;
            if (shards == 1) {
                for (int epoch = 0; epoch < cfg.epochs(); epoch++) trained += trainShard(epoch, 0, 0, corpus.length);
                return trained;
            }
            try (ExecutorService pool = Executors.newFixedThreadPool(shards, Thread.ofPlatform().name("word2vec-", 0).factory())) {
                for (int epoch = 0; epoch < cfg.epochs(); epoch++) {
                    List<Future<Long>> fs = new ArrayList<>();
                    for (int s = 0; s < shards; s++) {
                        final int e = epoch, sh = s;
                        fs.add(pool.submit(() -> trainShard(e, sh, (int) bounds[sh], (int) bounds[sh + 1])));
                    }
                    for (Future<Long> f : fs) trained += f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("word2vec training interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("word2vec worker failed: " + e.getCause(), e.getCause());
            }
            return trained;
        }

        /** Trains centre positions [from, to) for one epoch; returns the words kept by subsampling. */
        long trainShard(int epoch, int shard, int from, int to) {
            Rng rng = Rng.of(cfg.seed(), epoch, shard, 0);
            int window = cfg.window();
            int span = to - from;
            float[] neu1 = new float[dim];
            float[] neu1e = new float[dim];
            int[] buf = new int[0];
            long kept = 0;
            int done = 0;
            int nextAlpha = 0;
            float alpha = (float) cfg.alpha();
            int sentence = Math.max(0, Arrays.binarySearch(starts, from) >= 0 ? Arrays.binarySearch(starts, from)
                    : -Arrays.binarySearch(starts, from) - 2);
            for (int s = sentence; s + 1 < starts.length && starts[s] < to; s++) {
                int sentStart = starts[s];
                int sentEnd = starts[s + 1];
                int centreFrom = Math.max(sentStart, from);
                int centreTo = Math.min(sentEnd, to);
                // context may reach up to `window` kept words beyond the share's edges
                int lo = Math.max(sentStart, centreFrom - 4 * window);
                int hi = Math.min(sentEnd, centreTo + 4 * window);
                if (buf.length < hi - lo) buf = new int[Math.max(hi - lo, buf.length * 2)];
                int n = 0;
                int first = -1;
                int last = -1;
                for (int p = lo; p < hi; p++) {
                    int w = corpus[p];
                    if (keepProb[w] < 1f && keepProb[w] < rng.nextFloat()) continue;
                    if (p >= centreFrom && p < centreTo) {
                        if (first < 0) first = n;
                        last = n;
                    }
                    buf[n++] = w;
                }
                if (first >= 0) {
                    for (int i = first; i <= last; i++) {
                        if (done >= nextAlpha) {
                            double progress = (epoch + (double) done / span) / cfg.epochs();
                            alpha = (float) Math.max(cfg.minAlpha(), cfg.alpha() - (cfg.alpha() - cfg.minAlpha()) * progress);
                            nextAlpha = done + ALPHA_STEP;
                        }
                        int b = rng.nextInt(window);
                        int a = Math.max(0, i - window + b);
                        int z = Math.min(n, i + window + 1 - b);
                        if (cfg.model() == Word2VecConfig.Model.SKIP_GRAM) {
                            for (int c = a; c < z; c++) {
                                if (c != i) pair(buf[i], buf[c] * dim, syn0, neu1e, alpha, rng);
                            }
                        } else {
                            cbow(buf, i, a, z, neu1, neu1e, alpha, rng);
                        }
                        kept++;
                        done++;
                    }
                }
                done += (centreTo - centreFrom) - (first < 0 ? 0 : last - first + 1);
            }
            return kept;
        }

        /** One skip-gram pair: input row {@code l1} of {@code in} predicts {@code word}. */
        private void pair(int word, int l1, float[] in, float[] neu1e, float alpha, Rng rng) {
            Arrays.fill(neu1e, 0f);
            negativeSampling(word, in, l1, neu1e, alpha, rng);
            VectorOps.axpy(dim, 1f, neu1e, 0, in, l1);
        }

        private void cbow(int[] buf, int i, int a, int z, float[] neu1, float[] neu1e, float alpha, Rng rng) {
            Arrays.fill(neu1, 0f);
            int count = 0;
            for (int c = a; c < z; c++) {
                if (c == i) continue;
                VectorOps.axpy(dim, 1f, syn0, buf[c] * dim, neu1, 0);
                count++;
            }
            if (count == 0) return;
            float inv = 1f / count;
            for (int d = 0; d < dim; d++) neu1[d] *= inv;
            Arrays.fill(neu1e, 0f);
            negativeSampling(buf[i], neu1, 0, neu1e, alpha, rng);
            for (int c = a; c < z; c++) {
                if (c != i) VectorOps.axpy(dim, 1f, neu1e, 0, syn0, buf[c] * dim);
            }
        }

        private void negativeSampling(int word, float[] in, int l1, float[] neu1e, float alpha, Rng rng) {
            for (int d = 0; d <= cfg.negative(); d++) {
                int target;
                float label;
                if (d == 0) {
                    target = word;
                    label = 1f;
                } else {
                    target = noise.sample(rng.nextLong());
                    if (target == word) continue;
                    label = 0f;
                }
                int l2 = target * dim;
                float f = VectorOps.dot(dim, in, l1, syn1, l2);
                float g;
                if (f > MAX_EXP) g = (label - 1) * alpha;
                else if (f < -MAX_EXP) g = label * alpha;
                else g = (label - expTable[(int) ((f + MAX_EXP) * (EXP_TABLE_SIZE / MAX_EXP / 2))]) * alpha;
                VectorKernels.update(g, in, l1, syn1, l2, neu1e, dim);
            }
        }
    }

    /** Walker's alias method: O(1) draws from a discrete distribution with one 64-bit random. */
    static final class AliasTable {
        final float[] prob;
        final int[] alias;

        AliasTable(double[] weights) {
            int n = weights.length;
            prob = new float[n];
            alias = new int[n];
            double sum = 0;
            for (double w : weights) sum += w;
            double[] scaled = new double[n];
            int[] small = new int[n];
            int[] large = new int[n];
            int ns = 0;
            int nl = 0;
            for (int i = 0; i < n; i++) {
                scaled[i] = weights[i] * n / sum;
                if (scaled[i] < 1) small[ns++] = i; else large[nl++] = i;
            }
            while (ns > 0 && nl > 0) {
                int s = small[--ns];
                int l = large[--nl];
                prob[s] = (float) scaled[s];
                alias[s] = l;
                scaled[l] = scaled[l] + scaled[s] - 1;
                if (scaled[l] < 1) small[ns++] = l; else large[nl++] = l;
            }
            while (nl > 0) prob[large[--nl]] = 1f;
            while (ns > 0) prob[small[--ns]] = 1f; // rounding leftovers
        }

        /** A draw from the high 32 bits (column) and the low 24 bits (coin) of {@code r}. */
        int sample(long r) {
            int column = (int) (((r >>> 32) * prob.length) >>> 32);
            float coin = (r & 0xFFFFFF) * 0x1.0p-24f;
            return coin < prob[column] ? column : alias[column];
        }
    }

    /** A growable int array. */
    private static final class IntList {
        int[] a = new int[1024];
        int size;

        void add(int v) {
            if (size == a.length) a = Arrays.copyOf(a, a.length * 2);
            a[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }
}
