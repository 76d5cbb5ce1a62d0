package dev.cauce.core.scale;

import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.core.TransformSpec;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Scales each sample (the whole tensor, flattened) to unit norm, like scikit-learn's
 * {@code Normalizer}: L2 (default), L1 or max (largest absolute value). It learns nothing from the
 * data (scikit-learn's {@code fit} is a no-op too), so there is no fit; build it with a norm.
 *
 * <p>A zero-norm sample stays all zeros (never NaN). NaN or infinite input is an error naming the
 * feature. Norms are accumulated in double.
 */
public final class UnitNormScaler implements Scaler {
    /** The spec name. */
    public static final String NAME = "unit_norm_scaler";

    /** Which norm each sample is divided by. */
    public enum Norm {
        /** Sum of absolute values. */
        L1,
        /** Euclidean length. */
        L2,
        /** Largest absolute value. */
        MAX
    }

    private final Norm norm;

    public UnitNormScaler(Norm norm) {
        this.norm = Objects.requireNonNull(norm, "norm");
    }

    /** The L2 scaler. */
    public UnitNormScaler() {
        this(Norm.L2);
    }

    public Norm norm() {
        return norm;
    }

    /** The norm of one feature vector, in double. */
    public double normOf(float[] x) {
        double acc = 0;
        switch (norm) {
            case L1 -> { for (float v : x) acc += Math.abs(v); }
            case L2 -> { for (float v : x) acc += (double) v * v; acc = Math.sqrt(acc); }
            case MAX -> { for (float v : x) acc = Math.max(acc, Math.abs(v)); }
        }
        return acc;
    }

    @Override
    public Tensor apply(Tensor input, Rng rng) {
        float[] x = input.data();
        Fitting.checkInput(input, x.length, NAME);
        double n = normOf(x);
        float[] y = new float[x.length];
        if (n > 0) for (int j = 0; j < x.length; j++) y[j] = (float) (x[j] / n);
        return Tensor.of(y, input.shape());
    }

    @Override
    public TransformSpec spec() {
        return TransformSpec.of(NAME, Map.of("norm", norm.name().toLowerCase(Locale.ROOT)));
    }

    /** Rebuilds a scaler from {@link #spec()}. */
    public static UnitNormScaler fromSpec(TransformSpec spec) {
        Fitting.requireName(spec, NAME);
        Object n = spec.params().get("norm");
        for (Norm candidate : Norm.values()) {
            if (candidate.name().equalsIgnoreCase(String.valueOf(n))) return new UnitNormScaler(candidate);
        }
        throw new IllegalArgumentException(NAME + ": norm must be l1, l2 or max, got " + n);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnitNormScaler u && u.norm == norm;
    }

    @Override
    public int hashCode() {
        return norm.hashCode();
    }

    @Override
    public String toString() {
        return NAME + "[" + norm + "]";
    }
}
