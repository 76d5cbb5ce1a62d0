/**
 * Audio in, time-frequency tensors out, with torchaudio's numbers.
 *
 * <ul>
 *   <li>{@link dev.cauce.preprocess.audio.AudioReader} / {@link dev.cauce.preprocess.audio.Wav}: WAV natively
 *       (PCM 8/16/24/32, float 32/64, extensible, any channels; 16-bit scaled by 1/32768), other formats
 *       through FFmpeg; {@link dev.cauce.preprocess.audio.Audio#toMono()} mixes down by the mean.</li>
 *   <li>{@link dev.cauce.preprocess.audio.Resampler}: torchaudio's windowed sinc (Hann<sup>2</sup>, 6 zero
 *       crossings, rolloff 0.99).</li>
 *   <li>{@link dev.cauce.preprocess.audio.Biquad} / {@link dev.cauce.preprocess.audio.Filters}: RBJ low, high
 *       and band pass, pre-emphasis.</li>
 *   <li>{@link dev.cauce.preprocess.audio.Stft}, {@link dev.cauce.preprocess.audio.MelFilterbank},
 *       {@link dev.cauce.preprocess.audio.MelSpectrogram}, {@link dev.cauce.preprocess.audio.Decibels},
 *       {@link dev.cauce.preprocess.audio.Mfcc}, {@link dev.cauce.preprocess.audio.Deltas}: the torchaudio
 *       transforms of the same names; every result is a (freq, time)
 *       {@link dev.cauce.preprocess.audio.Spectrogram}, viewable as a core {@code Tensor}.</li>
 *   <li>{@link dev.cauce.preprocess.audio.AudioFeatures}: the whole front end as one {@code Transform}.</li>
 * </ul>
 *
 * <p>Where TarsosDSP is used and where not: its FFT ({@code FFT.forwardTransform}, on frames windowed here)
 * computes every spectrum; its window, power, MFCC, low-pass and resampler helpers follow other conventions
 * than torchaudio (symmetric Hann, dropped Nyquist bin, 1/32767 scaling, single-pole filters) and are not used
 * for the analysis path. Agreement with torchaudio 0.13 is tested against the golden files of
 * {@code shared/golden/audio} (to the tolerances of its manifest).
 */
package dev.cauce.preprocess.audio;
