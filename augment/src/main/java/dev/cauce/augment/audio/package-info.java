/**
 * Audio augmentation: pure operations ({@link dev.cauce.augment.audio.WaveOps} on waveforms,
 * {@link dev.cauce.augment.audio.SpecOps} on spectrograms and (B, freq, time) batches) under thin random
 * transforms that only sample parameters from the {@code Rng}: {@link dev.cauce.augment.audio.AddNoise}
 * (white, pink or a recording at an SNR), {@link dev.cauce.augment.audio.RandomGain},
 * {@link dev.cauce.augment.audio.TimeShift}, {@link dev.cauce.augment.audio.SpeedPerturb},
 * {@link dev.cauce.augment.audio.PitchPerturb} (TarsosDSP), and SpecAugment's
 * {@link dev.cauce.augment.audio.TimeMask}, {@link dev.cauce.augment.audio.FrequencyMask} and
 * {@link dev.cauce.augment.audio.TimeWarp}. The generic combinators ({@code OneOf}, {@code SomeOf},
 * {@code p=}) live in {@code dev.cauce.augment}.
 */
package dev.cauce.augment.audio;
