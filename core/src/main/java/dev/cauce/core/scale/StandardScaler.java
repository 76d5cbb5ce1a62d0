package dev.cauce.core.scale;

import dev.cauce.core.DataStream;
import dev.cauce.core.Rng;
import dev.cauce.core.Sample;
import dev.cauce.core.Tensor;
import dev.cauce.core.TransformSpec;

import java.util.Map;

/**
 * Standardization per feature like scikit-learn's {@code StandardScaler}:
 * {@code y = (x - mean) / std} with the <b>population</b> standard deviation (ddof 0);
 * {@code withMean = false} skips the centring, {@code withStd = false} the division.
 *
 * <p><b>Constant features</b> (variance within rounding error of 0, by scikit-learn's bound
 * {@code var <= n*eps*var + (n*mean*eps)^2}) get scale 1, exactly like scikit-learn, so with
 * centring a constant feature gives <b>0</b>, never NaN.
 *
 * <p>Fitting is one streaming pass with a mergeable {@link State}: Welford's update per sample and
 * Chan, Golub and LeVeque's pairwise merge for partitions, in double. NaN or infinite input is an
 * error naming the sample and the feature, at fit and at transform time.
 */
public final class StandardScaler implements Scaler {
    /** The spec name. */
    public static final String NAME = "standard_scaler";

    private final boolean withMean;
    private final boolean withStd;
    private final long count;
    private final double[] mean;
    private final double[] var;
    private final double[] scale;

    private StandardScaler(boolean withMean, boolean withStd, long count, double[] mean, double[] var) {
        if (mean.length != var.length) {
            throw new IllegalArgumentException("mean has " + mean.length + " features but var has " + var.length);
        }
        this.withMean = withMean;
        this.withStd = withStd;
        this.count = count;
        this.mean = mean.clone();
        this.var = var.clone();
        this.scale = new double[var.length];
        double eps = Math.ulp(1.0);
        for (int j = 0; j < var.length; j++) {
            if (!(var[j] >= 0)) throw new IllegalArgumentException("feature " + j + ": variance " + var[j] + " is negative");
            double bound = count * eps * var[j] + Math.pow(count * mean[j] * eps, 2);
            scale[j] = !withStd || var[j] <= bound ? 1.0 : Math.sqrt(var[j]);
        }
    }

    // ------------------------------------------------------------------ fitting

    /** Fits mean and standard deviation on tensors, each flattened to one sample's features. */
    public static StandardScaler fit(Iterable<Tensor> samples) {
        return fromState(Fitting.accumulate(samples, State::new), true, true);
    }

    /** Fits mean and standard deviation in one pass over a stream (errors name each sample's source). */
    public static StandardScaler fit(DataStream<Sample<Tensor>> samples) {
        return fromState(Fitting.accumulate(samples, State::new), true, true);
    }

    /** Fits with scikit-learn's {@code with_mean} / {@code with_std} switches. */
    public static StandardScaler fit(Iterable<Tensor> samples, boolean withMean, boolean withStd) {
        return fromState(Fitting.accumulate(samples, State::new), withMean, withStd);
    }

    /** Fits with scikit-learn's {@code with_mean} / {@code with_std} switches in one pass over a stream. */
    public static StandardScaler fit(DataStream<Sample<Tensor>> samples, boolean withMean, boolean withStd) {
        return fromState(Fitting.accumulate(samples, State::new), withMean, withStd);
    }

    /** The scaler of a (possibly merged) state. */
    public static StandardScaler fromState(State state, boolean withMean, boolean withStd) {
        if (state.count == 0) throw new IllegalArgumentException("cannot fit a scaler on zero samples");
        return new StandardScaler(withMean, withStd, state.count, state.mean, state.variance());
    }

    /**
     * Count, per-feature mean and sum of squared deviations (M2): the mergeable partial state of a
     * fit. {@link #add} is Welford's update; {@link #merge} is Chan et al.'s pairwise combination.
     */
    public static final class State implements FeatureState<State> {
        private long count;
        private final double[] mean;
        private final double[] m2;

        /** An empty state for samples of {@code features} values. */
        public State(int features) {
            if (features < 1) throw new IllegalArgumentException("features must be at least 1, got " + features);
            mean = new double[features];
            m2 = new double[features];
        }

        @Override public int features() { return mean.length; }
        @Override public long count() { return count; }

        /** Per-feature mean so far (a copy). */
        public double[] mean() { return mean.clone(); }

        /** Per-feature sum of squared deviations from the mean (a copy). */
        public double[] m2() { return m2.clone(); }

        /** Per-feature population variance {@code M2 / n} (zeros when empty). */
        public double[] variance() {
            double[] v = new double[m2.length];
            if (count > 0) for (int j = 0; j < v.length; j++) v[j] = m2[j] / count;
            return v;
        }

        @Override
        public void add(float[] x, String source) {
            Fitting.check(x, mean.length, source);
            count++;
            double n = count;
            for (int j = 0; j < x.length; j++) {
                double d = x[j] - mean[j];
                mean[j] += d / n;
                m2[j] += d * (x[j] - mean[j]);
            }
        }

        @Override
        public State merge(State other) {
            Fitting.requireSameFeatures(features(), other.features());
            State out = new State(features());
            out.count = count + other.count;
            if (out.count == 0) return out;
            double na = count;
            double nb = other.count;
            double n = out.count;
            for (int j = 0; j < mean.length; j++) {
                double delta = other.mean[j] - mean[j];
                out.mean[j] = mean[j] + delta * (nb / n);
                out.m2[j] = m2[j] + other.m2[j] + delta * delta * (na * nb / n);
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
        for (int j = 0; j < x.length; j++) {
            double centred = withMean ? x[j] - mean[j] : x[j];
            y[j] = (float) (centred / scale[j]);
        }
        return Tensor.of(y, input.shape());
    }

    /** Name, switches, sample count and the fitted per-feature mean and population variance. */
    @Override
    public TransformSpec spec() {
        return TransformSpec.of(NAME, Map.of(
                "withMean", withMean,
                "withStd", withStd,
                "count", count,
                "mean", Fitting.boxed(mean),
                "var", Fitting.boxed(var)));
    }

    /** Rebuilds a scaler from {@link #spec()}. */
    public static StandardScaler fromSpec(TransformSpec spec) {
        Fitting.requireName(spec, NAME);
        Map<String, Object> p = spec.params();
        if (!(p.get("withMean") instanceof Boolean wm) || !(p.get("withStd") instanceof Boolean ws)) {
            throw new IllegalArgumentException(NAME + " spec needs boolean withMean and withStd, got " + p.get("withMean") + ", " + p.get("withStd"));
        }
        return new StandardScaler(wm, ws, (long) Fitting.number(p.get("count"), "count"),
                Fitting.unboxed(p.get("mean"), "mean"), Fitting.unboxed(p.get("var"), "var"));
    }

    public int features() { return scale.length; }
    public long count() { return count; }
    public boolean withMean() { return withMean; }
    public boolean withStd() { return withStd; }
    /** Per-feature training mean (scikit-learn {@code mean_}). */
    public double[] mean() { return mean.clone(); }
    /** Per-feature population variance (scikit-learn {@code var_}). */
    public double[] variance() { return var.clone(); }
    /** Per-feature divisor: the standard deviation, or 1 for constant features (scikit-learn {@code scale_}). */
    public double[] scale() { return scale.clone(); }

    @Override
    public String toString() {
        return NAME + "[" + scale.length + " features, withMean=" + withMean + ", withStd=" + withStd + ", fitted on " + count + " samples]";
    }
}
