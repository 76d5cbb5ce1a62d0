package dev.cauce.cli;

import dev.cauce.train.BatchProgress;
import dev.cauce.train.EpochStats;
import dev.cauce.train.Param;
import dev.cauce.train.TrainingListener;
import dev.cauce.train.average.Ema;
import dev.cauce.train.average.Swa;
import dev.cauce.train.average.WeightAverage;
import java.util.List;

/**
 * Feeds a weight average during training: EMA after every update, SWA once per epoch from its
 * start epoch (0-based) on, at the epoch's end.
 */
record AveragingListener(WeightAverage average, List<Param> params, int swaStartEpoch) implements TrainingListener {
    static AveragingListener ema(double decay, Ema.Correction correction, List<Param> params) {
        return new AveragingListener(new Ema(decay, correction), params, -1);
    }

    static AveragingListener swa(int startEpoch, List<Param> params) {
        return new AveragingListener(new Swa(), params, startEpoch);
    }

    @Override
    public void onBatchEnd(BatchProgress progress) {
        if (average instanceof Ema) average.update(params);
    }

    @Override
    public void onEpochEnd(EpochStats stats) {
        if (average instanceof Swa && stats.epoch() >= swaStartEpoch) average.update(params);
    }
}
