package dev.cauce.core.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.ArrayList;
import java.util.List;

/**
 * Forward complex DFT {@code Y[u] = Σ_t X[t]·e^{-2πi·t·u/n}} of any size, on {@link #LANES}
 * independent signals at once: element {@code e} of signal {@code f} lives at {@code e·LANES + f}
 * (real and imaginary parts in separate arrays), so every butterfly is one full-width vector
 * operation per element, with no shuffles, whatever the radix.
 *
 * <p>Scheme: Stockham autosort (no bit-reversal pass; each stage reads one buffer and writes the
 * other) with radix-4, 2, 3 and 5 butterflies, and a plain O(p²) butterfly for any other prime
 * factor p. That last one keeps every size exact and simple; it is slow only for sizes with a large
 * prime factor (a prime n costs n² multiply-adds), which spectrogram sizes never have.
 *
 * <p>Twiddles are computed in double and rounded to float once, when the plan is built. A plan is
 * immutable and thread-safe; the buffers belong to the caller.
 */
final class ComplexFft {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Signals transformed side by side, one per vector lane. */
    static final int LANES = S.length();
    private static final int L = LANES;

    private final int n;
    private final int[] radix;
    private final int[] span;          // Ns: the size of the sub-transforms already done before the stage
    private final float[][] twRe;      // per stage, [k·(r-1) + t-1] = cos/sin of -2π·t·k/(Ns·r)
    private final float[][] twIm;
    private final float[][] rootRe;    // per generic stage, [j] = e^{-2πi·j/p}
    private final float[][] rootIm;
    private final int maxGenericRadix;

    ComplexFft(int n) {
        if (n < 1) throw new IllegalArgumentException("FFT size must be positive, got " + n);
        this.n = n;
        List<Integer> factors = factor(n);
        int stages = factors.size();
        radix = new int[stages];
        span = new int[stages];
        twRe = new float[stages][];
        twIm = new float[stages][];
        rootRe = new float[stages][];
        rootIm = new float[stages][];
        int ns = 1;
        int maxP = 0;
        for (int s = 0; s < stages; s++) {
            int r = factors.get(s);
            radix[s] = r;
            span[s] = ns;
            twRe[s] = new float[ns * (r - 1)];
            twIm[s] = new float[ns * (r - 1)];
            for (int k = 0; k < ns; k++) {
                for (int t = 1; t < r; t++) {
                    double a = -2 * Math.PI * t * k / ((double) ns * r);
                    twRe[s][k * (r - 1) + t - 1] = (float) Math.cos(a);
                    twIm[s][k * (r - 1) + t - 1] = (float) Math.sin(a);
                }
            }
            if (r > 5) {
                maxP = Math.max(maxP, r);
                rootRe[s] = new float[r];
                rootIm[s] = new float[r];
                for (int j = 0; j < r; j++) {
                    rootRe[s][j] = (float) Math.cos(-2 * Math.PI * j / r);
                    rootIm[s][j] = (float) Math.sin(-2 * Math.PI * j / r);
                }
            }
            ns *= r;
        }
        maxGenericRadix = maxP;
    }

    /** Radix-4 stages first (fewest operations), then 2, 3, 5, then any other primes. */
    private static List<Integer> factor(int n) {
        List<Integer> f = new ArrayList<>();
        int m = n;
        while (m % 4 == 0) {
            f.add(4);
            m /= 4;
        }
        for (int p = 2; m > 1; p++) {
            if ((long) p * p > m) p = m;
            while (m % p == 0) {
                f.add(p);
                m /= p;
            }
        }
        return f;
    }

    int size() {
        return n;
    }

    /** Floats per scratch array {@link #forward} needs for factors other than 2, 3, 4, 5 (may be 0). */
    int scratchLength() {
        return maxGenericRadix * L;
    }

    /**
     * Transforms the signals in {@code (ar, ai)}, using {@code (br, bi)} as the other Stockham
     * buffer and {@code (pr, pi)} as scratch ({@link #scratchLength()} floats). All arrays hold
     * {@code n·LANES} floats. Returns true when the result ended in {@code (br, bi)}, false when
     * in {@code (ar, ai)}.
     */
    boolean forward(float[] ar, float[] ai, float[] br, float[] bi, float[] pr, float[] pi) {
        return stages(0, ar, ai, br, bi, pr, pi);
    }

