package dev.cauce.pipeline;

import dev.cauce.core.Tensor;
import dev.cauce.core.TransformSpec;
import dev.cauce.core.scale.MinMaxScaler;
import dev.cauce.core.scale.Scaler;
import dev.cauce.core.scale.StandardScaler;
import dev.cauce.core.spec.Params;
import dev.cauce.core.spec.SpecException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The estimators a spec's {@code fit} list may name: core's {@code standard_scaler} (options
 * {@code withMean}, {@code withStd}) and {@code min_max_scaler} (option {@code featureRange}). Each
 * is fitted on the output of the transforms and the fitted steps before it.
 */
public final class FittedSteps {
    /** The estimator names a spec may use. */
    public static final List<String> NAMES = List.of(StandardScaler.NAME, MinMaxScaler.NAME);

    private FittedSteps() { }

    /** Validates every fit entry's options (key paths {@code fit[i].params.KEY}). */
    static void validate(PipelineSpec spec) {
        for (int i = 0; i < spec.fit().size(); i++) options(spec.fit().get(i), i);
    }

    private record Options(boolean withMean, boolean withStd, double lo, double hi) { }

    private static Options options(PipelineSpec.Fit fit, int i) {
        Params p = new Params("fit[" + i + "]", fit.params());
        Options o;
        if (fit.name().equals(StandardScaler.NAME)) {
            o = new Options(p.bool("withMean", true), p.bool("withStd", true), 0, 1);
        } else {
            double[] range = p.has("featureRange") ? p.numbers("featureRange", 2) : new double[] {0, 1};
            if (range.length != 2 || !(range[0] < range[1])) {
                throw new SpecException(p.pathOf("featureRange"), java.util.Arrays.toString(range) + " is not allowed, allowed [lo, hi] with lo < hi");
            }
            o = new Options(true, true, range[0], range[1]);
        }
        p.checkNoneUnused();
        return o;
    }

    /** An empty accumulator for fit step {@code i}: core's mergeable state. */
    static Accumulator accumulator(PipelineSpec.Fit fit) {
        return new Accumulator(fit.name());
    }

    /** Core's state for one chunk, created on the first sample. */
    static final class Accumulator {
        private final String name;
        private StandardScaler.State moments;
        private MinMaxScaler.State range;

        private Accumulator(String name) {
            this.name = name;
        }

        void add(Tensor x, String source) {
            if (name.equals(StandardScaler.NAME)) {
                if (moments == null) moments = new StandardScaler.State(x.size());
                moments.add(x.data(), source);
            } else {
                if (range == null) range = new MinMaxScaler.State(x.size());
                range.add(x.data(), source);
            }
        }

        /** The chunk's snapshot, or null when it saw no sample. */
        FitSnapshot snapshot() {
            if (moments != null) return new FitSnapshot.Moments(moments.count(), moments.mean(), moments.m2());
            if (range != null) return new FitSnapshot.Range(range.count(), range.min(), range.max());
            return null;
        }
    }

    /**
     * The fitted scaler of fit step {@code i} from its chunks' snapshots, merged in chunk order
     * (null for a chunk without usable inputs). Both engines call this with the same list.
     */
    public static Scaler finishMerged(PipelineSpec.Fit fit, int i, List<FitSnapshot> chunks) {
        return finish(fit, i, merge(chunks, "fit[" + i + "]"));
    }

    /** Merges chunk snapshots in chunk order (nulls are empty chunks). */
    static FitSnapshot merge(List<FitSnapshot> chunks, String what) {
        FitSnapshot out = null;
        for (FitSnapshot s : chunks) {
            if (s == null) continue;
            out = out == null ? s : out.merge(s);
        }
        if (out == null) throw new IllegalArgumentException(what + ": no input could be used to fit (all failed or none found)");
        return out;
    }

    /** The fitted scaler of fit step {@code i} from the merged snapshot. */
    static Scaler finish(PipelineSpec.Fit fit, int i, FitSnapshot merged) {
        Options o = options(fit, i);
        if (merged instanceof FitSnapshot.Moments m) {
            double[] var = new double[m.m2().length];
            for (int j = 0; j < var.length; j++) var[j] = m.m2()[j] / m.count();
            return StandardScaler.fromSpec(TransformSpec.of(StandardScaler.NAME, Map.of(
                    "withMean", o.withMean(), "withStd", o.withStd(), "count", m.count(),
                    "mean", boxed(m.mean()), "var", boxed(var))));
        }
        FitSnapshot.Range r = (FitSnapshot.Range) merged;
        return MinMaxScaler.fromSpec(TransformSpec.of(MinMaxScaler.NAME, Map.of(
                "featureRange", List.of(o.lo(), o.hi()), "count", r.count(),
                "dataMin", boxed(r.min()), "dataMax", boxed(r.max()))));
    }

    private static List<Double> boxed(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double d : v) out.add(d);
        return out;
    }
}
