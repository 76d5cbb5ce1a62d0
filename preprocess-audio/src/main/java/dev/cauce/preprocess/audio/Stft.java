package dev.cauce.preprocess.audio;

import dev.cauce.core.simd.LaneBatch;
import dev.cauce.core.simd.RealFft;
import dev.cauce.core.simd.VectorOps;

/**
 * Short-time Fourier transform with torchaudio's conventions ({@code torchaudio.transforms.Spectrogram}):
 * a periodic window of {@code winLength} samples centred in an {@code nFft}-point frame, frames
 * every {@code hop} samples; with {@code center} the signal is reflect-padded by {@code nFft/2} on
 * both sides so frame {@code t} is centred on sample {@code t*hop}, giving {@code 1 + N/hop} frames.
 * The one-sided spectrum has {@code nFft/2 + 1} bins.
 *
 * <p>The FFT is core's {@link RealFft} (Vector API, any even size: radix 2/3/4/5 and direct sums for
 * other primes), run on {@link RealFft#lanes()} frames at once; it replaced TarsosDSP's FFT, which
 * took about 70% of the mel chain's time. Frames are windowed here with the periodic window
 * (TarsosDSP's helpers use a symmetric window and drop the Nyquist bin, unlike torchaudio).
 * Instances are immutable and thread-safe.
 *
 * @param nFft      FFT size (even, at least 2)
 * @param winLength window length, 1..nFft
 * @param hop       hop between frames, positive
 * @param window    window shape
 * @param center    reflect-pad by {@code nFft/2} so frames are centred on {@code t*hop}
 */
public record Stft(int nFft, int winLength, int hop, Window window, boolean center) {

    public Stft {
        if (nFft < 2 || nFft % 2 != 0) throw new IllegalArgumentException("nFft must be even and at least 2, got " + nFft);
        if (winLength < 1 || winLength > nFft) {
            throw new IllegalArgumentException("winLength must be in [1, nFft=" + nFft + "], got " + winLength);
        }
        if (hop < 1) throw new IllegalArgumentException("hop must be positive, got " + hop);
        if (window == null) throw new IllegalArgumentException("window must not be null");
    }

    /** torchaudio's defaults for {@code Spectrogram(n_fft, hop_length)}: Hann, winLength = nFft, centred. */
    public Stft(int nFft, int hop) {
        this(nFft, nFft, hop, Window.HANN, true);
    }

    /** Number of frequency bins, {@code nFft/2 + 1}. */
    public int bins() {
        return nFft / 2 + 1;
    }

    /** Number of frames for {@code n} samples. */
    public int frames(int n) {
        return center ? 1 + n / hop : 1 + (n - nFft) / hop;
    }

    /** Receives one frame's spectrum; {@code power[k]} is {@code |X_t[k]|^2}, reused between calls. */
    @FunctionalInterface
    public interface FrameConsumer {
        void accept(int frame, float[] power);
    }

    /**
     * Receives the power spectra of frames {@code first .. first+count-1} in {@link RealFft}'s lane
     * layout: {@code power[k·RealFft.lanes() + f]} is {@code |X_{first+f}[k]|^2}; reused between calls.
     */
    @FunctionalInterface
    public interface BatchConsumer {
        void accept(int first, int count, float[] power);
    }

    /** Power spectrogram {@code |X|^2} of a mono signal, (bins, frames). */
    public Spectrogram power(float[] x) {
        return spectrogram(x, false);
    }

    /** Magnitude spectrogram {@code |X|} of a mono signal, (bins, frames). */
    public Spectrogram magnitude(float[] x) {
        return spectrogram(x, true);
    }

    /** Power spectrogram of {@code audio} mixed down to mono. */
    public Spectrogram power(Audio audio) {
        return power(audio.monoSamples());
    }

    private Spectrogram spectrogram(float[] x, boolean magnitude) {
        int frames = validatedFrames(x.length);
        int bins = bins();
        int lanes = RealFft.lanes();
        float[] out = new float[bins * frames];
        forEachBatch(x, (t0, count, p) -> {
            if (magnitude) VectorOps.sqrt(p.length, p, 0);
            // each bin's row of the batch holds consecutive frames: one copy per bin
            for (int k = 0; k < bins; k++) System.arraycopy(p, k * lanes, out, k * frames + t0, count);
        });
        return new Spectrogram(out, bins, frames);
    }

    /** Number of frames for {@code n} samples, after checking the signal is long enough (clear message if not). */
    int validatedFrames(int n) {
        return frames(checkLength(n));
    }

    private int checkLength(int n) {
        if (n == 0) throw new IllegalArgumentException("audio has 0 samples; a spectrogram needs at least one frame of audio");
        if (n == 1) throw new IllegalArgumentException("audio has 1 sample; a spectrogram needs more than nFft/2=" + nFft / 2 + " samples");
        if (center && n <= nFft / 2) {
            throw new IllegalArgumentException("audio of " + n + " samples is too short for centre reflect padding of nFft/2="
                    + nFft / 2 + "; need at least " + (nFft / 2 + 1) + " samples or a smaller nFft");
        }
        if (!center && n < nFft) {
            throw new IllegalArgumentException("audio of " + n + " samples is shorter than nFft=" + nFft + " (center=false)");
        }
        return n;
    }

    /**
     * Computes each frame's power spectrum in order and hands it to {@code consumer}; lets callers
     * reduce frames without storing the full linear spectrogram.
     */
    public void forEachFrame(float[] x, FrameConsumer consumer) {
        float[] column = new float[bins()];
        int lanes = RealFft.lanes();
        forEachBatch(x, (t0, count, p) -> {
            for (int f = 0; f < count; f++) {
                for (int k = 0; k < column.length; k++) column[k] = p[k * lanes + f];
                consumer.accept(t0 + f, column);
            }
        });
    }

    /**
     * Computes the power spectra of {@link RealFft#lanes()} frames at a time, in order, and hands
     * each batch to {@code consumer} (the last batch may be partial); the mel filterbank reduces
     * them a batch at a time without storing the linear spectrogram.
     */
    public void forEachBatch(float[] x, BatchConsumer consumer) {
        int frames = validatedFrames(x.length);
        float[] padded = center ? reflectPad(x, nFft / 2) : x;
        float[] win = window.shared(winLength);
        int winOff = (nFft - winLength) / 2; // torch centres a shorter window in the frame
        RealFft fft = RealFft.of(nFft);
        RealFft.Workspace ws = fft.takeWorkspace();
        try {
            int lanes = RealFft.lanes();
            float[] power = new float[bins() * lanes];
            for (int t0 = 0; t0 < frames; t0 += lanes) {
                int count = Math.min(lanes, frames - t0);
                // lanes past the last frame repeat it (valid memory); their spectra are not handed on
                LaneBatch.windowedFrames(padded, t0 * hop, hop, count, win, winOff, nFft, ws.input());
                fft.forwardPower(ws, power);
                consumer.accept(t0, count, power);
            }
        } finally {
            fft.giveBack(ws);
        }
    }

    /** {@code x} padded by {@code pad} on both sides in numpy/torch 'reflect' mode (edge not repeated). */
    static float[] reflectPad(float[] x, int pad) {
        int n = x.length;
        float[] p = new float[n + 2 * pad];
        System.arraycopy(x, 0, p, pad, n);
        for (int i = 1; i <= pad; i++) {
            p[pad - i] = x[i];
            p[pad + n - 1 + i] = x[n - 1 - i];
        }
        return p;
    }
}