    /**
     * As {@link #forward} for an input stored as interleaved rows: element {@code e}'s real part at
     * {@code in[2e·LANES + f]}, its imaginary part at {@code in[(2e+1)·LANES + f]}, which is how the
     * even and odd samples of a batch of real signals lie (see {@link RealFft}). A radix-4 first
     * stage reads them in place instead of copying them into {@code (ar, ai)} first, one pass over
     * the batch fewer. {@code in} is not modified.
     */
    boolean forwardInterleaved(float[] in, float[] ar, float[] ai, float[] br, float[] bi, float[] pr, float[] pi) {
        if (radix.length == 0 || radix[0] != 4) {
            for (int j = 0; j < n; j++) {
                System.arraycopy(in, 2 * j * L, ar, j * L, L);
                System.arraycopy(in, (2 * j + 1) * L, ai, j * L, L);
            }
            return forward(ar, ai, br, bi, pr, pi);
        }
        radix4FirstInterleaved(n, in, ar, ai);
        return stages(1, ar, ai, br, bi, pr, pi);
    }

    /** Stages {@code first..} from {@code (ar, ai)}; true when the result ends in {@code (br, bi)}. */
    private boolean stages(int first, float[] ar, float[] ai, float[] br, float[] bi, float[] pr, float[] pi) {
        float[] xr = ar, xi = ai, yr = br, yi = bi;
        for (int s = first; s < radix.length; s++) {
            int ns = span[s];
            switch (radix[s]) {
                case 4 -> radix4(n, ns, twRe[s], twIm[s], xr, xi, yr, yi);
                case 2 -> radix2(n, ns, twRe[s], twIm[s], xr, xi, yr, yi);
                case 3 -> radix3(n, ns, twRe[s], twIm[s], xr, xi, yr, yi);
                case 5 -> radix5(n, ns, twRe[s], twIm[s], xr, xi, yr, yi);
                default -> radixP(n, radix[s], ns, twRe[s], twIm[s], rootRe[s], rootIm[s], xr, xi, yr, yi, pr, pi);
            }
            float[] t = xr;
            xr = yr;
            yr = t;
            t = xi;
            xi = yi;
            yi = t;
        }
        return (radix.length - first) % 2 == 1;
    }

    /** The first radix-4 stage (span 1, no twiddles) reading interleaved rows; see {@link #forwardInterleaved}. */
    private static void radix4FirstInterleaved(int n, float[] in, float[] yr, float[] yi) {
        int q = n / 4;
        for (int j = 0; j < q; j++) {
            int o = 4 * j;
            FloatVector a0r = FloatVector.fromArray(S, in, 2 * j * L), a0i = FloatVector.fromArray(S, in, (2 * j + 1) * L);
            FloatVector a1r = FloatVector.fromArray(S, in, 2 * (j + q) * L), a1i = FloatVector.fromArray(S, in, (2 * (j + q) + 1) * L);
            FloatVector a2r = FloatVector.fromArray(S, in, 2 * (j + 2 * q) * L), a2i = FloatVector.fromArray(S, in, (2 * (j + 2 * q) + 1) * L);
            FloatVector a3r = FloatVector.fromArray(S, in, 2 * (j + 3 * q) * L), a3i = FloatVector.fromArray(S, in, (2 * (j + 3 * q) + 1) * L);
            FloatVector t0r = a0r.add(a2r), t0i = a0i.add(a2i);
            FloatVector t1r = a0r.sub(a2r), t1i = a0i.sub(a2i);
            FloatVector t2r = a1r.add(a3r), t2i = a1i.add(a3i);
            FloatVector t3r = a1r.sub(a3r), t3i = a1i.sub(a3i);
            t0r.add(t2r).intoArray(yr, o * L);
            t0i.add(t2i).intoArray(yi, o * L);
            t1r.add(t3i).intoArray(yr, (o + 1) * L);     // t1 - i·t3
            t1i.sub(t3r).intoArray(yi, (o + 1) * L);
            t0r.sub(t2r).intoArray(yr, (o + 2) * L);
            t0i.sub(t2i).intoArray(yi, (o + 2) * L);
            t1r.sub(t3i).intoArray(yr, (o + 3) * L);     // t1 + i·t3
            t1i.add(t3r).intoArray(yi, (o + 3) * L);
        }
    }

