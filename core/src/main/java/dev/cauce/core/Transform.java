package dev.cauce.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A pure step from {@code I} to {@code O}. Given the same input and the same {@link Rng} stream it
 * returns the same output; it holds no mutable state, never writes into its input and is safe to
 * call from many threads. A deterministic transform simply ignores the generator.
 *
 * <p>Every transform can {@link #spec() describe itself}; the description is enough to rebuild it.
 */
public interface Transform<I, O> {

    O apply(I input, Rng rng);

    /** Name and parameters, enough to rebuild this transform. */
    TransformSpec spec();

    /**
     * This transform, then {@code next}. Sequences are kept flat: step k of a composed transform
     * draws from {@code rng.child(k)}, so a rebuilt pipeline draws exactly the same numbers.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    default <R> Transform<I, R> then(Transform<? super O, ? extends R> next) {
        List<Transform<?, ?>> steps = new ArrayList<>();
        if (this instanceof Compose<?, ?> c) steps.addAll(c.steps()); else steps.add(this);
        if (next instanceof Compose<?, ?> c) steps.addAll(c.steps()); else steps.add(next);
        return new Compose(steps);
    }

    /** A deterministic transform from a function; {@code name} and {@code params} describe it. */
    static <I, O> Transform<I, O> of(String name, Map<String, Object> params, Function<? super I, ? extends O> f) {
        TransformSpec spec = TransformSpec.of(name, params);
        return new Transform<>() {
            @Override public O apply(I input, Rng rng) { return f.apply(input); }
            @Override public TransformSpec spec() { return spec; }
            @Override public String toString() { return spec.toString(); }
        };
    }

    /** Steps applied in order; step k draws from {@code rng.child(k)}. */
    record Compose<I, O>(List<Transform<?, ?>> steps) implements Transform<I, O> {
        public Compose {
            if (steps.isEmpty()) throw new IllegalArgumentException("compose needs at least one step");
            steps = List.copyOf(steps);
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public O apply(I input, Rng rng) {
            Object x = input;
            for (int k = 0; k < steps.size(); k++) {
                x = ((Transform) steps.get(k)).apply(x, rng.child(k));
            }
            return (O) x;
        }

        @Override
        public TransformSpec spec() {
            return new TransformSpec("compose", Map.of(), steps.stream().map(Transform::spec).toList());
        }

        @Override
        public String toString() {
            return spec().toString();
        }
    }
}
