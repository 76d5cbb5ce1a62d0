package dev.cauce.augment.audio;

import be.tarsos.dsp.AudioEvent;
import be.tarsos.dsp.PitchShifter;
import be.tarsos.dsp.io.TarsosDSPAudioFormat;
import be.tarsos.dsp.resample.Resampler;
import dev.cauce.core.Rng;
import dev.cauce.preprocess.audio.Audio;

/**
 * Pure waveform operations with explicit parameters; the random transforms of this package only
 * choose the parameters. None of them writes into its input.
 */
public final class WaveOps {
    private WaveOps() { }

    /** Multiplies every sample by {@code 10^(db/20)}. No clipping. */
    public static Audio gain(Audio audio, double db) {
        float g = (float) Math.pow(10, db / 20);
        return audio.mapChannels(x -> {
            float[] y = new float[x.length];
            for (int i = 0; i < x.length; i++) y[i] = x[i] * g;
            return y;
        });
    }

    /**
     * Shifts the audio by {@code samples} (positive = later), keeping the length: the samples that
     * move past an end are dropped and the gap is filled with zeros (silence).
     */
    public static Audio shift(Audio audio, int samples) {
        return audio.mapChannels(x -> {
            float[] y = new float[x.length];
            int n = x.length;
            if (Math.abs((long) samples) >= n) return y;
            if (samples >= 0) System.arraycopy(x, 0, y, samples, n - samples);
            else System.arraycopy(x, -samples, y, 0, n + samples);
            return y;
        });
    }

    /** Mean of the squares over all channels. */
    public static double power(Audio audio) {
        double s = 0;
        for (float[] ch : audio.channels()) for (float v : ch) s += (double) v * v;
        return s / ((double) audio.frames() * audio.channelCount());
    }

    /**
     * Adds {@code noise} scaled so that the signal-to-noise ratio is {@code snrDb}:
     * {@code 10 log10(P(signal) / P(scaled noise)) = snrDb}, powers as mean squares over the
     * signal's length. The noise is read from {@code offset} on and wraps around when shorter than
     * the signal; the same noise goes to every channel. The sum is not clipped (clipping would
     * change the ratio).
     *
     * @throws IllegalArgumentException if the signal or the noise is silent (the ratio is undefined)
     */
    public static Audio addNoise(Audio signal, float[] noise, int offset, double snrDb) {
        if (noise.length == 0) throw new IllegalArgumentException("noise has 0 samples");
        if (!Double.isFinite(snrDb)) throw new IllegalArgumentException("snrDb must be finite, got " + snrDb);
        int n = signal.frames();
        int start = Math.floorMod(offset, noise.length);
        double pn = 0;
        for (int i = 0; i < n; i++) {
            double v = noise[(start + i) % noise.length];
            pn += v * v;
        }
        pn /= n;
        double ps = power(signal);
        if (!(ps > 0)) throw new IllegalArgumentException("the signal is silent: an SNR is undefined for it");
        if (!(pn > 0)) throw new IllegalArgumentException("the noise is silent over the " + n + " samples used");
        double scale = Math.sqrt(ps / (pn * Math.pow(10, snrDb / 10)));
        return signal.mapChannels(x -> {
            float[] y = new float[x.length];
            for (int i = 0; i < x.length; i++) y[i] = (float) (x[i] + scale * noise[(start + i) % noise.length]);
            return y;
        });
    }

    /** Gaussian white noise, unit variance. */
    public static float[] whiteNoise(int n, Rng rng) {
        float[] w = new float[n];
        for (int i = 0; i < n; i++) w[i] = (float) rng.nextGaussian();
        return w;
    }

