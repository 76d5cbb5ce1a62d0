package dev.cauce.augment;

import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;

import java.util.List;
import java.util.Map;

/**
 * Applies {@code inner} with probability {@code p}, otherwise returns the input unchanged
 * (albumentations' {@code p=}). The coin comes from {@code rng.child(0)}, the inner transform draws
 * from {@code rng.child(1)}, so adding the wrapper never shifts the inner transform's numbers.
 */
public record RandomApply<T>(Transform<T, T> inner, double p) implements Transform<T, T> {
    public RandomApply {
        Probabilities.check("p", p);
    }

    @Override
    public T apply(T input, Rng rng) {
        return rng.child(0).bernoulli(p) ? inner.apply(input, rng.child(1)) : input;
    }

    @Override
    public TransformSpec spec() {
        return new TransformSpec("random_apply", Map.of("p", p), List.of(inner.spec()));
    }
}
