package dev.cauce.preprocess.text;

import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;
import opennlp.tools.stemmer.PorterStemmer;
import opennlp.tools.stemmer.snowball.SnowballStemmer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stemming with Apache OpenNLP. OpenNLP's stemmers keep per-call state, so each thread gets its
 * own instance; a {@code Stemmer} itself is immutable and thread-safe.
 *
 * <p>Variants (checked against NLTK on golden lists): {@link Algorithm#PORTER} is OpenNLP's
 * {@code SnowballStemmer(PORTER)}, equal to NLTK's {@code PorterStemmer(ORIGINAL_ALGORITHM)}, i.e.
 * Porter (1980) as published; {@link Algorithm#PORTER_MARTIN} is OpenNLP's {@code PorterStemmer},
 * equal to NLTK's {@code MARTIN_EXTENSIONS} (it differs on e.g. "is" → "is" instead of "i");
 * {@link Algorithm#SPANISH} equals NLTK's {@code SnowballStemmer('spanish')}.
 */
public final class Stemmer implements Transform<List<String>, List<String>> {

    /** The stemming algorithms. {@code ENGLISH} is Snowball's English ("Porter2"). */
    public enum Algorithm {
        PORTER, PORTER_MARTIN, ENGLISH, SPANISH, FRENCH, GERMAN, ITALIAN, PORTUGUESE, CATALAN, DUTCH,
        DANISH, SWEDISH, NORWEGIAN, FINNISH, ROMANIAN, RUSSIAN, HUNGARIAN, TURKISH, GREEK, IRISH, INDONESIAN, ARABIC;

        opennlp.tools.stemmer.Stemmer newInstance() {
            if (this == PORTER_MARTIN) return new PorterStemmer();
            return new SnowballStemmer(SnowballStemmer.ALGORITHM.valueOf(name()));
        }

        /** The Snowball algorithm for a language code of the bundled stop-word lists. */
        public static Algorithm forLanguage(String language) {
            return switch (language) {
                case "en" -> PORTER;
                case "es" -> SPANISH;
                case "fr" -> FRENCH;
                case "de" -> GERMAN;
                case "it" -> ITALIAN;
                case "pt" -> PORTUGUESE;
                default -> throw new IllegalArgumentException("no stemmer for language '" + language
                        + "'; use one of en, es, fr, de, it, pt or pick an Algorithm");
            };
        }
    }

    private final Algorithm algorithm;
    private final ThreadLocal<opennlp.tools.stemmer.Stemmer> perThread;

    public Stemmer(Algorithm algorithm) {
        this.algorithm = java.util.Objects.requireNonNull(algorithm, "algorithm");
        this.perThread = ThreadLocal.withInitial(algorithm::newInstance);
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    /** The stem of one word (lowercase input expected, as the algorithms are defined on it). */
    public String stem(String word) {
        return perThread.get().stem(word).toString();
    }

    public List<String> stemAll(List<String> tokens) {
        opennlp.tools.stemmer.Stemmer s = perThread.get();
        List<String> out = new ArrayList<>(tokens.size());
        for (String t : tokens) out.add(s.stem(t).toString());
        return out;
    }

    @Override
    public List<String> apply(List<String> input, Rng rng) {
        return stemAll(input);
    }

    @Override
    public TransformSpec spec() {
        return TransformSpec.of("text.stem", Map.of("algorithm", algorithm.name()));
    }

    @Override
    public String toString() {
        return spec().toString();
    }
}
