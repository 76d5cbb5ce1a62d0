package dev.cauce.augment.text;

import dev.cauce.core.Rng;
import dev.cauce.preprocess.text.TextSpan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The editable units of a text and the sampling every augmenter shares. A word is a maximal run of
 * letters, combining marks and digits; a character unit is one letter (a whole code point). Whitespace
 * and punctuation are never units, so no augmenter can touch them.
 */
final class Units {
    private Units() { }

    static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK
                || Character.getType(cp) == Character.COMBINING_SPACING_MARK || Character.getType(cp) == Character.ENCLOSING_MARK;
    }

    /** Word spans in order. */
    static List<TextSpan> words(String text) {
        List<TextSpan> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!isWordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n && isWordChar(cp = text.codePointAt(i))) i += Character.charCount(cp);
            out.add(new TextSpan(start, i));
        }
        return out;
    }

    /** Letter code points (with any combining marks that follow them) as spans. */
    static List<TextSpan> letters(String text) {
        List<TextSpan> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            if (Character.isLetter(cp)) {
                int end = i + len;
                while (end < n && isMark(text.codePointAt(end))) end += Character.charCount(text.codePointAt(end));
                out.add(new TextSpan(i, end));
                i = end;
            } else {
                i += len;
            }
        }
        return out;
    }

    private static boolean isMark(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK || t == Character.ENCLOSING_MARK;
    }

    /** The most edits allowed: floor(fraction × units), so the requested fraction is never exceeded. */
    static int budget(double fraction, int units) {
        return (int) Math.floor(fraction * units + 1e-9);
    }

    /** {@code k} distinct indices of [0, n), in increasing order (partial Fisher–Yates). */
    static int[] choose(int n, int k, Rng rng) {
        k = Math.min(k, n);
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] out = Arrays.copyOf(idx, k);
        Arrays.sort(out);
        return out;
    }

    static void checkFraction(double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) throw new IllegalArgumentException("fraction must be in [0, 1], got " + fraction);
    }

    /** {@code replacement} in the case pattern of {@code original} (UPPER, Capitalized or as is). */
    static String matchCase(String original, String replacement) {
        if (replacement.isEmpty() || original.isEmpty()) return replacement;
        boolean allUpper = original.codePoints().filter(Character::isLetter).allMatch(Character::isUpperCase)
                && original.codePoints().filter(Character::isLetter).count() > 1;
        if (allUpper) return replacement.toUpperCase(Locale.ROOT);
        if (Character.isUpperCase(original.codePointAt(0))) {
            int first = replacement.codePointAt(0);
            return new StringBuilder().appendCodePoint(Character.toUpperCase(first))
                    .append(replacement.substring(Character.charCount(first))).toString();
        }
        return replacement;
    }
}
