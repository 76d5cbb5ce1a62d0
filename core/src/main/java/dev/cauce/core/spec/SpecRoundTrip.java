package dev.cauce.core.spec;

import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;

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
}
