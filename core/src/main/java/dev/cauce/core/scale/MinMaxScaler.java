package dev.cauce.core.scale;

import dev.cauce.core.DataStream;
import dev.cauce.core.Rng;
import dev.cauce.core.Sample;
import dev.cauce.core.Tensor;
import dev.cauce.core.TransformSpec;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Min-max rescaling to a feature range {@code [lo, hi]} (default [0, 1]), fitted per feature like
 * scikit-learn's {@code MinMaxScaler}: {@code y = x * scale + offset} with
 * {@code scale = (hi - lo) / (max - min)} and {@code offset = lo - min * scale}, so the training
 * minimum maps to {@code lo} and the maximum to {@code hi}. Values outside the training range map
 * outside {@code [lo, hi]} (no clipping, as scikit-learn's default).
 *
 * <p><b>Constant features</b> (range below 10 machine epsilons, scikit-learn's test) use
 * {@code scale = hi - lo} (scikit-learn treats the range as 1) and <b>offset {@code -min * scale}</b>,
 * so the constant maps to <b>0</b>. This differs from scikit-learn only when {@code lo != 0}:
 * scikit-learn maps a constant feature to {@code lo}; Cauce's rule is that a constant feature gives
 * 0 in every scaler. With the default range both agree.
 *
 * <p>Fitting is one streaming pass with a mergeable {@link State} (running min and max per feature).
 * NaN or infinite input is an error naming the sample and the feature, at fit and at transform time.
 */
public final class MinMaxScaler implements Scaler {
    /** The spec name. */
    public static final String NAME = "min_max_scaler";

    private final double lo;
    private final double hi;
    private final long count;
    private final double[] dataMin;
    private final double[] dataMax;
    private final double[] scale;
    private final double[] offset;

    private MinMaxScaler(double lo, double hi, long count, double[] dataMin, double[] dataMax) {
        if (!(lo < hi) || !Double.isFinite(lo) || !Double.isFinite(hi)) {
            throw new IllegalArgumentException("feature range must be finite with lo < hi, got [" + lo + ", " + hi + "]");
        }
        if (dataMin.length != dataMax.length) {
            throw new IllegalArgumentException("dataMin has " + dataMin.length + " features but dataMax has " + dataMax.length);
        }
        this.lo = lo;
        this.hi = hi;
        this.count = count;
        this.dataMin = dataMin.clone();
        this.dataMax = dataMax.clone();
        int n = dataMin.length;
        this.scale = new double[n];
        this.offset = new double[n];
        for (int j = 0; j < n; j++) {
            double range = dataMax[j] - dataMin[j];
            if (!(range >= 0)) {
                throw new IllegalArgumentException("feature " + j + ": dataMax " + dataMax[j] + " is below dataMin " + dataMin[j]);
            }
            boolean constant = range < 10 * Math.ulp(1.0);
            scale[j] = constant ? hi - lo : (hi - lo) / range;
            offset[j] = (constant ? 0 : lo) - dataMin[j] * scale[j];
        }
    }

    // ------------------------------------------------------------------ fitting

    /** Fits the range [0, 1] on tensors, each flattened to one sample's features. */
    public static MinMaxScaler fit(Iterable<Tensor> samples) {
        return fit(samples, 0, 1);
    }

    /** Fits the range [lo, hi] on tensors, each flattened to one sample's features. */
    public static MinMaxScaler fit(Iterable<Tensor> samples, double lo, double hi) {
        return fromState(Fitting.accumulate(samples, State::new), lo, hi);
    }

    /** Fits the range [0, 1] in one pass over a stream (errors name each sample's source). */
    public static MinMaxScaler fit(DataStream<Sample<Tensor>> samples) {
        return fit(samples, 0, 1);
    }

    /** Fits the range [lo, hi] in one pass over a stream (errors name each sample's source). */
    public static MinMaxScaler fit(DataStream<Sample<Tensor>> samples, double lo, double hi) {
        return fromState(Fitting.accumulate(samples, State::new), lo, hi);
    }

    /** The scaler of a (possibly merged) state. */
    public static MinMaxScaler fromState(State state, double lo, double hi) {
        if (state.count == 0) throw new IllegalArgumentException("cannot fit a scaler on zero samples");
        return new MinMaxScaler(lo, hi, state.count, state.min, state.max);
    }

    /** Running per-feature minimum and maximum: the mergeable partial state of a fit. */
    public static final class State implements FeatureState<State> {
        private long count;
        private final double[] min;
        private final double[] max;

        /** An empty state for samples of {@code features} values. */
        public State(int features) {
            if (features < 1) throw new IllegalArgumentException("features must be at least 1, got " + features);
            min = new double[features];
            max = new double[features];
            Arrays.fill(min, Double.POSITIVE_INFINITY);
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
        }

        @Override public int features() { return min.length; }
        @Override public long count() { return count; }

        /** Per-feature minimum so far (a copy). */
        public double[] min() { return min.clone(); }

        /** Per-feature maximum so far (a copy). */
        public double[] max() { return max.clone(); }

        @Override
        public void add(float[] x, String source) {
            Fitting.check(x, min.length, source);
            for (int j = 0; j < x.length; j++) {
                double v = x[j];
                if (v < min[j]) min[j] = v;
                if (v > max[j]) max[j] = v;
            }
            count++;
        }

        @Override
        public State merge(State other) {
            Fitting.requireSameFeatures(features(), other.features());
            State out = new State(features());
            out.count = count + other.count;
            for (int j = 0; j < min.length; j++) {
                out.min[j] = Math.min(min[j], other.min[j]);
                out.max[j] = Math.max(max[j], other.max[j]);
            }
            return out;
        }
    }

    // ------------------------------------------------------------------ transform

    @Override
    public Tensor apply(Tensor input, Rng rng) {
        Fitting.checkInput(input, scale.length, NAME);
        float[] x = input.data();
        float[] y = new float[x.length];
        for (int j = 0; j < x.length; j++) y[j] = (float) (x[j] * scale[j] + offset[j]);
        return Tensor.of(y, input.shape());
    }

    /** Name, feature range, sample count and the fitted per-feature minimum and maximum. */
    @Override
    public TransformSpec spec() {
        return TransformSpec.of(NAME, Map.of(
                "featureRange", List.of(lo, hi),
                "count", count,
                "dataMin", Fitting.boxed(dataMin),
                "dataMax", Fitting.boxed(dataMax)));
    }

    /** Rebuilds a scaler from {@link #spec()}. */
    public static MinMaxScaler fromSpec(TransformSpec spec) {
        Fitting.requireName(spec, NAME);
        Map<String, Object> p = spec.params();
        double[] range = Fitting.unboxed(p.get("featureRange"), "featureRange");
        if (range.length != 2) throw new IllegalArgumentException("featureRange must be [lo, hi], got " + Arrays.toString(range));
        return new MinMaxScaler(range[0], range[1], (long) Fitting.number(p.get("count"), "count"),
                Fitting.unboxed(p.get("dataMin"), "dataMin"), Fitting.unboxed(p.get("dataMax"), "dataMax"));
    }

    public int features() { return scale.length; }
    public long count() { return count; }
    public double rangeMin() { return lo; }
    public double rangeMax() { return hi; }
    /** Per-feature training minimum (scikit-learn {@code data_min_}). */
    public double[] dataMin() { return dataMin.clone(); }
    /** Per-feature training maximum (scikit-learn {@code data_max_}). */
    public double[] dataMax() { return dataMax.clone(); }
    /** Per-feature multiplier (scikit-learn {@code scale_}). */
    public double[] scale() { return scale.clone(); }
    /** Per-feature offset added after scaling (scikit-learn {@code min_}, except for constant features, see class doc). */
    public double[] offset() { return offset.clone(); }

    @Override
    public String toString() {
        return NAME + "[" + scale.length + " features, range [" + lo + ", " + hi + "], fitted on " + count + " samples]";
    }
}
