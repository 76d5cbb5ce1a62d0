package dev.cauce.augment;

import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Applies between {@code min} and {@code max} (inclusive) distinct transforms of {@code choices},
 * chosen uniformly, in their listed order (imgaug's {@code SomeOf} with fixed order). Choice i
 * draws from {@code rng.child(1 + i)}, so its numbers do not depend on which others were chosen.
 */
public record SomeOf<T>(List<Transform<T, T>> choices, int min, int max) implements Transform<T, T> {
    public SomeOf {
        choices = List.copyOf(choices);
        if (choices.isEmpty()) throw new IllegalArgumentException("SomeOf needs at least one choice");
        if (min < 0 || max < min || max > choices.size()) {
            throw new IllegalArgumentException("SomeOf needs 0 <= min <= max <= " + choices.size() + ", got min=" + min + " max=" + max);
        }
    }

    @Override
    public T apply(T input, Rng rng) {
        Rng pick = rng.child(0);
        int n = pick.nextInt(min, max);
        int[] order = new int[choices.size()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        pick.shuffle(order);
        int[] chosen = Arrays.copyOf(order, n);
        Arrays.sort(chosen);
        T x = input;
        for (int i : chosen) x = choices.get(i).apply(x, rng.child(1 + i));
        return x;
    }

    @Override
    public TransformSpec spec() {
        return new TransformSpec("some_of", Map.of("min", min, "max", max), choices.stream().map(Transform::spec).toList());
    }
}