    // Each stage: for j in [0, n/r), k = j mod Ns, inputs x[j + t·n/r] times w^(t·k) with
    // w = e^{-2πi/(Ns·r)}, an r-point DFT, outputs y[(j - k)·r + k + t·Ns]. Loops run k outside so
    // the twiddles are broadcast once per k.

    private static void radix2(int n, int ns, float[] twr, float[] twi, float[] xr, float[] xi, float[] yr, float[] yi) {
        int q = n / 2;
        for (int k = 0; k < ns; k++) {
            float wr = twr[k], wi = twi[k];
            for (int j = k; j < q; j += ns) {
                int o = (j - k) * 2 + k;
                FloatVector a0r = FloatVector.fromArray(S, xr, j * L), a0i = FloatVector.fromArray(S, xi, j * L);
                FloatVector a1r = FloatVector.fromArray(S, xr, (j + q) * L), a1i = FloatVector.fromArray(S, xi, (j + q) * L);
                if (k != 0) {
                    FloatVector tr = a1r.mul(wr).sub(a1i.mul(wi));
                    a1i = a1r.mul(wi).add(a1i.mul(wr));
                    a1r = tr;
                }
                a0r.add(a1r).intoArray(yr, o * L);
                a0i.add(a1i).intoArray(yi, o * L);
                a0r.sub(a1r).intoArray(yr, (o + ns) * L);
                a0i.sub(a1i).intoArray(yi, (o + ns) * L);
            }
        }
    }

    private static void radix4(int n, int ns, float[] twr, float[] twi, float[] xr, float[] xi, float[] yr, float[] yi) {
        int q = n / 4;
        for (int k = 0; k < ns; k++) {
            float w1r = twr[3 * k], w1i = twi[3 * k];
            float w2r = twr[3 * k + 1], w2i = twi[3 * k + 1];
            float w3r = twr[3 * k + 2], w3i = twi[3 * k + 2];
            for (int j = k; j < q; j += ns) {
                int o = (j - k) * 4 + k;
                FloatVector a0r = FloatVector.fromArray(S, xr, j * L), a0i = FloatVector.fromArray(S, xi, j * L);
                FloatVector a1r = FloatVector.fromArray(S, xr, (j + q) * L), a1i = FloatVector.fromArray(S, xi, (j + q) * L);
                FloatVector a2r = FloatVector.fromArray(S, xr, (j + 2 * q) * L), a2i = FloatVector.fromArray(S, xi, (j + 2 * q) * L);
                FloatVector a3r = FloatVector.fromArray(S, xr, (j + 3 * q) * L), a3i = FloatVector.fromArray(S, xi, (j + 3 * q) * L);
                if (k != 0) {
                    FloatVector t = a1r.mul(w1r).sub(a1i.mul(w1i));
                    a1i = a1r.mul(w1i).add(a1i.mul(w1r));
                    a1r = t;
                    t = a2r.mul(w2r).sub(a2i.mul(w2i));
                    a2i = a2r.mul(w2i).add(a2i.mul(w2r));
                    a2r = t;
                    t = a3r.mul(w3r).sub(a3i.mul(w3i));
                    a3i = a3r.mul(w3i).add(a3i.mul(w3r));
                    a3r = t;
                }
                FloatVector t0r = a0r.add(a2r), t0i = a0i.add(a2i);
                FloatVector t1r = a0r.sub(a2r), t1i = a0i.sub(a2i);
                FloatVector t2r = a1r.add(a3r), t2i = a1i.add(a3i);
                FloatVector t3r = a1r.sub(a3r), t3i = a1i.sub(a3i);
                t0r.add(t2r).intoArray(yr, o * L);
                t0i.add(t2i).intoArray(yi, o * L);
                t1r.add(t3i).intoArray(yr, (o + ns) * L);     // t1 - i·t3
                t1i.sub(t3r).intoArray(yi, (o + ns) * L);
                t0r.sub(t2r).intoArray(yr, (o + 2 * ns) * L);
                t0i.sub(t2i).intoArray(yi, (o + 2 * ns) * L);
                t1r.sub(t3i).intoArray(yr, (o + 3 * ns) * L); // t1 + i·t3
                t1i.add(t3r).intoArray(yi, (o + 3 * ns) * L);
            }
        }
    }

