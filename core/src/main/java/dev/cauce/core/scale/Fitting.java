package dev.cauce.core.scale;

import dev.cauce.core.Cursor;
import dev.cauce.core.DataStream;
import dev.cauce.core.Sample;
import dev.cauce.core.SampleException;
import dev.cauce.core.Tensor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** The single streaming pass shared by the scalers' {@code fit} methods, and input checks. */
final class Fitting {
    private Fitting() { }

    /** One pass over tensors (each flattened to a feature vector), named {@code sample #i} in errors. */
    static <S extends FeatureState<S>> S accumulate(Iterable<Tensor> samples, IntFunction<S> create) {
        S state = null;
        long i = 0;
        for (Tensor t : samples) {
            if (state == null) state = create.apply(t.size());
            state.add(t.data(), "sample #" + i++);
        }
        if (state == null) throw new IllegalArgumentException("cannot fit a scaler on zero samples");
        return state;
    }

    /**
     * One pass over a stream of samples (pass seed 0, epoch 0: the fit should see deterministic
     * data), naming samples by their source in errors.
     */
    static <S extends FeatureState<S>> S accumulate(DataStream<Sample<Tensor>> stream, IntFunction<S> create) {
        S state = null;
        try (Cursor<Sample<Tensor>> c = stream.open(0L, 0)) {
            while (c.hasNext()) {
                Sample<Tensor> s = c.next();
                if (state == null) state = create.apply(s.value().size());
                state.add(s.value().data(), s.source());
            }
        }
        if (state == null) throw new IllegalArgumentException("cannot fit a scaler on an empty stream");
        return state;
    }

    /** Checks a sample's length and that every value is finite. */
    static void check(float[] x, int features, String source) {
        if (x.length != features) {
            throw new SampleException(source, "has " + x.length + " features, expected " + features);
        }
        for (int j = 0; j < x.length; j++) {
            if (!Float.isFinite(x[j])) {
                throw new SampleException(source, "feature " + j + " is " + (Float.isNaN(x[j]) ? "NaN" : "infinite (" + x[j] + ")"));
            }
        }
    }

    /**
     * The same check for a transform's input, whose source the transform does not know: a plain
     * {@link IllegalArgumentException} that {@link DataStream#map} turns into a
     * {@link SampleException} naming the sample.
     */
    static void checkInput(Tensor t, int features, String scaler) {
        float[] x = t.data();
        if (x.length != features) {
            throw new IllegalArgumentException(scaler + ": input has " + x.length + " features, fitted on " + features);
        }
        for (int j = 0; j < x.length; j++) {
            if (!Float.isFinite(x[j])) {
                throw new IllegalArgumentException(scaler + ": feature " + j + " is " + (Float.isNaN(x[j]) ? "NaN" : "infinite (" + x[j] + ")"));
            }
        }
    }

    static void requireName(dev.cauce.core.TransformSpec spec, String name) {
        if (!spec.name().equals(name)) throw new IllegalArgumentException("not a " + name + " spec: " + spec.name());
    }

    static void requireSameFeatures(int mine, int theirs) {
        if (mine != theirs) throw new IllegalArgumentException("cannot merge states of " + mine + " and " + theirs + " features");
    }

    static List<Double> boxed(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double d : v) out.add(d);
        return out;
    }

    static double[] unboxed(Object list, String what) {
        if (!(list instanceof List<?> l)) throw new IllegalArgumentException(what + " must be a list of numbers, got " + list);
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(l.get(i) instanceof Number n)) throw new IllegalArgumentException(what + "[" + i + "] is not a number: " + l.get(i));
            out[i] = n.doubleValue();
        }
        return out;
    }

    static double number(Object v, String what) {
        if (!(v instanceof Number n)) throw new IllegalArgumentException(what + " must be a number, got " + v);
        return n.doubleValue();
    }
}
