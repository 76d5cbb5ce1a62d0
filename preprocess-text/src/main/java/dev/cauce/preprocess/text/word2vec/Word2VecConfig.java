package dev.cauce.preprocess.text.word2vec;

/**
 * Word2vec training parameters (defaults as gensim 4: skip-gram here, as the course uses it).
 *
 * @param model     {@link Model#SKIP_GRAM} or {@link Model#CBOW} (mean of the context vectors)
 * @param dim       vector size (>= 1)
 * @param window    maximum distance between centre and context word; each position draws an
 *                  effective window in [1, window], as word2vec.c does
 * @param negative  noise words per positive pair (>= 1), drawn from the unigram^0.75 distribution
 * @param minCount  words rarer than this are dropped before training
 * @param epochs    passes over the corpus
 * @param sample    frequent-word subsampling threshold (0 = off): a word of corpus frequency f is
 *                  kept with probability {@code (sqrt(f/t) + 1) * t/f}
 * @param alpha     initial learning rate, decayed linearly to {@code minAlpha} over all epochs
 * @param minAlpha  final learning rate
 * @param threads   worker threads (lock-free "Hogwild" updates when > 1)
 * @param seed      seed of every random draw
 */
public record Word2VecConfig(Model model, int dim, int window, int negative, int minCount, int epochs, double sample,
                             double alpha, double minAlpha, int threads, long seed) {

    public enum Model { SKIP_GRAM, CBOW }

    public Word2VecConfig {
        if (model == null) throw new IllegalArgumentException("model must be SKIP_GRAM or CBOW");
        check("dim", dim, 1);
        check("window", window, 1);
        check("negative", negative, 1);
        check("minCount", minCount, 1);
        check("epochs", epochs, 1);
        check("threads", threads, 1);
        if (!(sample >= 0)) throw new IllegalArgumentException("sample must be >= 0 (0 = no subsampling), got " + sample);
        if (!(alpha > 0) || !(minAlpha >= 0) || minAlpha > alpha) {
            throw new IllegalArgumentException("need 0 <= minAlpha <= alpha and alpha > 0, got alpha " + alpha + ", minAlpha " + minAlpha);
        }
    }

    private static void check(String name, int v, int min) {
        if (v < min) throw new IllegalArgumentException(name + " must be >= " + min + ", got " + v);
    }

    /** gensim's defaults with skip-gram: dim 100, window 5, negative 5, minCount 5, 5 epochs, sample 1e-3, alpha 0.025 → 1e-4, 1 thread, seed 1. */
    public static Word2VecConfig defaults() {
        return new Word2VecConfig(Model.SKIP_GRAM, 100, 5, 5, 5, 5, 1e-3, 0.025, 1e-4, 1, 1);
    }

    public Word2VecConfig withModel(Model m) { return new Word2VecConfig(m, dim, window, negative, minCount, epochs, sample, alpha, minAlpha, threads, seed); }
    public Word2VecConfig withDim(int d) { return new Word2VecConfig(model, d, window, negative, minCount, epochs, sample, alpha, minAlpha, threads, seed); }
    public Word2VecConfig withWindow(int w) { return new Word2VecConfig(model, dim, w, negative, minCount, epochs, sample, alpha, minAlpha, threads, seed); }
    public Word2VecConfig withMinCount(int c) { return new Word2VecConfig(model, dim, window, negative, c, epochs, sample, alpha, minAlpha, threads, seed); }
    public Word2VecConfig withEpochs(int e) { return new Word2VecConfig(model, dim, window, negative, minCount, e, sample, alpha, minAlpha, threads, seed); }
    public Word2VecConfig withThreads(int t) { return new Word2VecConfig(model, dim, window, negative, minCount, epochs, sample, alpha, minAlpha, t, seed); }
    public Word2VecConfig withSeed(long s) { return new Word2VecConfig(model, dim, window, negative, minCount, epochs, sample, alpha, minAlpha, threads, s); }
    public Word2VecConfig withSample(double s) { return new Word2VecConfig(model, dim, window, negative, minCount, epochs, s, alpha, minAlpha, threads, seed); }
    public Word2VecConfig withNegative(int n) { return new Word2VecConfig(model, dim, window, n, minCount, epochs, sample, alpha, minAlpha, threads, seed); }
}