    private static final float SIN60 = (float) (Math.sqrt(3) / 2);

    private static void radix3(int n, int ns, float[] twr, float[] twi, float[] xr, float[] xi, float[] yr, float[] yi) {
        int q = n / 3;
        for (int k = 0; k < ns; k++) {
            float w1r = twr[2 * k], w1i = twi[2 * k];
            float w2r = twr[2 * k + 1], w2i = twi[2 * k + 1];
            for (int j = k; j < q; j += ns) {
                int o = (j - k) * 3 + k;
                FloatVector a0r = FloatVector.fromArray(S, xr, j * L), a0i = FloatVector.fromArray(S, xi, j * L);
                FloatVector a1r = FloatVector.fromArray(S, xr, (j + q) * L), a1i = FloatVector.fromArray(S, xi, (j + q) * L);
                FloatVector a2r = FloatVector.fromArray(S, xr, (j + 2 * q) * L), a2i = FloatVector.fromArray(S, xi, (j + 2 * q) * L);
                if (k != 0) {
                    FloatVector t = a1r.mul(w1r).sub(a1i.mul(w1i));
                    a1i = a1r.mul(w1i).add(a1i.mul(w1r));
                    a1r = t;
                    t = a2r.mul(w2r).sub(a2i.mul(w2i));
                    a2i = a2r.mul(w2i).add(a2i.mul(w2r));
                    a2r = t;
                }
                FloatVector sr = a1r.add(a2r), si = a1i.add(a2i);
                FloatVector dr = a1r.sub(a2r).mul(SIN60), di = a1i.sub(a2i).mul(SIN60);
                FloatVector mr = a0r.sub(sr.mul(0.5f)), mi = a0i.sub(si.mul(0.5f));
                a0r.add(sr).intoArray(yr, o * L);
                a0i.add(si).intoArray(yi, o * L);
                mr.add(di).intoArray(yr, (o + ns) * L);       // m - i·(√3/2)·d
                mi.sub(dr).intoArray(yi, (o + ns) * L);
                mr.sub(di).intoArray(yr, (o + 2 * ns) * L);   // m + i·(√3/2)·d
                mi.add(dr).intoArray(yi, (o + 2 * ns) * L);
            }
        }
    }

    private static final float C1 = (float) Math.cos(2 * Math.PI / 5);
    private static final float C2 = (float) Math.cos(4 * Math.PI / 5);
    private static final float S1 = (float) Math.sin(2 * Math.PI / 5);
    private static final float S2 = (float) Math.sin(4 * Math.PI / 5);

