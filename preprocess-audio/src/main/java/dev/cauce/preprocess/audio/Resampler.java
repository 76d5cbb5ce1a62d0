package dev.cauce.preprocess.audio;

/**
 * Band-limited resampling between two integer rates, numerically the same as torchaudio's
 * {@code Resample(orig, new)} with its defaults ({@code sinc_interpolation}, 6 zero crossings,
 * rolloff 0.99, Hann<sup>2</sup> window).
 *
 * <p>Quality: the rates are reduced by their gcd to {@code o:n}; each of the {@code n} output phases
 * has its own windowed-sinc kernel of {@code 2*width + o} taps, {@code width = ceil(6*o/(0.99*min(o,n)))}.
 * The cut-off is 0.99 of the lower Nyquist frequency, the window is {@code cos(pi*t/12)^2} over
 * &plusmn;6 zero crossings, so the transition band is about 1/6 of the lower Nyquist wide and the stop
 * band sits roughly 60 dB down (the published behaviour of torchaudio's default). The kernel is built
 * in double precision and rounded to float, as torchaudio does; outputs agree with torchaudio to
 * about 1e-7 (float rounding of the sums).
 *
 * <p>Output length is {@code ceil(n * N / o)} for {@code N} input samples; the input is treated as
 * zero outside its ends. Instances are immutable and thread-safe; build one per rate pair and reuse it.
 */
public final class Resampler {
    private static final int ZERO_CROSSINGS = 6;
    private static final double ROLLOFF = 0.99;
    private static final int BLOCK = 1024; // output frames per block (4 KB accumulator)

    private final int fromRate;
    private final int toRate;
    private final int o;
    private final int n;
    private final int width;
    private final float[][] kernel; // [phase][tap]

    /** A resampler from {@code fromRate} Hz to {@code toRate} Hz. */
    public Resampler(int fromRate, int toRate) {
        if (fromRate <= 0) throw new IllegalArgumentException("fromRate must be positive, got " + fromRate);
        if (toRate <= 0) throw new IllegalArgumentException("toRate must be positive, got " + toRate);
        this.fromRate = fromRate;
        this.toRate = toRate;
        int g = gcd(fromRate, toRate);
        this.o = fromRate / g;
        this.n = toRate / g;
        double base = Math.min(o, n) * ROLLOFF;
        this.width = (int) Math.ceil(ZERO_CROSSINGS * o / base);
        int taps = 2 * width + o;
        if ((long) n * taps > 50_000_000L) {
            throw new IllegalArgumentException("rates " + fromRate + " -> " + toRate + " reduce to " + o + ":" + n
                    + ", which needs a " + n + " x " + taps + " kernel; choose rates with a larger common divisor");
        }
        kernel = new float[n][taps];
        double scale = base / o;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < taps; i++) {
                double t = (-(double) j / n + (double) (i - width) / o) * base;
                t = Math.max(-ZERO_CROSSINGS, Math.min(ZERO_CROSSINGS, t));
                double w = Math.cos(t * Math.PI / ZERO_CROSSINGS / 2);
                w *= w;
                double x = t * Math.PI;
                double sinc = x == 0 ? 1.0 : Math.sin(x) / x;
                kernel[j][i] = (float) (sinc * w * scale);
            }
        }
    }

    public int fromRate() {
        return fromRate;
    }

    public int toRate() {
        return toRate;
    }

    /** The kernel of output phase {@code j} (a copy), torchaudio's {@code kernel[j, 0, :]}. */
    public float[] kernel(int j) {
        return kernel[j].clone();
    }

    /** Output samples for {@code inputLength} input samples: {@code ceil(n * N / o)}. */
    public int outputLength(int inputLength) {
        return (int) Math.ceil((double) n * inputLength / o);
    }

    /** Resamples every channel; {@code audio.sampleRate()} must be this resampler's {@code fromRate}. */
    public Audio apply(Audio audio) {
        if (audio.sampleRate() != fromRate) {
            throw new IllegalArgumentException("audio is at " + audio.sampleRate() + " Hz but this resampler converts from "
                    + fromRate + " Hz");
        }
        if (fromRate == toRate) return audio;
        float[][] out = new float[audio.channelCount()][];
        for (int c = 0; c < out.length; c++) out[c] = apply(audio.channel(c));
        return new Audio(out, toRate);
    }

    /** Resamples one channel of samples at {@code fromRate}. */
    public float[] apply(float[] x) {
        if (x.length == 0) throw new IllegalArgumentException("cannot resample zero-length audio");
        if (fromRate == toRate) return x.clone();
        int len = x.length;
        int outLen = outputLength(len);
        float[] out = new float[outLen];
        int taps = 2 * width + o;
        // Zero-padded copy (width left, width + o right) so the inner loop has no bounds logic.
        float[] p = new float[len + 2 * width + o];
        System.arraycopy(x, 0, p, width, len);
        int frames = len / o + 1;
        // Blocks of output frames small enough for L1, taps outer and frames inner: for o = 1
        // (upsampling by an integer) the inner loop is a stride-1 multiply-add the JIT vectorises.
        // Each sum still adds its taps in order 0..taps-1, as the plain dot product would.
        float[] acc = new float[Math.min(frames, BLOCK)];
        for (int k0 = 0; k0 < frames; k0 += BLOCK) {
            int kn = Math.min(BLOCK, frames - k0);
            for (int j = 0; j < n; j++) {
                java.util.Arrays.fill(acc, 0, kn, 0f);
                float[] kj = kernel[j];
                for (int i = 0; i < taps; i++) {
                    float w = kj[i];
                    int q0 = k0 * o + i;
                    if (o == 1) {
                        for (int k = 0; k < kn; k++) acc[k] += w * p[q0 + k];
                    } else {
                        for (int k = 0, q = q0; k < kn; k++, q += o) acc[k] += w * p[q];
                    }
                }
                for (int k = 0, idx = (k0 * n) + j; k < kn && idx < outLen; k++, idx += n) out[idx] = acc[k];
            }
        }
        return out;
    }

    /** Convenience: resample {@code audio} to {@code toRate} (builds the kernel each call). */
    public static Audio resample(Audio audio, int toRate) {
        return new Resampler(audio.sampleRate(), toRate).apply(audio);
    }

    private static int gcd(int a, int b) {
        while (b != 0) {
            int t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
