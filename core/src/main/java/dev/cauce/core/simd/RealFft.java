package dev.cauce.core.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real-input FFT in single precision: {@code X[k] = Σ_j x[j]·e^{-2πi·j·k/n}} for
 * {@code k = 0..n/2} (the one-sided spectrum, {@link #bins()} values), unnormalised like numpy's
 * {@code rfft}, and its inverse ({@code irfft}, scaled by 1/n so a round trip gives the input back).
 *
 * <p><b>Batched by lanes.</b> A call transforms {@link #lanes()} signals at once (8 with AVX2), one
 * per vector lane: sample {@code j} of signal {@code f} is at {@code j·lanes + f} in
 * {@link Workspace#input()}, bin {@code k} at {@code k·lanes + f} in {@link Workspace#real()} and
 * {@link Workspace#imag()}. Spectrogram frames are independent, so a batch of frames fills every
 * lane of every butterfly; vectorising inside one short transform instead would leave the first
 * stages (spans of 1 and 4 elements) to shuffles or scalar code. {@link #forward(float[], float[],
 * float[], Workspace)} transforms a single signal (in lane 0) for callers that have only one.
 *
 * <p><b>Scheme.</b> For even n, the n real samples are read as n/2 complex ones
 * {@code z[j] = x[2j] + i·x[2j+1]}, transformed by a half-size complex FFT ({@link ComplexFft}:
 * Stockham, radix 4/2/3/5, any other prime by direct sums), then split with one twiddle pass:
 * {@code X[k] = E[k] + e^{-2πik/n}·O[k]}, {@code E[k] = (Z[k] + conj Z[n/2-k])/2},
 * {@code O[k] = (Z[k] - conj Z[n/2-k])/(2i)}. Odd n use a full-size complex FFT.
 *
 * <p><b>Precision.</b> Float: twice the lanes of double, and the torchaudio goldens (1e-4 relative)
 * pass with room to spare because the twiddles are computed in double and rounded once; the error
 * of a float FFT grows only with log n (about 1e-7·log2 n relative to the spectrum's norm).
 *
 * <p>Plans are immutable and thread-safe, built once per size and cached ({@link #of(int)}); all
 * buffers live in a {@link Workspace} the caller owns (one per thread), so calls allocate nothing.
 */
public final class RealFft {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = ComplexFft.LANES;
    /** Plans by size; plans are immutable, so sharing them is safe and saves rebuilding tables. */
    private static final ConcurrentHashMap<Integer, RealFft> PLANS = new ConcurrentHashMap<>();

    private final int n;
    private final int half;        // complex size: n/2 for even n, n for odd n
    private final ComplexFft fft;
    private final float[] splitRe; // [k] = cos(-2πk/n), k = 0..n/2 (even n only)
    private final float[] splitIm;
    /** One spare workspace per thread (see {@link #takeWorkspace()}). */
    private final ThreadLocal<Workspace> spare = new ThreadLocal<>();

    private RealFft(int n) {
        if (n < 1) throw new IllegalArgumentException("FFT size must be positive, got " + n);
        this.n = n;
        this.half = n % 2 == 0 ? n / 2 : n;
        this.fft = new ComplexFft(half);
        int bins = n / 2 + 1;
        splitRe = new float[bins];
        splitIm = new float[bins];
        for (int k = 0; k < bins; k++) {
            splitRe[k] = (float) Math.cos(-2 * Math.PI * k / n);
            splitIm[k] = (float) Math.sin(-2 * Math.PI * k / n);
        }
    }

    /** The plan for size {@code n} (at least 1), built on first use and shared. */
    public static RealFft of(int n) {
        if (n < 1) throw new IllegalArgumentException("FFT size must be positive, got " + n);
        return PLANS.computeIfAbsent(n, RealFft::new);
    }

    /** Signals per batch: the float lanes of the preferred vector species. */
    public static int lanes() {
        return L;
    }

    public int size() {
        return n;
    }

    /** One-sided spectrum length, {@code n/2 + 1}. */
    public int bins() {
        return n / 2 + 1;
    }

    /** Fresh buffers for this plan; reuse them for every call on one thread. */
    public Workspace workspace() {
        return new Workspace(this);
    }

    /**
     * This thread's spare workspace for the plan, or a fresh one if it is taken (a nested call);
     * hand it back with {@link #giveBack}. A workspace is about 130 KB at n 512 with 16 lanes:
     * allocating and zeroing one per short recording took about 10% of the mel chain.
     */
    public Workspace takeWorkspace() {
        Workspace ws = spare.get();
        if (ws == null) return workspace();
        spare.remove();
        return ws;
    }

    /** Returns a workspace taken with {@link #takeWorkspace()} for the thread's next call. */
    public void giveBack(Workspace ws) {
        check(ws);
        spare.set(ws);
    }

    /** Buffers for one thread's calls on one plan, in the lane-interleaved layout of {@link RealFft}. */
    public static final class Workspace {
        private final RealFft plan;
        private final float[] input;
        private final float[] re;
        private final float[] im;
        private final float[] ar, ai, br, bi, pr, pi;

        private Workspace(RealFft plan) {
            this.plan = plan;
            input = new float[plan.n * L];
            re = new float[plan.bins() * L];
            im = new float[plan.bins() * L];
            ar = new float[plan.half * L];
            ai = new float[plan.half * L];
            br = new float[plan.half * L];
            bi = new float[plan.half * L];
            pr = new float[plan.fft.scratchLength()];
            pi = new float[plan.fft.scratchLength()];
        }

        /** Time-domain samples, {@code n·lanes}: sample j of signal f at {@code j·lanes + f}. */
        public float[] input() {
            return input;
        }

        /** Real parts of the spectra, {@code bins·lanes}: bin k of signal f at {@code k·lanes + f}. */
        public float[] real() {
            return re;
        }

        /** Imaginary parts of the spectra, same layout as {@link #real()}. */
        public float[] imag() {
            return im;
        }
    }

    private void check(Workspace ws) {
        if (ws.plan != this) throw new IllegalArgumentException("workspace was made for size " + ws.plan.n + ", not " + n);
    }

    /** Spectra of the {@link #lanes()} signals in {@code ws.input()} into {@code ws.real()/imag()}. */
    public void forward(Workspace ws) {
        transform(ws, null);
    }

    /**
     * Power spectra {@code |X[k]|²} of the signals in {@code ws.input()} into {@code power}
     * ({@code bins·lanes}, bin k of signal f at {@code k·lanes + f}); {@code ws.real()/imag()} are
     * left undefined. Computing the power in the final split pass saves writing and re-reading the
     * complex spectra, which the STFT never needs.
     */
    public void forwardPower(Workspace ws, float[] power) {
        if (power.length < bins() * L) throw new IllegalArgumentException("power holds " + power.length + " floats, needs " + bins() * L);
        if (n % 2 == 1) {
            forward(ws);
            power(ws, power);
        } else {
            transform(ws, power);
        }
    }

    /** The forward transform; for even n with {@code power} given, the split writes power spectra there instead. */
    private void transform(Workspace ws, float[] power) {
        check(ws);
        float[] in = ws.input;
        if (n % 2 == 1) {
            System.arraycopy(in, 0, ws.ar, 0, n * L);
            Arrays.fill(ws.ai, 0f);
            boolean inB = fft.forward(ws.ar, ws.ai, ws.br, ws.bi, ws.pr, ws.pi);
            System.arraycopy(inB ? ws.br : ws.ar, 0, ws.re, 0, bins() * L);
            System.arraycopy(inB ? ws.bi : ws.ai, 0, ws.im, 0, bins() * L);
        } else {
            // z[j] = x[2j] + i·x[2j+1]: the input's even and odd rows, read in place by the first stage
            boolean inB = fft.forwardInterleaved(in, ws.ar, ws.ai, ws.br, ws.bi, ws.pr, ws.pi);
            split(inB ? ws.br : ws.ar, inB ? ws.bi : ws.ai, ws.re, ws.im, power);
        }
    }

    /**
     * {@code X[k] = E[k] + w^k·O[k]} from the half-size spectrum Z (see the class comment) into
     * {@code (xr, xi)}, or its power {@code |X[k]|²} into {@code power} when that is not null.
     */
    private void split(float[] zr, float[] zi, float[] xr, float[] xi, float[] power) {
        for (int k = 0; k <= half; k++) {
            int a = (k % half) * L, b = ((half - k) % half) * L;
            FloatVector pr = FloatVector.fromArray(S, zr, a), pi = FloatVector.fromArray(S, zi, a);
            FloatVector qr = FloatVector.fromArray(S, zr, b), qi = FloatVector.fromArray(S, zi, b).neg(); // conj Z[half-k]
            FloatVector er = pr.add(qr).mul(0.5f), ei = pi.add(qi).mul(0.5f);
            FloatVector or = pi.sub(qi).mul(0.5f), oi = qr.sub(pr).mul(0.5f); // (Z - conj)/(2i)
            float wr = splitRe[k], wi = splitIm[k];
            FloatVector re = er.add(or.mul(wr)).sub(oi.mul(wi));
            FloatVector im = ei.add(or.mul(wi)).add(oi.mul(wr));
            if (power == null) {
                re.intoArray(xr, k * L);
                im.intoArray(xi, k * L);
            } else {
                re.fma(re, im.mul(im)).intoArray(power, k * L);
            }
        }
    }

    /**
     * Inverse of {@link #forward(Workspace)}: the signals whose one-sided spectra are in
     * {@code ws.real()/imag()} into {@code ws.input()}, scaled by 1/n. The imaginary parts of bin 0
     * (and of bin n/2 for even n) are ignored, as for any real signal's spectrum.
     */
    public void inverse(Workspace ws) {
        check(ws);
        float[] xr = ws.re, xi = ws.im;
        // Build conj(Z) (forward FFT of the conjugate = conjugate of the inverse).
        if (n % 2 == 1) {
            for (int k = 0; k < bins(); k++) {
                System.arraycopy(xr, k * L, ws.ar, k * L, L);
                FloatVector.fromArray(S, xi, k * L).neg().intoArray(ws.ai, k * L);
                if (k > 0) {
                    System.arraycopy(xr, k * L, ws.ar, (n - k) * L, L);
                    System.arraycopy(xi, k * L, ws.ai, (n - k) * L, L);
                }
            }
            FloatVector.zero(S).intoArray(ws.ai, 0);
        } else {
            for (int k = 0; k < half; k++) {
                int a = k * L, b = (half - k) * L;
                FloatVector pr = FloatVector.fromArray(S, xr, a), pi = k == 0 ? FloatVector.zero(S) : FloatVector.fromArray(S, xi, a);
                FloatVector qr = FloatVector.fromArray(S, xr, b), qi = k == 0 ? FloatVector.zero(S) : FloatVector.fromArray(S, xi, b).neg();
                FloatVector er = pr.add(qr), ei = pi.add(qi);        // 2·E[k]
                FloatVector dr = pr.sub(qr), di = pi.sub(qi);        // 2·w^k·O[k]
                float wr = splitRe[k], wi = -splitIm[k];             // conj(w^k) = 1/w^k
                FloatVector or = dr.mul(wr).sub(di.mul(wi)), oi = dr.mul(wi).add(di.mul(wr));
                er.sub(oi).intoArray(ws.ar, a);                      // Re(E + i·O), times 2
                ei.add(or).neg().intoArray(ws.ai, a);                // -Im(E + i·O), times 2
            }
        }
        boolean inB = fft.forward(ws.ar, ws.ai, ws.br, ws.bi, ws.pr, ws.pi);
        float[] zr = inB ? ws.br : ws.ar, zi = inB ? ws.bi : ws.ai;
        float[] out = ws.input;
        if (n % 2 == 1) {
            float s = 1f / n;
            for (int j = 0; j < n; j++) FloatVector.fromArray(S, zr, j * L).mul(s).intoArray(out, j * L);
        } else {
            float s = 1f / n; // 1/half from the inverse, 1/2 from the doubled E and O
            for (int j = 0; j < half; j++) {
                FloatVector.fromArray(S, zr, j * L).mul(s).intoArray(out, 2 * j * L);
                FloatVector.fromArray(S, zi, j * L).mul(-s).intoArray(out, (2 * j + 1) * L);
            }
        }
    }

    /** Spectrum of one signal {@code x[0..n)}: {@code re, im} receive {@link #bins()} values each. */
    public void forward(float[] x, float[] re, float[] im, Workspace ws) {
        check(ws);
        if (x.length < n) throw new IllegalArgumentException("signal has " + x.length + " samples, the FFT size is " + n);
        float[] in = ws.input;
        Arrays.fill(in, 0f);
        for (int j = 0; j < n; j++) in[j * L] = x[j];
        forward(ws);
        for (int k = 0; k < bins(); k++) {
            re[k] = ws.re[k * L];
            im[k] = ws.im[k * L];
        }
    }

    /** Inverse of {@link #forward(float[], float[], float[], Workspace)}: n samples into {@code x}. */
    public void inverse(float[] re, float[] im, float[] x, Workspace ws) {
        check(ws);
        Arrays.fill(ws.re, 0f);
        Arrays.fill(ws.im, 0f);
        for (int k = 0; k < bins(); k++) {
            ws.re[k * L] = re[k];
            ws.im[k * L] = im[k];
        }
        inverse(ws);
        for (int j = 0; j < n; j++) x[j] = ws.input[j * L];
    }

    /** {@code out[k·lanes + f] = re² + im²} of the last forward transform: the power spectra. */
    public void power(Workspace ws, float[] out) {
        check(ws);
        int len = bins() * L;
        for (int i = 0; i < len; i += L) {
            FloatVector r = FloatVector.fromArray(S, ws.re, i), m = FloatVector.fromArray(S, ws.im, i);
            r.fma(r, m.mul(m)).intoArray(out, i);
        }
    }
}
