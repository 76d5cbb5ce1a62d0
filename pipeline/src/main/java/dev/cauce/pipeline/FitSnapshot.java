package dev.cauce.pipeline;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The partial state of a fit over one chunk of inputs, as plain serializable values: what a Spark
 * task sends back to the driver (core's {@code StandardScaler.State} and {@code MinMaxScaler.State}
 * are mutable accumulators and not serializable). A chunk is accumulated with core's state in
 * input order, snapshotted, and the snapshots are merged on one machine in chunk order, so the
 * local and the distributed fit do the same floating-point operations in the same order and agree
 * bit for bit.
 */
public sealed interface FitSnapshot extends Serializable {

    long count();

    /** This chunk's samples, then {@code other}'s. */
    FitSnapshot merge(FitSnapshot other);

    /**
     * Count, per-feature mean and sum of squared deviations (M2). {@link #merge} is Chan, Golub and
     * LeVeque's pairwise update, written exactly as in core's {@code StandardScaler.State.merge}
     * (a test checks they agree bit for bit).
     */
    record Moments(long count, double[] mean, double[] m2) implements FitSnapshot {
        @Override
        public FitSnapshot merge(FitSnapshot other) {
            Moments o = (Moments) other;
            if (o.mean.length != mean.length) {
                throw new IllegalArgumentException("cannot merge fits over " + mean.length + " and " + o.mean.length + " features");
            }
            long total = count + o.count;
            if (total == 0) return new Moments(0, new double[mean.length], new double[mean.length]);
            double na = count;
            double nb = o.count;
            double n = total;
            double[] outMean = new double[mean.length];
            double[] outM2 = new double[mean.length];
            for (int j = 0; j < mean.length; j++) {
                double delta = o.mean[j] - mean[j];
                outMean[j] = mean[j] + delta * (nb / n);
                outM2[j] = m2[j] + o.m2[j] + delta * delta * (na * nb / n);
            }
            return new Moments(total, outMean, outM2);
        }

        @Override public boolean equals(Object o) {
            return o instanceof Moments m && m.count == count && Arrays.equals(m.mean, mean) && Arrays.equals(m.m2, m2);
        }

        @Override public int hashCode() {
            return Long.hashCode(count) * 31 + Arrays.hashCode(mean);
        }
    }

    /** Count and per-feature minimum and maximum; merging is exact. */
    record Range(long count, double[] min, double[] max) implements FitSnapshot {
        @Override
        public FitSnapshot merge(FitSnapshot other) {
            Range o = (Range) other;
            if (o.min.length != min.length) {
                throw new IllegalArgumentException("cannot merge fits over " + min.length + " and " + o.min.length + " features");
            }
            double[] lo = new double[min.length];
            double[] hi = new double[min.length];
            for (int j = 0; j < lo.length; j++) {
                lo[j] = Math.min(min[j], o.min[j]);
                hi[j] = Math.max(max[j], o.max[j]);
            }
            return new Range(count + o.count, lo, hi);
        }

        @Override public boolean equals(Object o) {
            return o instanceof Range r && r.count == count && Arrays.equals(r.min, min) && Arrays.equals(r.max, max);
        }

        @Override public int hashCode() {
            return Long.hashCode(count) * 31 + Arrays.hashCode(min);
        }
    }
}
