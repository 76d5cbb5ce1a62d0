package dev.cauce.preprocess.audio;

import be.tarsos.dsp.util.fft.FFT;

/**
 * Short-time Fourier transform with torchaudio's conventions ({@code torchaudio.transforms.Spectrogram}):
 * a periodic window of {@code winLength} samples centred in an {@code nFft}-point frame, frames
 * every {@code hop} samples; with {@code center} the signal is reflect-padded by {@code nFft/2} on
 * both sides so frame {@code t} is centred on sample {@code t*hop}, giving {@code 1 + N/hop} frames.
 * The one-sided spectrum has {@code nFft/2 + 1} bins.
 *
 * <p>The FFT is TarsosDSP's ({@link FFT#forwardTransform}, JTransforms' real FFT) on a frame windowed
 * here, unpacked from its {@code [Re0, Re(N/2), Re1, Im1, ...]} layout; TarsosDSP's own
 * power/window helpers use other conventions (symmetric window, dropped Nyquist bin) and are not used.
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
        float[] out = new float[bins * frames];
        ColumnWriter w = new ColumnWriter(out, bins, frames);
        forEachFrame(x, (t, p) -> {
            if (magnitude) for (int k = 0; k < bins; k++) p[k] = (float) Math.sqrt(p[k]);
            w.put(t, p);
        });
        return new Spectrogram(out, bins, frames);
    }

    /**
     * Writes per-frame columns into a (rows, frames) array. Frames arrive one at a time; writing
     * each straight into its column would touch one cache line per row per frame, so columns are
     * gathered in a small block and written out as short contiguous runs per row.
     */
    static final class ColumnWriter {
        private static final int BLOCK = 16;
        private final float[] out;
        private final int rows;
        private final int frames;
        private final float[] block;
        private int first;
        private int count;

        ColumnWriter(float[] out, int rows, int frames) {
            this.out = out;
            this.rows = rows;
            this.frames = frames;
            this.block = new float[BLOCK * rows];
        }

        /** Column {@code t} (frames must come in order 0, 1, 2, ...); the last one flushes. */
        void put(int t, float[] column) {
            if (count == 0) first = t;
            System.arraycopy(column, 0, block, count * rows, rows);
            count++;
            if (count == BLOCK || t == frames - 1) flush();
        }

        private void flush() {
            for (int r = 0; r < rows; r++) {
                int o = r * frames + first;
                for (int c = 0; c < count; c++) out[o + c] = block[c * rows + r];
            }
            count = 0;
        }
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
     * (the mel filterbank) reduce frames without storing the full linear spectrogram.
     */
    public void forEachFrame(float[] x, FrameConsumer consumer) {
        int n = checkLength(x.length);
        int frames = frames(n);
        float[] padded = center ? reflectPad(x, nFft / 2) : x;
        float[] win = window.periodic(winLength);
        int winOff = (nFft - winLength) / 2; // torch centres a shorter window in the frame
        FFT fft = new FFT(nFft); // per call: JTransforms keeps tables per instance; cheap next to the frames
        float[] frame = new float[nFft];
        float[] power = new float[bins()];
        int half = nFft / 2;
        for (int t = 0; t < frames; t++) {
            int start = t * hop + winOff;
            if (winLength < nFft) java.util.Arrays.fill(frame, 0f); // the FFT works in place
            for (int i = 0; i < winLength; i++) frame[winOff + i] = padded[start + i] * win[i];
            fft.forwardTransform(frame);
            power[0] = frame[0] * frame[0];
            power[half] = frame[1] * frame[1];
            for (int k = 1; k < half; k++) {
                float re = frame[2 * k], im = frame[2 * k + 1];
                power[k] = re * re + im * im;
            }
            consumer.accept(t, power);
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
