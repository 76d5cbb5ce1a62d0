package dev.cauce.augment.text;

import dev.cauce.core.Rng;
import dev.cauce.core.TransformSpec;
import dev.cauce.preprocess.text.TextSpan;
import dev.cauce.preprocess.text.word2vec.WordVectors;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Word substitution from a source of alternatives: WordNet synonyms, common misspellings, or the
 * nearest neighbours of a word2vec model. Words are looked up in lowercase and the replacement
 * takes the word's case pattern (UPPER, Capitalized). Only single-word alternatives are used, so
 * no whitespace is ever added. At most {@code floor(fraction × words)} words change.
 *
 * @param source   name of the source, for the spec ("wordnet", "misspellings", "word2vec")
 * @param lookup   lowercase word → alternatives (an empty list when there are none)
 * @param fraction share of all words that may change
 */
public record WordReplace(String source, Function<String, List<String>> lookup, double fraction) implements TextAugmenter {
    public WordReplace {
        Units.checkFraction(fraction);
    }

    /** Synonyms from a thesaurus (e.g. a {@link WordNet#extract} or a full WordNet). */
    public static WordReplace synonyms(Thesaurus thesaurus, double fraction) {
        return new WordReplace("wordnet", thesaurus::lookup, fraction);
    }

    /** Common misspellings of the bundled list ({@link Thesaurus#commonMisspellings()}). */
    public static WordReplace misspellings(double fraction) {
        return new WordReplace("misspellings", Thesaurus.commonMisspellings()::lookup, fraction);
    }

    /** One of the {@code k} nearest neighbours of the word in {@code vectors} with cosine at least {@code minSimilarity}. */
    public static WordReplace neighbours(WordVectors vectors, int k, double minSimilarity, double fraction) {
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
        return new WordReplace("word2vec", w -> {
            if (!vectors.contains(w)) return List.of();
            List<String> out = new ArrayList<>();
            for (WordVectors.Neighbour n : vectors.nearest(w, k)) if (n.similarity() >= minSimilarity) out.add(n.word());
            return out;
        }, fraction);
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
        return TransformSpec.of("text.word_replace", Map.of("source", source, "fraction", fraction));
    }
}
