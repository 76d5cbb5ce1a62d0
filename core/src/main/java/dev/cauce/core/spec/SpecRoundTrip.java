package dev.cauce.core.spec;

import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Checks the contract that a transform's {@link Transform#spec()} is enough to rebuild it: build
 * from the spec, and the rebuilt transform must describe itself identically. Used by every module's
 * registry tests and available to users who register their own transforms.
 */
public final class SpecRoundTrip {
    private SpecRoundTrip() { }

    /**
     * Rebuilds {@code t} from its spec.
     *
     * @throws IllegalStateException when the rebuilt transform's spec differs from the original's
     */
    @SuppressWarnings("unchecked")
    public static <I, O> Transform<I, O> rebuild(TransformRegistry registry, Transform<I, O> t) {
        TransformSpec spec = t.spec();
        Transform<I, O> rebuilt = (Transform<I, O>) registry.build(spec, spec.name());
        if (!spec.equals(rebuilt.spec())) {
            throw new IllegalStateException("'" + spec.name() + "' does not round-trip: " + spec + " rebuilt as " + rebuilt.spec());
        }
        return rebuilt;
    }

    /**
     * Rebuilds {@code t} from its spec and checks that both give equal outputs on {@code input}
     * with the same generator ({@code Rng.of(7, 0, 3, 0)}); outputs are compared with
     * {@link Objects#deepEquals} after {@code comparable} (e.g. to turn a value holding arrays
     * into one that compares by content).
     *
     * @throws IllegalStateException naming the transform when the spec or the output differs
     */
    public static <I> void check(TransformRegistry registry, Transform<I, ?> t, I input, UnaryOperator<Object> comparable) {
        Transform<I, ?> rebuilt = rebuild(registry, t);
        Object a = comparable.apply(t.apply(input, Rng.of(7, 0, 3, 0)));
        Object b = comparable.apply(rebuilt.apply(input, Rng.of(7, 0, 3, 0)));
        if (!Objects.deepEquals(a, b)) {
            throw new IllegalStateException("'" + t.spec().name() + "' rebuilt from its spec gives a different output");
        }
    }

    /** {@link #check(TransformRegistry, Transform, Object, UnaryOperator)} comparing outputs as they are. */
    public static <I> void check(TransformRegistry registry, Transform<I, ?> t, I input) {
        check(registry, t, input, UnaryOperator.identity());
    }
}