    private static void radix5(int n, int ns, float[] twr, float[] twi, float[] xr, float[] xi, float[] yr, float[] yi) {
        int q = n / 5;
        for (int k = 0; k < ns; k++) {
            int tw = 4 * k;
            for (int j = k; j < q; j += ns) {
                int o = (j - k) * 5 + k;
                FloatVector a0r = FloatVector.fromArray(S, xr, j * L), a0i = FloatVector.fromArray(S, xi, j * L);
                FloatVector a1r = FloatVector.fromArray(S, xr, (j + q) * L), a1i = FloatVector.fromArray(S, xi, (j + q) * L);
                FloatVector a2r = FloatVector.fromArray(S, xr, (j + 2 * q) * L), a2i = FloatVector.fromArray(S, xi, (j + 2 * q) * L);
                FloatVector a3r = FloatVector.fromArray(S, xr, (j + 3 * q) * L), a3i = FloatVector.fromArray(S, xi, (j + 3 * q) * L);
                FloatVector a4r = FloatVector.fromArray(S, xr, (j + 4 * q) * L), a4i = FloatVector.fromArray(S, xi, (j + 4 * q) * L);
                if (k != 0) {
                    FloatVector t = a1r.mul(twr[tw]).sub(a1i.mul(twi[tw]));
                    a1i = a1r.mul(twi[tw]).add(a1i.mul(twr[tw]));
                    a1r = t;
                    t = a2r.mul(twr[tw + 1]).sub(a2i.mul(twi[tw + 1]));
                    a2i = a2r.mul(twi[tw + 1]).add(a2i.mul(twr[tw + 1]));
                    a2r = t;
                    t = a3r.mul(twr[tw + 2]).sub(a3i.mul(twi[tw + 2]));
                    a3i = a3r.mul(twi[tw + 2]).add(a3i.mul(twr[tw + 2]));
                    a3r = t;
                    t = a4r.mul(twr[tw + 3]).sub(a4i.mul(twi[tw + 3]));
                    a4i = a4r.mul(twi[tw + 3]).add(a4i.mul(twr[tw + 3]));
                    a4r = t;
                }
                FloatVector s14r = a1r.add(a4r), s14i = a1i.add(a4i), d14r = a1r.sub(a4r), d14i = a1i.sub(a4i);
                FloatVector s23r = a2r.add(a3r), s23i = a2i.add(a3i), d23r = a2r.sub(a3r), d23i = a2i.sub(a3i);
                FloatVector b1r = a0r.add(s14r.mul(C1)).add(s23r.mul(C2)), b1i = a0i.add(s14i.mul(C1)).add(s23i.mul(C2));
                FloatVector b2r = a0r.add(s14r.mul(C2)).add(s23r.mul(C1)), b2i = a0i.add(s14i.mul(C2)).add(s23i.mul(C1));
                FloatVector e1r = d14r.mul(S1).add(d23r.mul(S2)), e1i = d14i.mul(S1).add(d23i.mul(S2));
                FloatVector e2r = d14r.mul(S2).sub(d23r.mul(S1)), e2i = d14i.mul(S2).sub(d23i.mul(S1));
                a0r.add(s14r).add(s23r).intoArray(yr, o * L);
                a0i.add(s14i).add(s23i).intoArray(yi, o * L);
                b1r.add(e1i).intoArray(yr, (o + ns) * L);       // b1 - i·e1
                b1i.sub(e1r).intoArray(yi, (o + ns) * L);
                b2r.add(e2i).intoArray(yr, (o + 2 * ns) * L);   // b2 - i·e2
                b2i.sub(e2r).intoArray(yi, (o + 2 * ns) * L);
                b2r.sub(e2i).intoArray(yr, (o + 3 * ns) * L);   // b2 + i·e2
                b2i.add(e2r).intoArray(yi, (o + 3 * ns) * L);
                b1r.sub(e1i).intoArray(yr, (o + 4 * ns) * L);   // b1 + i·e1
                b1i.add(e1r).intoArray(yi, (o + 4 * ns) * L);
            }
        }
    }

    /** Any prime p: the twiddled inputs go to scratch, then each output is a p-term sum. */
    private static void radixP(int n, int p, int ns, float[] twr, float[] twi, float[] rr, float[] ri,
                               float[] xr, float[] xi, float[] yr, float[] yi, float[] pr, float[] pi) {
        int q = n / p;
        for (int k = 0; k < ns; k++) {
            for (int j = k; j < q; j += ns) {
                int o = (j - k) * p + k;
                for (int t = 0; t < p; t++) {
                    FloatVector ar = FloatVector.fromArray(S, xr, (j + t * q) * L), ai = FloatVector.fromArray(S, xi, (j + t * q) * L);
                    if (t > 0 && k != 0) {
                        float wr = twr[k * (p - 1) + t - 1], wi = twi[k * (p - 1) + t - 1];
                        FloatVector tr = ar.mul(wr).sub(ai.mul(wi));
                        ai = ar.mul(wi).add(ai.mul(wr));
                        ar = tr;
                    }
                    ar.intoArray(pr, t * L);
                    ai.intoArray(pi, t * L);
                }
                for (int u = 0; u < p; u++) {
                    FloatVector sr = FloatVector.zero(S), si = FloatVector.zero(S);
                    for (int t = 0, idx = 0; t < p; t++, idx = (idx + u) % p) {
                        FloatVector ar = FloatVector.fromArray(S, pr, t * L), ai = FloatVector.fromArray(S, pi, t * L);
                        sr = sr.add(ar.mul(rr[idx]).sub(ai.mul(ri[idx])));
                        si = si.add(ar.mul(ri[idx]).add(ai.mul(rr[idx])));
                    }
                    sr.intoArray(yr, (o + u * ns) * L);
                    si.intoArray(yi, (o + u * ns) * L);
                }
            }
        }
    }
}
