package dev.cauce.augment.text;

import dev.cauce.core.Rng;
import dev.cauce.core.TransformSpec;
import dev.cauce.preprocess.text.TextSpan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Random word edits: swap two neighbouring words (their letters trade places, the separator
 * between them stays), delete a word (its surrounding whitespace stays as it was), or insert a
 * word before another. An insertion adds the word and one space after it: that space is the only
 * whitespace any augmenter ever adds, and no existing whitespace changes. Inserted words come from
 * {@code vocabulary}, or from the text itself when the list is empty. {@code fraction} is the share
 * of words touched (a swap touches two).
 */
public record WordNoise(Op op, double fraction, List<String> vocabulary) implements TextAugmenter {

    public enum Op { SWAP, DELETE, INSERT }

    public WordNoise {
        Units.checkFraction(fraction);
        vocabulary = List.copyOf(vocabulary);
        for (String w : vocabulary) {
            if (w.isEmpty() || !w.codePoints().allMatch(Units::isWordChar)) {
                throw new IllegalArgumentException("vocabulary entries must be single words, got '" + w + "'");
            }
        }
    }

    public WordNoise(Op op, double fraction) {
        this(op, fraction, List.of());
    }

    @Override
    public List<TextEdit> plan(String text, Rng rng) {
        List<TextSpan> words = Units.words(text);
        int budget = Units.budget(fraction, words.size());
        List<TextEdit> edits = new ArrayList<>();
        switch (op) {
            case DELETE -> {
                for (int i : Units.choose(words.size(), budget, rng)) edits.add(new TextEdit(words.get(i).start(), words.get(i).end(), ""));
            }
            case INSERT -> {
                for (int i : Units.choose(words.size(), budget, rng)) {
                    String w = vocabulary.isEmpty() ? words.get(rng.nextInt(words.size())).of(text) : vocabulary.get(rng.nextInt(vocabulary.size()));
                    edits.add(new TextEdit(words.get(i).start(), words.get(i).start(), w + " "));
                }
            }
            case SWAP -> {
                int lastUsed = -1;
                for (int i : Units.choose(Math.max(0, words.size() - 1), budget / 2, rng)) {
                    if (i <= lastUsed) continue; // the word already moved in the previous swap
                    TextSpan a = words.get(i);
                    TextSpan b = words.get(i + 1);
                    edits.add(new TextEdit(a.start(), a.end(), b.of(text)));
                    edits.add(new TextEdit(b.start(), b.end(), a.of(text)));
                    lastUsed = i + 1;
                }
            }
        }
        return edits;
    }

    @Override
    public TransformSpec spec() {
        return TransformSpec.of("text.word_noise", Map.of("op", op.name(), "fraction", fraction, "vocabulary", vocabulary));
    }
}
