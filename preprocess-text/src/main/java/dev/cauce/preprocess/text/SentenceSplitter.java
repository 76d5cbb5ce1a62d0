package dev.cauce.preprocess.text;

import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rule-based sentence splitting (no model). A sentence ends at a blank line, or after a run of
 * {@code . ! ? …} (plus closing quotes or brackets) that is followed by whitespace and then an
 * uppercase letter, a digit, an opening quote or bracket, or Spanish ¿ ¡. A period does not end a
 * sentence after a known abbreviation ("Mr.", "e.g.", "Sra.") or a single-letter initial ("J.").
 * Sentences are returned as trimmed spans of the original text.
 */
public record SentenceSplitter(Set<String> abbreviations) implements Transform<String, List<String>> {

    /** Common English and Spanish abbreviations, lowercase and without the final period. */
    public static final Set<String> DEFAULT_ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "etc", "e.g", "i.e", "inc", "ltd", "co",
            "no", "fig", "vol", "approx", "dept", "sra", "srta", "ud", "uds", "dra", "pág", "núm", "av", "cap");

    public SentenceSplitter {
        abbreviations = Set.copyOf(abbreviations);
    }

    public static SentenceSplitter defaults() {
        return new SentenceSplitter(DEFAULT_ABBREVIATIONS);
    }

    /** Sentence spans, trimmed of surrounding whitespace; empty sentences are skipped. */
    public List<TextSpan> spans(String text) {
        List<TextSpan> out = new ArrayList<>();
        int n = text.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n' && isBlankLineAt(text, i)) {
                addTrimmed(text, start, i, out);
                while (i < n && Character.isWhitespace(text.charAt(i))) i++;
                start = i;
                continue;
            }
            if (c == '.' || c == '!' || c == '?' || c == '…') {
                int end = i;
                while (end < n && ".!?…".indexOf(text.charAt(end)) >= 0) end++;
                while (end < n && "\"'”’»)]".indexOf(text.charAt(end)) >= 0) end++;
                int next = end;
                while (next < n && Character.isWhitespace(text.charAt(next))) next++;
                boolean spaced = next > end;
                boolean startsSentence = next < n && startsSentence(text.charAt(next));
                if ((next == n || (spaced && startsSentence)) && !(c == '.' && end == i + 1 && isAbbreviation(text, i))) {
                    addTrimmed(text, start, end, out);
                    start = end;
                }
                i = end;
                continue;
            }
            i++;
        }
        addTrimmed(text, start, n, out);
        return out;
    }

    /** Sentence strings. */
    public List<String> split(String text) {
        List<String> out = new ArrayList<>();
        for (TextSpan s : spans(text)) out.add(s.of(text));
        return out;
    }

    @Override
    public List<String> apply(String input, Rng rng) {
        return split(input);
    }

    @Override
    public TransformSpec spec() {
        return TransformSpec.of("text.sentences", Map.of("abbreviations", List.copyOf(new java.util.TreeSet<>(abbreviations))));
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || "\"'“‘«([¿¡".indexOf(c) >= 0;
    }

    private static boolean isBlankLineAt(String text, int i) {
        int j = i + 1;
        while (j < text.length() && (text.charAt(j) == ' ' || text.charAt(j) == '\t' || text.charAt(j) == '\r')) j++;
        return j < text.length() && text.charAt(j) == '\n';
    }

    /** The word before the period at {@code dot}: an abbreviation or a single-letter initial? */
    private boolean isAbbreviation(String text, int dot) {
        int j = dot;
        while (j > 0 && (Character.isLetter(text.charAt(j - 1)) || text.charAt(j - 1) == '.')) j--;
        if (j == dot) return false;
        String word = text.substring(j, dot).toLowerCase(Locale.ROOT);
        return word.length() == 1 || abbreviations.contains(word);
    }

    private static void addTrimmed(String text, int start, int end, List<TextSpan> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) start++;
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
        if (end > start) out.add(new TextSpan(start, end));
    }
}