    /**
     * Pink (1/f) noise: white noise through Paul Kellett's refined pinking filter (seven first-order
     * sections, within 0.05 dB of -3 dB/octave from about 9 Hz to Nyquist at 44.1 kHz).
     */
    public static float[] pinkNoise(int n, Rng rng) {
        float[] out = new float[n];
        double b0 = 0, b1 = 0, b2 = 0, b3 = 0, b4 = 0, b5 = 0, b6 = 0;
        for (int i = 0; i < n; i++) {
            double w = rng.nextGaussian();
            b0 = 0.99886 * b0 + w * 0.0555179;
            b1 = 0.99332 * b1 + w * 0.0750759;
            b2 = 0.96900 * b2 + w * 0.1538520;
            b3 = 0.86650 * b3 + w * 0.3104856;
            b4 = 0.55000 * b4 + w * 0.5329522;
            b5 = -0.7616 * b5 - w * 0.0168980;
            out[i] = (float) (b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362);
            b6 = w * 0.115926;
        }
        return out;
    }

    /**
     * Speed perturbation as in Kaldi/sox {@code speed}: plays the audio {@code factor} times faster,
     * so duration divides by {@code factor} and every frequency multiplies by it. Implemented with
     * TarsosDSP's band-limited {@link Resampler} (a port of libresample) at the ratio 1/factor; the
     * sample rate label stays the same.
     */
    public static Audio speed(Audio audio, double factor) {
        if (!(factor >= 0.25 && factor <= 4)) throw new IllegalArgumentException("speed factor must be in [0.25, 4], got " + factor);
        double ratio = 1.0 / factor;
        int outLen = (int) Math.round(audio.frames() * ratio);
        return audio.mapChannels(x -> {
            Resampler r = new Resampler(true, ratio, ratio); // stateful: one per channel and call
            float[] out = new float[outLen + 64];
            r.process(ratio, x, 0, x.length, true, out, 0, out.length);
            return java.util.Arrays.copyOf(out, outLen); // a last partial sample the filter could not finish stays 0
        });
    }

    /**
     * Pitch shift by {@code semitones} keeping the duration, with TarsosDSP's phase-vocoder
     * {@link PitchShifter} (frames of about 64 ms, 4x overlap). TarsosDSP's WSOLA route is avoided
     * on purpose: its constructor prints to standard output.
     */
    public static Audio pitchShift(Audio audio, double semitones) {
        if (!(Math.abs(semitones) <= 24)) throw new IllegalArgumentException("semitones must be in [-24, 24], got " + semitones);
        double factor = Math.pow(2, semitones / 12);
        int size = Integer.highestOneBit(Math.max(64, (int) (audio.sampleRate() * 0.064)));
        int step = size / 4;
        return audio.mapChannels(x -> pitchShiftChannel(x, factor, audio.sampleRate(), size, step));
    }

    private static float[] pitchShiftChannel(float[] x, double factor, int sampleRate, int size, int step) {
        PitchShifter ps = new PitchShifter(factor, sampleRate, size, size - step); // stateful: one per channel and call
        AudioEvent ev = new AudioEvent(new TarsosDSPAudioFormat(sampleRate, 16, 1, true, false));
        int n = x.length;
        float[] in = new float[n + size]; // trailing zeros flush the last frames
        System.arraycopy(x, 0, in, 0, n);
        float[] out = new float[in.length + step];
        // The shifter returns, for the window starting at k*step, the `step` samples of its output
        // stream at (k+1)*step (measured: a 440 Hz sine comes back with zero delay at factor 1).
        for (int k = 0; k * step + size <= in.length; k++) {
            ev.setFloatBuffer(java.util.Arrays.copyOfRange(in, k * step, k * step + size));
            ev.setOverlap(size - step);
            ps.process(ev);
            System.arraycopy(ev.getFloatBuffer(), size - step, out, (k + 1) * step, step);
        }
        float[] y = java.util.Arrays.copyOf(out, n);
        // The shifter's gain is not unity (about 0.36 here) and it emits each hop before the last
        // overlapping frame is added, leaving a ripple of about +-1 dB at sampleRate/step Hz; the
        // level is restored to the input's RMS so the augmentation changes pitch, not loudness.
        double rx = rms(x), ry = rms(y);
        if (ry > 0) {
            float g = (float) (rx / ry);
            for (int i = 0; i < n; i++) y[i] *= g;
        }
        return y;
    }

    private static double rms(float[] x) {
        double s = 0;
        for (float v : x) s += (double) v * v;
        return x.length == 0 ? 0 : Math.sqrt(s / x.length);
    }
}
