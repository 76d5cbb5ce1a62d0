package dev.cauce.preprocess.text;

import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Word n-grams of every length in {@code [min, max]}, joined by one space, in scikit-learn's order
 * (all unigrams first, then all bigrams, ...). {@code (1, 1)} returns the tokens unchanged.
 */
public record NGrams(int min, int max) implements Transform<List<String>, List<String>> {
    public NGrams {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("n-gram range must satisfy 1 <= min <= max, got (" + min + ", " + max + ")");
        }
    }

    public List<String> of(List<String> tokens) {
        if (min == 1 && max == 1) return tokens;
        List<String> out = new ArrayList<>();
        for (int n = min; n <= max; n++) {
            for (int i = 0; i + n <= tokens.size(); i++) {
                out.add(n == 1 ? tokens.get(i) : String.join(" ", tokens.subList(i, i + n)));
            }
        }
        return out;
    }

    @Override
    public List<String> apply(List<String> input, Rng rng) {
        return of(input);
    }

    @Override
    public TransformSpec spec() {
        return TransformSpec.of("text.ngrams", Map.of("min", min, "max", max));
    }
}
