package dev.cauce.train.callback;

import dev.cauce.train.EpochStats;
import dev.cauce.train.Param;
import dev.cauce.train.Trainer;
import dev.cauce.train.TrainingListener;
import dev.cauce.train.layer.Layer;
import java.util.ArrayList;
import java.util.List;

/**
 * Stops training when a monitored metric has not improved by more than {@code minDelta} for
 * {@code patience} epochs (Keras' {@code EarlyStopping}). Losses improve downwards, accuracies
 * upwards. With {@code restoreBest}, the weights (and buffers such as batch-norm statistics) of
 * the best epoch are copied back when training ends, early or not.
 */
public final class EarlyStopping implements TrainingListener {
    private final Layer model;
    private final String monitor;
    private final int patience;
    private final double minDelta;
    private final boolean restoreBest;
    private final boolean higherIsBetter;
    private final List<Param> state;
    private List<float[]> bestWeights;
    private double best = Double.NaN;
    private int bestEpoch = -1;
    private int wait;
    private boolean stop;

    /**
     * @param monitor  {@code loss}, {@code accuracy}, {@code val_loss} or {@code val_accuracy}
     * @param patience epochs without improvement before stopping, >= 0
     * @param minDelta smallest change that counts as an improvement, >= 0
     */
    public EarlyStopping(Layer model, String monitor, int patience, double minDelta, boolean restoreBest) {
        if (!List.of("loss", "accuracy", "val_loss", "val_accuracy").contains(monitor)) {
            throw new IllegalArgumentException("monitor must be loss, accuracy, val_loss or val_accuracy, got '" + monitor + "'");
        }
        if (patience < 0) throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        if (!(minDelta >= 0)) throw new IllegalArgumentException("minDelta must be >= 0, got " + minDelta);
        this.model = model;
        this.monitor = monitor;
        this.patience = patience;
        this.minDelta = minDelta;
        this.restoreBest = restoreBest;
        this.higherIsBetter = monitor.endsWith("accuracy");
        this.state = new ArrayList<>(model.params());
        state.addAll(model.buffers());
    }

    @Override
    public void onEpochEnd(EpochStats stats) {
        double v = stats.metric(monitor);
        boolean improved = bestEpoch < 0 || (higherIsBetter ? v > best + minDelta : v < best - minDelta);
        if (improved) {
            best = v;
            bestEpoch = stats.epoch();
            wait = 0;
            if (restoreBest) {
                bestWeights = new ArrayList<>();
                for (Param p : state) bestWeights.add(p.value.clone());
            }
        } else if (++wait > patience) {
            stop = true;
        }
    }

    @Override
    public boolean stopRequested() {
        return stop;
    }

    @Override
    public void onTrainEnd(Trainer.History history) {
        if (restoreBest && bestWeights != null) {
            for (int i = 0; i < state.size(); i++) System.arraycopy(bestWeights.get(i), 0, state.get(i).value, 0, bestWeights.get(i).length);
        }
    }

    /** 0-based epoch with the best metric so far (-1 before the first epoch). */
    public int bestEpoch() {
        return bestEpoch;
    }

    public double bestValue() {
        return best;
    }

    public boolean stopped() {
        return stop;
    }
}
