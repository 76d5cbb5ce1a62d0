/**
 * Weight averaging: {@link dev.cauce.train.average.Swa} (equal-weight mean of snapshots) and
 * {@link dev.cauce.train.average.Ema} (Polyak/exponential moving average), sharing
 * {@link dev.cauce.train.average.WeightAverage}'s swap-in/restore/copy-to. A typical SWA run: train
 * with {@link dev.cauce.train.schedule.SwaRate} (or a cyclic rate), call
 * {@code swa.onStep(params, t)} after every update, then {@code swa.copyTo(params)} and recompute
 * batch-norm statistics with one training-mode pass.
 */
package dev.cauce.train.average;
