package dev.cauce.preprocess.text;

import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Text to tokens in the usual order: cleanup, tokenization, stop-word removal, stemming. The last
 * two are optional (null). Deterministic and thread-safe.
 */
public record TokenPipeline(TextCleaner cleaner, Tokenizer tokenizer, Stopwords stopwords, Stemmer stemmer)
        implements Transform<String, List<String>> {

    public TokenPipeline {
        Objects.requireNonNull(cleaner, "cleaner");
        Objects.requireNonNull(tokenizer, "tokenizer");
    }

    public List<String> tokens(String text) {
        List<String> t = tokenizer.tokenize(cleaner.clean(text));
        if (stopwords != null) t = stopwords.remove(t);
        if (stemmer != null) t = stemmer.stemAll(t);
        return t;
    }

    @Override
    public List<String> apply(String input, Rng rng) {
        return tokens(input);
    }

    @Override
    public TransformSpec spec() {
        List<TransformSpec> steps = new ArrayList<>(List.of(cleaner.spec(), tokenizer.spec()));
        if (stopwords != null) steps.add(stopwords.spec());
        if (stemmer != null) steps.add(stemmer.spec());
        return new TransformSpec("text.tokens", java.util.Map.of(), steps);
    }
}
