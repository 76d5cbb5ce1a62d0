package dev.cauce.train.callback;

import dev.cauce.train.EpochStats;
import dev.cauce.train.Param;
import dev.cauce.train.Trainer;
import dev.cauce.train.TrainingListener;
import dev.cauce.train.layer.Layer;
import java.util.ArrayList;
import java.util.List;

/**
 * Stops training when a monitored metric has stopped improving, with the semantics of Keras 3's
 * {@code keras.callbacks.EarlyStopping} (monitor, min_delta, patience, restore_best_weights,
 * baseline, start_from_epoch), step for step:
 *
 * <ol>
 *   <li>Epochs before {@code startFromEpoch} are ignored (warm-up).</li>
 *   <li>Losses improve downwards, accuracies upwards. An epoch improves when
 *       {@code current + minDelta < best} (losses) or {@code current - minDelta > best}
 *       (accuracies); {@code best} starts at ±∞, so the first monitored epoch improves unless its
 *       value is NaN.</li>
 *   <li>{@code wait} is incremented at every monitored epoch and reset to 0 when the epoch improves
 *       (and, with a baseline, also beats the baseline).</li>
 *   <li>Training stops at the end of a non-improving epoch when {@code wait >= patience} and the
 *       epoch is not the first (index &gt; 0). So patience p stops after p epochs without improvement;
 *       patience 0 and 1 both stop at the first epoch that does not improve.</li>
 *   <li>With {@code restoreBest}, the weights (and buffers such as batch-norm statistics) of the
 *       best epoch are copied back at the end of training, early or not. If no epoch ever improved
 *       (all NaN), the first monitored epoch's weights are the ones kept.</li>
 * </ol>
 */
public final class EarlyStopping implements TrainingListener {
    private final Layer model;
    private final String monitor;
    private final int patience;
    private final double minDelta;
    private final boolean restoreBest;
    private final Double baseline;
    private final int startFromEpoch;
    private final boolean higherIsBetter;
    private final List<Param> state;
    private List<float[]> bestWeights;
    private double best;
    private int bestEpoch = -1;
    private int stoppedEpoch = -1;
    private int wait;

    /** Keras' defaults for the rest: no baseline, monitoring from the first epoch. */
    public EarlyStopping(Layer model, String monitor, int patience, double minDelta, boolean restoreBest) {
        this(model, monitor, patience, minDelta, restoreBest, null, 0);
    }

    /**
     * @param monitor        {@code loss}, {@code accuracy}, {@code val_loss} or {@code val_accuracy}
     * @param patience       epochs without improvement before stopping, >= 0
     * @param minDelta       smallest change that counts as an improvement, >= 0
     * @param baseline       a value the metric must beat for {@code wait} to be reset, or null
     * @param startFromEpoch number of epochs (0-based index of the first monitored epoch) to ignore, >= 0
     */
    public EarlyStopping(Layer model, String monitor, int patience, double minDelta, boolean restoreBest,
                         Double baseline, int startFromEpoch) {
        if (!List.of("loss", "accuracy", "val_loss", "val_accuracy").contains(monitor)) {
            throw new IllegalArgumentException("monitor must be loss, accuracy, val_loss or val_accuracy, got '" + monitor + "'");
        }
        if (patience < 0) throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) throw new IllegalArgumentException("minDelta must be finite and >= 0, got " + minDelta);
        if (baseline != null && !Double.isFinite(baseline)) throw new IllegalArgumentException("baseline must be finite, got " + baseline);
        if (startFromEpoch < 0) throw new IllegalArgumentException("startFromEpoch must be >= 0, got " + startFromEpoch);
        this.model = model;
        this.monitor = monitor;
        this.patience = patience;
        this.minDelta = minDelta;
        this.restoreBest = restoreBest;
        this.baseline = baseline;
        this.startFromEpoch = startFromEpoch;
        this.higherIsBetter = monitor.endsWith("accuracy");
        this.best = higherIsBetter ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        this.state = new ArrayList<>(model.params());
        state.addAll(model.buffers());
    }

    /** Keras' {@code _is_improvement}: NaN never improves (every comparison with NaN is false). */
    private boolean improves(double current, double reference) {
        return higherIsBetter ? current - minDelta > reference : current + minDelta < reference;
    }

    @Override
    public void onEpochEnd(EpochStats stats) {
        int epoch = stats.epoch();
        if (epoch < startFromEpoch) return;
        double current = stats.metric(monitor);
        if (restoreBest && bestWeights == null) {
            bestWeights = snapshot();
            bestEpoch = epoch;
        }
        wait++;
        if (improves(current, best)) {
            best = current;
            bestEpoch = epoch;
            if (restoreBest) bestWeights = snapshot();
            if (baseline == null || improves(current, baseline)) wait = 0;
            return;
        }
        if (wait >= patience && epoch > 0) stoppedEpoch = epoch;
    }

    private List<float[]> snapshot() {
        List<float[]> copy = new ArrayList<>(state.size());
        for (Param p : state) copy.add(p.value.clone());
        return copy;
    }

    @Override
    public boolean stopRequested() {
        return stoppedEpoch >= 0;
    }

    @Override
    public void onTrainEnd(Trainer.History history) {
        if (restoreBest && bestWeights != null) {
            for (int i = 0; i < state.size(); i++) System.arraycopy(bestWeights.get(i), 0, state.get(i).value, 0, bestWeights.get(i).length);
        }
    }

    /**
     * 0-based epoch whose weights are the best so far (restored at the end with {@code restoreBest});
     * -1 before the first monitored epoch.
     */
    public int bestEpoch() {
        return bestEpoch;
    }

    /** The best monitored value, ±∞ before any improvement. */
    public double bestValue() {
        return best;
    }

    public boolean stopped() {
        return stoppedEpoch >= 0;
    }

    /** 0-based epoch after which training stopped, -1 if it did not stop early. */
    public int stoppedEpoch() {
        return stoppedEpoch;
    }

    /** Consecutive monitored epochs without improvement (Keras' {@code wait}). */
    public int waitCount() {
        return wait;
    }
}
