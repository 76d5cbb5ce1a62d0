package dev.cauce.augment;

import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * With probability {@code p}, applies exactly one of {@code choices}, picked with the given
 * weights (albumentations' {@code OneOf}); otherwise the input is returned unchanged. The pick
 * draws from {@code rng.child(0)}; choice i draws from {@code rng.child(1 + i)}.
 */
public record OneOf<T>(List<Transform<T, T>> choices, double[] weights, double p) implements Transform<T, T> {
    public OneOf {
        choices = List.copyOf(choices);
        if (choices.isEmpty()) throw new IllegalArgumentException("OneOf needs at least one choice");
        if (weights.length != choices.size()) {
            throw new IllegalArgumentException("OneOf has " + choices.size() + " choices but " + weights.length + " weights");
        }
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) throw new IllegalArgumentException("weights must be finite and >= 0, got " + Arrays.toString(weights));
            sum += w;
        }
        if (sum <= 0) throw new IllegalArgumentException("weights must not all be 0");
        weights = weights.clone();
        Probabilities.check("p", p);
    }

    /** Equal weights, always applied. */
    public static <T> OneOf<T> of(List<Transform<T, T>> choices) {
        double[] w = new double[choices.size()];
        Arrays.fill(w, 1);
        return new OneOf<>(choices, w, 1.0);
    }

    @Override
    public T apply(T input, Rng rng) {
        Rng pick = rng.child(0);
        if (!pick.bernoulli(p)) return input;
        double total = Arrays.stream(weights).sum();
        double u = pick.nextDouble() * total;
        int i = 0;
        while (i < weights.length - 1 && (u -= weights[i]) >= 0) i++;
        return choices.get(i).apply(input, rng.child(1 + i));
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public TransformSpec spec() {
        return new TransformSpec("one_of", Map.of("p", p, "weights", Arrays.stream(weights).boxed().toList()),
                choices.stream().map(Transform::spec).toList());
    }
}
