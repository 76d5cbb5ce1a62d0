package dev.cauce.preprocess.text;

import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stop-word list and the filter that removes its words from a token list. Lists for en, es, fr,
 * de, it and pt ship as resources (sources and licenses in the NOTICE beside them). Matching is
 * exact: lowercase the tokens first, as the lists are lowercase.
 */
public record Stopwords(String language, Set<String> words) implements Transform<List<String>, List<String>> {

    /** The bundled languages. */
    public static final List<String> LANGUAGES = List.of("en", "es", "fr", "de", "it", "pt");

    public Stopwords {
        words = Set.copyOf(words);
    }

    /** The bundled list of {@code language} (one of {@link #LANGUAGES}). */
    public static Stopwords of(String language) {
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException("no stop-word list for language '" + language + "'; bundled: " + LANGUAGES);
        }
        String res = "stopwords/" + language + ".txt";
        try (InputStream in = Stopwords.class.getResourceAsStream(res)) {
            if (in == null) throw new IllegalStateException("resource " + res + " missing from the jar");
            Set<String> words = new HashSet<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String w = line.strip();
                if (!w.isEmpty()) words.add(w);
            }
            return new Stopwords(language, words);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + res, e);
        }
    }

    public boolean contains(String token) {
        return words.contains(token);
    }

    /** The tokens that are not stop words, in order. */
    public List<String> remove(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String t : tokens) if (!words.contains(t)) out.add(t);
        return out;
    }

    @Override
    public List<String> apply(List<String> input, Rng rng) {
        return remove(input);
    }

    @Override
    public TransformSpec spec() {
        return TransformSpec.of("text.stopwords", Map.of("language", language));
    }
}
