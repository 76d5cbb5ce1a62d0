package dev.cauce.augment.text;

import dev.cauce.core.Rng;
import dev.cauce.core.TransformSpec;
import dev.cauce.preprocess.text.TextSpan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Random character edits on letters: insert a letter after, substitute, delete, or swap with the
 * next letter of the same word. {@code fraction} is the share of letters changed (a swap changes two).
 * Inserted and substituted letters come from {@code alphabet} in the case of the letter they touch.
 */
public record CharNoise(Op op, double fraction, String alphabet) implements TextAugmenter {

    public enum Op { INSERT, SUBSTITUTE, DELETE, SWAP }

    public static final String LATIN = "abcdefghijklmnopqrstuvwxyz";
    public static final String SPANISH = "abcdefghijklmnñopqrstuvwxyzáéíóúü";

    public CharNoise {
        Units.checkFraction(fraction);
        if (alphabet == null || alphabet.codePointCount(0, alphabet.length()) < 2) {
            throw new IllegalArgumentException("alphabet needs at least 2 letters, got '" + alphabet + "'");
        }
    }

    public CharNoise(Op op, double fraction) {
        this(op, fraction, LATIN);
    }

    @Override
    public List<TextEdit> plan(String text, Rng rng) {
        List<TextSpan> letters = Units.letters(text);
        List<TextEdit> edits = new ArrayList<>();
        int[] alpha = alphabet.codePoints().toArray();
        if (op == Op.SWAP) {
            int pairs = Units.budget(fraction, letters.size()) / 2;
            int lastEnd = -1;
            for (int i : Units.choose(letters.size(), pairs, rng)) {
                if (i + 1 >= letters.size()) continue;
                TextSpan a = letters.get(i);
                TextSpan b = letters.get(i + 1);
                if (a.end() != b.start() || a.start() < lastEnd) continue; // not in one word, or overlapping
                edits.add(new TextEdit(a.start(), b.end(), b.of(text) + a.of(text)));
                lastEnd = b.end();
            }
            return edits;
        }
        for (int i : Units.choose(letters.size(), Units.budget(fraction, letters.size()), rng)) {
            TextSpan s = letters.get(i);
            String letter = s.of(text);
            int cp = letter.codePointAt(0);
            edits.add(switch (op) {
                case DELETE -> new TextEdit(s.start(), s.end(), "");
                case INSERT -> new TextEdit(s.end(), s.end(), inCase(cp, alpha[rng.nextInt(alpha.length)]));
                case SUBSTITUTE -> new TextEdit(s.start(), s.end(), inCase(cp, other(Character.toLowerCase(cp), alpha, rng)));
                case SWAP -> throw new AssertionError();
            });
        }
        return edits;
    }

    /** A letter of {@code alpha} different from {@code cp}, uniformly (the caller's letter skipped). */
    private static int other(int cp, int[] alpha, Rng rng) {
        int k = rng.nextInt(alpha.length - 1);
        int seen = 0;
        for (int a : alpha) {
            if (a == cp) continue;
            if (seen++ == k) return a;
        }
        return alpha[k]; // cp not in the alphabet: any letter is different enough
    }

    static String inCase(int like, int letter) {
        return Character.toString(Character.isUpperCase(like) ? Character.toUpperCase(letter) : letter);
    }

    @Override
    public TransformSpec spec() {
        return TransformSpec.of("text.char_noise", Map.of("op", op.name(), "fraction", fraction, "alphabet", alphabet));
    }
}
