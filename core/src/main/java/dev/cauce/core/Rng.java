package dev.cauce.core;

/**
 * A counter-based random generator: its stream is a pure function of a key, and the key is derived
 * from (seed, epoch, sample index, operation index). The same key always gives the same numbers,
 * whatever the thread count, the order samples are processed in, or whether the run was resumed.
 *
 * <p>Each value is {@code mix(key + counter * GOLDEN)} with the SplitMix64 finalizer (Steele, Lea
 * and Flood, 2014). An {@code Rng} instance is cheap and single-owner: derive one per sample and
 * operation with {@link #child(long)}; never share one between threads.
 */
public final class Rng {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private final long key;
    private long counter;

    private Rng(long key) {
        this.key = key;
    }

    /** The root generator of a run. */
    public static Rng seeded(long seed) {
        return new Rng(mix(seed ^ 0x5DEECE66DL));
    }

    /** The generator for one (seed, epoch, sample, operation) cell. */
    public static Rng of(long seed, long epoch, long sample, long op) {
        return seeded(seed).child(epoch).child(sample).child(op);
    }

    /** A generator whose stream depends on this one's key and {@code k}, not on how much was drawn. */
    public Rng child(long k) {
        return new Rng(mix(key ^ mix(k + GOLDEN)));
    }

    /** The key that identifies this generator's stream (stable across runs). */
    public long key() {
        return key;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long nextLong() {
        return mix(key + (++counter) * GOLDEN);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, 1) with 24 random bits. */
    public float nextFloat() {
        return (nextLong() >>> 40) * 0x1.0p-24f;
    }

    /** Uniform in [lo, hi). */
    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Uniform integer in [0, bound), without modulo bias (Lemire's method). */
    public int nextInt(int bound) {
        if (bound <= 0) throw new IllegalArgumentException("bound must be positive, got " + bound);
        long m = (nextLong() >>> 32) * bound;
        long l = m & 0xFFFFFFFFL;
        if (l < bound) {
            long t = (0x1_0000_0000L - bound) % bound;
            while (l < t) {
                m = (nextLong() >>> 32) * bound;
                l = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** Uniform integer in [lo, hi] (both inclusive). */
    public int nextInt(int lo, int hi) {
        if (hi < lo) throw new IllegalArgumentException("empty range [" + lo + ", " + hi + "]");
        return lo + nextInt(hi - lo + 1);
    }

    public boolean bernoulli(double p) {
        return nextDouble() < p;
    }

    /** Standard normal by the Box–Muller transform (stateless: no cached second value). */
    public double nextGaussian() {
        double u1 = nextDouble();
        double u2 = nextDouble();
        return Math.sqrt(-2.0 * Math.log1p(-u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** Fisher–Yates shuffle of {@code a} in place. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
