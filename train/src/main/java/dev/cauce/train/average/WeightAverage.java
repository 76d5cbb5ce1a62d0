package dev.cauce.train.average;

import dev.cauce.train.Param;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A running average of a model's parameters, kept beside the training weights (PyTorch's
 * {@code swa_utils.AveragedModel}). Training goes on with the raw weights; the average is used to
 * evaluate or to export. The subclasses differ only in how a snapshot is folded in.
 *
 * <p>To evaluate the averaged model: {@link #swapIn} (averaged values into the params, raw values
 * saved), evaluate, {@link #restore}. To finish with it: {@link #copyTo}. A model with batch
 * normalization must then recompute its running statistics with one pass over the training data
 * in training mode (the averaged weights never produced the stored statistics); that refresh is the
 * trainer's job.
 *
 * <p>Every param passed in is averaged (weights, biases, normalization scales), keyed by the
 * {@link Param} object; the first snapshot is copied. Accumulators are double so that long averages
 * do not drift. Not thread-safe (one trainer owns it).
 */
public abstract sealed class WeightAverage permits Ema, Swa {
    private final Map<Param, double[]> averages = new IdentityHashMap<>();
    private final Map<Param, float[]> backup = new IdentityHashMap<>();
    private long count;
    private boolean swapped;

    WeightAverage() {
    }

    /** Folds snapshot x into the average {@code avg}, which already holds {@code n ≥ 1} snapshots. */
    abstract void fold(double[] avg, float[] x, long n);

    /** Folds the params' current values into the average. */
    public final void update(List<Param> params) {
        if (swapped) throw new IllegalStateException("the averaged weights are swapped in: restore() before update()");
        if (count == 0) {
            for (Param p : params) {
                double[] a = new double[p.size()];
                for (int i = 0; i < a.length; i++) a[i] = p.value[i];
                averages.put(p, a);
            }
        } else {
            // check the whole list first so that a wrong list leaves the average untouched
            for (Param p : params) {
                if (!averages.containsKey(p)) throw new IllegalArgumentException(p.name() + ": not in the averaged param list (it must stay the same)");
            }
            for (Param p : params) fold(averages.get(p), p.value, count);
        }
        count++;
    }

    /** How many snapshots the average holds. */
    public final long count() {
        return count;
    }

    /** The averaged values of one param (a fresh array). */
    public final float[] averaged(Param p) {
        double[] a = average(p);
        float[] out = new float[a.length];
        for (int i = 0; i < a.length; i++) out[i] = (float) a[i];
        return out;
    }

    /** Writes the averaged values into the params (overwriting the raw weights). */
    public final void copyTo(List<Param> params) {
        for (Param p : params) {
            double[] a = average(p);
            for (int i = 0; i < a.length; i++) p.value[i] = (float) a[i];
        }
    }

    /** Saves the params' raw values, then writes the averaged values into them. */
    public final void swapIn(List<Param> params) {
        if (swapped) throw new IllegalStateException("already swapped in: restore() first");
        for (Param p : params) {
            average(p);
            float[] b = backup.computeIfAbsent(p, q -> new float[q.size()]);
            System.arraycopy(p.value, 0, b, 0, b.length);
        }
        copyTo(params);
        swapped = true;
    }

    /** Puts back the raw values saved by {@link #swapIn}. */
    public final void restore(List<Param> params) {
        if (!swapped) throw new IllegalStateException("restore() without a preceding swapIn()");
        for (Param p : params) {
            float[] b = backup.get(p);
            if (b == null) throw new IllegalArgumentException(p.name() + ": was not swapped in");
            System.arraycopy(b, 0, p.value, 0, b.length);
        }
        swapped = false;
    }

    private double[] average(Param p) {
        double[] a = averages.get(p);
        if (a == null) throw new IllegalArgumentException(p.name() + ": has no average (update() was never called with it)");
        return a;
    }
}
