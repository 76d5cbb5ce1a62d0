package dev.cauce.augment.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Applies edits planned on an original text. Pure: nothing outside the edited ranges changes. */
public final class TextEdits {
    private TextEdits() { }

    /**
     * The text with every edit applied. Edits may come in any order but must not overlap (two
     * insertions at one offset are applied in list order) and must not split a surrogate pair.
     */
    public static String apply(String original, List<TextEdit> edits) {
        if (edits.isEmpty()) return original;
        List<TextEdit> sorted = new ArrayList<>(edits);
        sorted.sort(Comparator.comparingInt(TextEdit::start).thenComparingInt(TextEdit::end));
        StringBuilder sb = new StringBuilder(original.length() + 16);
        int pos = 0;
        for (TextEdit e : sorted) {
            if (e.start() < pos) throw new IllegalArgumentException("edits overlap at offset " + e.start());
            if (e.end() > original.length()) {
                throw new IllegalArgumentException("edit [" + e.start() + ", " + e.end() + ") is outside a text of length " + original.length());
            }
            checkBoundary(original, e.start());
            checkBoundary(original, e.end());
            sb.append(original, pos, e.start()).append(e.replacement());
            pos = e.end();
        }
        return sb.append(original, pos, original.length()).toString();
    }

    private static void checkBoundary(String s, int i) {
        if (i > 0 && i < s.length() && Character.isHighSurrogate(s.charAt(i - 1)) && Character.isLowSurrogate(s.charAt(i))) {
            throw new IllegalArgumentException("edit boundary " + i + " splits a surrogate pair");
        }
    }
}
