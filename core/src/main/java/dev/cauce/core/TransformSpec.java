package dev.cauce.core;

import java.util.List;
import java.util.Map;

/**
 * How a transform describes itself: a registered name, its parameters (numbers, strings, booleans,
 * lists of them) and, for combinators, the specs of the transforms it contains. A spec is enough to
 * rebuild the transform, so a pipeline can be written to a file and run elsewhere.
 */
public record TransformSpec(String name, Map<String, Object> params, List<TransformSpec> children) {
    public TransformSpec {
        params = Map.copyOf(params);
        children = List.copyOf(children);
    }

    public static TransformSpec of(String name, Map<String, Object> params) {
        return new TransformSpec(name, params, List.of());
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name);
        if (!params.isEmpty()) sb.append(new java.util.TreeMap<>(params));
        if (!children.isEmpty()) sb.append(children);
        return sb.toString();
    }
}
