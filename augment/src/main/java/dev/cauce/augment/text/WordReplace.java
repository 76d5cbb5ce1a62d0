package dev.cauce.augment.text;

import dev.cauce.core.Rng;
import dev.cauce.core.TransformSpec;
import dev.cauce.preprocess.text.TextSpan;
import dev.cauce.preprocess.text.word2vec.WordVectors;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Word substitution from a source of alternatives: WordNet synonyms, common misspellings, or the
 * nearest neighbours of a word2vec model. Words are looked up in lowercase and the replacement
 * takes the word's case pattern (UPPER, Capitalized). Only single-word alternatives are used, so
 * no whitespace is ever added. At most {@code floor(fraction × words)} words change.
 *
 * <p>The spec names the data a source needs ({@code wordnet}: a WordNet database folder or a
 * thesaurus table; {@code vectors}: a word2vec file) as the path was given, so a pipeline spec can
 * carry it and every engine rebuilds the same transform. Transforms made from data in memory
 * ({@link #synonyms(Thesaurus, double)}, {@link #neighbours(WordVectors, int, double, double)})
 * have no file to name and cannot be rebuilt from their spec.
 *
 * @param source   name of the source, for the spec ("wordnet", "misspellings", "word2vec")
 * @param lookup   lowercase word → alternatives (an empty list when there are none)
 * @param fraction share of all words that may change
 * @param data     the source's own spec parameters (its file, k, minSimilarity), empty when none
 */
public record WordReplace(String source, Function<String, List<String>> lookup, double fraction, Map<String, Object> data)
        implements TextAugmenter {
    public WordReplace {
        Units.checkFraction(fraction);
        data = Map.copyOf(data);
    }

    /** Synonyms from a thesaurus in memory (e.g. a {@link WordNet#extract}); its spec names no file. */
    public static WordReplace synonyms(Thesaurus thesaurus, double fraction) {
        return new WordReplace("wordnet", thesaurus::lookup, fraction, Map.of());
    }

    /**
     * Synonyms from a WordNet 3.0 database folder (read lazily, word by word) or a thesaurus table
     * file ({@link Thesaurus} format, e.g. a saved {@link WordNet#extract}).
     *
     * @param written how the spec names the file (kept as given, e.g. relative to a spec file)
     * @param file    the file or folder itself
     */
    public static WordReplace synonyms(String written, Path file, double fraction) throws IOException {
        Function<String, List<String>> lookup;
        if (Files.isDirectory(file)) {
            WordNet wn = WordNet.open(file);
            // Each WordNet lookup seeks into the data files.
            lookup = remembered(w -> {
                try {
                    return wn.synonyms(w);
                } catch (IOException e) {
                    throw new UncheckedIOException(file + ": " + e.getMessage(), e);
                }
            });
        } else {
            lookup = Thesaurus.load(file)::lookup;
        }
        return new WordReplace("wordnet", lookup, fraction, Map.of("wordnet", written));
    }

    /** Common misspellings of the bundled list ({@link Thesaurus#commonMisspellings()}). */
    public static WordReplace misspellings(double fraction) {
        return new WordReplace("misspellings", Thesaurus.commonMisspellings()::lookup, fraction, Map.of());
    }

    /**
     * One of the {@code k} nearest neighbours of the word in {@code vectors} with cosine at least
     * {@code minSimilarity}; the vectors are in memory, so the spec names no file.
     */
    public static WordReplace neighbours(WordVectors vectors, int k, double minSimilarity, double fraction) {
        return neighbours(vectors, k, minSimilarity, fraction, Map.of());
    }

    /**
     * As {@link #neighbours(WordVectors, int, double, double)} with the vectors of a word2vec file
     * (binary when its name ends in {@code .bin}, text otherwise).
     *
     * @param written how the spec names the file (kept as given, e.g. relative to a spec file)
     */
    public static WordReplace neighbours(String written, Path file, int k, double minSimilarity, double fraction) throws IOException {
        return neighbours(WordVectors.load(file), k, minSimilarity, fraction, Map.of("vectors", written));
    }

    private static WordReplace neighbours(WordVectors vectors, int k, double minSimilarity, double fraction, Map<String, Object> file) {
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
        Map<String, Object> data = new LinkedHashMap<>(file);
        data.put("k", k);
        data.put("minSimilarity", minSimilarity);
        // A neighbour search scans every vector.
        return new WordReplace("word2vec", remembered(w -> {
            if (!vectors.contains(w)) return List.of();
            List<String> out = new ArrayList<>();
            for (WordVectors.Neighbour n : vectors.nearest(w, k)) if (n.similarity() >= minSimilarity) out.add(n.word());
            return List.copyOf(out);
        }), fraction, data);
    }

    /** A costly lookup that answers each word once; thread-safe, bounded by the words the texts use. */
    private static Function<String, List<String>> remembered(Function<String, List<String>> lookup) {
        Map<String, List<String>> seen = new ConcurrentHashMap<>();
        return w -> seen.computeIfAbsent(w, lookup);
    }

    @Override
    public List<TextEdit> plan(String text, Rng rng) {
        List<TextSpan> words = Units.words(text);
        int budget = Units.budget(fraction, words.size());
        if (budget == 0) return List.of();
        List<TextSpan> candidates = new ArrayList<>();
        List<List<String>> alternatives = new ArrayList<>();
        for (TextSpan w : words) {
            List<String> alts = new ArrayList<>();
            for (String a : lookup.apply(w.of(text).toLowerCase(Locale.ROOT))) {
                if (!a.isEmpty() && a.codePoints().allMatch(Units::isWordChar)) alts.add(a);
            }
            if (!alts.isEmpty()) {
                candidates.add(w);
                alternatives.add(alts);
            }
        }
        List<TextEdit> edits = new ArrayList<>();
        for (int i : Units.choose(candidates.size(), budget, rng)) {
            TextSpan w = candidates.get(i);
            List<String> alts = alternatives.get(i);
            edits.add(new TextEdit(w.start(), w.end(), Units.matchCase(w.of(text), alts.get(rng.nextInt(alts.size())))));
        }
        return edits;
    }

    @Override
    public TransformSpec spec() {
        Map<String, Object> params = new LinkedHashMap<>(data);
        params.put("source", source);
        params.put("fraction", fraction);
        return TransformSpec.of("text.word_replace", params);
    }
}
