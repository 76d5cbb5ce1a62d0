package dev.cauce.preprocess.audio;

import java.util.Arrays;

/**
 * Decoded audio: float samples per channel (nominally in [-1, 1]) at a sample rate in Hz.
 *
 * <p>{@code channels[c][i]} is sample {@code i} of channel {@code c}. The arrays are not copied
 * (like {@link dev.cauce.core.Tensor#data()}); operations never write into an input {@code Audio},
 * they return a new one. Zero-length audio is a valid value (an empty file decodes to it); the
 * analysis steps that need samples ({@link Stft}, {@link Resampler}) refuse it with a clear message.
 *
 * @param channels    one array per channel, all of the same length
 * @param sampleRate  samples per second, positive
 */
public record Audio(float[][] channels, int sampleRate) {

    public Audio {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sampleRate must be positive, got " + sampleRate);
        }
        if (channels == null || channels.length == 0) {
            throw new IllegalArgumentException("audio needs at least one channel");
        }
        int n = channels[0].length;
        for (int c = 1; c < channels.length; c++) {
            if (channels[c].length != n) {
                throw new IllegalArgumentException("channel " + c + " has " + channels[c].length
                        + " samples but channel 0 has " + n + "; all channels must have the same length");
            }
        }
    }

    /** One-channel audio over {@code samples} (not copied). */
    public static Audio mono(float[] samples, int sampleRate) {
        return new Audio(new float[][] {samples}, sampleRate);
    }

    public int channelCount() {
        return channels.length;
    }

    /** Samples per channel. */
    public int frames() {
        return channels[0].length;
    }

    public double durationSeconds() {
        return frames() / (double) sampleRate;
    }

    /** The samples of channel {@code c} (not copied). */
    public float[] channel(int c) {
        if (c < 0 || c >= channels.length) {
            throw new IndexOutOfBoundsException("channel " + c + " of " + channels.length);
        }
        return channels[c];
    }

    /** The first channel's samples when mono; otherwise the mixdown. Not copied for mono input. */
    public float[] monoSamples() {
        return toMono().channels[0];
    }

    /**
     * Mixes all channels down to one by the mean (torchaudio's {@code waveform.mean(0)}); returns
     * this audio itself when it already has one channel.
     */
    public Audio toMono() {
        if (channels.length == 1) return this;
        int n = frames();
        float[] out = new float[n];
        for (float[] ch : channels) {
            for (int i = 0; i < n; i++) out[i] += ch[i];
        }
        float inv = 1f / channels.length;
        for (int i = 0; i < n; i++) out[i] *= inv;
        return mono(out, sampleRate);
    }

    /** A new audio with every channel transformed by {@code op} (the input is not modified). */
    public Audio mapChannels(java.util.function.UnaryOperator<float[]> op) {
        float[][] out = new float[channels.length][];
        for (int c = 0; c < channels.length; c++) out[c] = op.apply(channels[c]);
        return new Audio(out, sampleRate);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Audio a && a.sampleRate == sampleRate && Arrays.deepEquals(a.channels, channels);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(channels) + sampleRate;
    }

    @Override
    public String toString() {
        return "Audio[" + channels.length + " ch x " + frames() + " samples @ " + sampleRate + " Hz]";
    }
}
