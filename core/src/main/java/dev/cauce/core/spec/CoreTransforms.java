package dev.cauce.core.spec;

import dev.cauce.core.Tensor;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;
import dev.cauce.core.scale.MinMaxScaler;
import dev.cauce.core.scale.Scaler;
import dev.cauce.core.scale.StandardScaler;
import dev.cauce.core.scale.UnitNormScaler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Core's transforms: {@code compose} and the fitted scalers of {@code dev.cauce.core.scale}. */
public final class CoreTransforms implements TransformProvider {

    @Override
    public List<TransformFactory> transforms() {
        return List.of(
                new TransformFactory("compose", Object.class, Object.class, "the children in order", (p, children) -> {
                    if (children.isEmpty()) throw new SpecException(p.path() + ".children", "compose needs at least one child");
                    return new Transform.Compose<>(children);
                }),
                scaler(StandardScaler.NAME, List.of("withMean", "withStd", "count", "mean", "var"),
                        "per-feature (x - mean) / std, fitted"),
                scaler(MinMaxScaler.NAME, List.of("featureRange", "count", "dataMin", "dataMax"),
                        "per-feature scaling to a range, fitted"),
                TransformFactory.of(UnitNormScaler.NAME, Tensor.class, Tensor.class, "per-sample l1, l2 or max norm",
                        p -> new UnitNormScaler(p.enumValue("norm", UnitNormScaler.Norm.class, UnitNormScaler.Norm.L2))));
    }

    /** A fitted scaler rebuilt by its own {@code fromSpec}, which validates the statistics. */
    private static TransformFactory scaler(String name, List<String> keys, String summary) {
        return TransformFactory.of(name, Tensor.class, Tensor.class, summary, p -> {
            Map<String, Object> values = new LinkedHashMap<>();
            for (String k : keys) {
                if (p.has(k)) values.put(k, rawOf(p, k));
            }
            return Scaler.fromSpec(TransformSpec.of(name, values));
        });
    }

    private static Object rawOf(Params p, String key) {
        // Read through Params so the key counts as known; the scaler checks the value itself.
        return p.rawValue(key);
    }
}
