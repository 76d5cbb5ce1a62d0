package dev.cauce.preprocess.text;

import dev.cauce.core.Rng;
import dev.cauce.core.TransformSpec;
import dev.cauce.core.Transform;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.tokenize.WhitespaceTokenizer;
import opennlp.tools.util.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a text into tokens, each with its offsets in the text ({@link #spans}). The family is
 * closed: OpenNLP's simple and whitespace tokenizers, a Java regular expression, and scikit-learn's
 * default word pattern.
 */
public sealed interface Tokenizer extends Transform<String, List<String>> {

    /** Token offsets, in order. */
    List<TextSpan> spans(String text);

    /** The tokens as strings. */
    default List<String> tokenize(String text) {
        List<TextSpan> spans = spans(text);
        List<String> out = new ArrayList<>(spans.size());
        for (TextSpan s : spans) out.add(text.substring(s.start(), s.end()));
        return out;
    }

    @Override
    default List<String> apply(String input, Rng rng) {
        return tokenize(input);
    }

    /** OpenNLP {@code SimpleTokenizer}: splits at character-class changes ("I'd" → I ' d). */
    static Tokenizer simple() {
        return new OpenNlpSimple();
    }

    /** OpenNLP {@code WhitespaceTokenizer}: tokens are the runs of non-whitespace. */
    static Tokenizer whitespace() {
        return new OpenNlpWhitespace();
    }

    /**
     * Every match of a Java regular expression is a token (Java, not Python, regex semantics). A
     * pattern that is one ASCII character class with {@code +} (like {@code [a-z]+} or
     * {@code [A-Za-z0-9_]+}) runs on a table-driven scanner with the same matches, about twice as fast.
     */
    static Tokenizer regex(String pattern) {
        AsciiRuns fast = AsciiRuns.of(pattern);
        return fast != null ? fast : new Regex(pattern);
    }

    /**
     * scikit-learn's default {@code token_pattern} {@code (?u)\b\w\w+\b}: runs of two or more word
     * characters, where a word character is what Python's {@code \w} matches in a {@code str}: any
     * letter (L*), any number (Nd, Nl, No: "²" and "½" included) or '_'. Combining marks are not
     * word characters, as in Python.
     */
    static Tokenizer sklearnDefault() {
        return new WordRuns(2);
    }

    record OpenNlpSimple() implements Tokenizer {
        @Override public List<TextSpan> spans(String text) {
            return fromSpans(SimpleTokenizer.INSTANCE.tokenizePos(text));
        }
        @Override public TransformSpec spec() { return TransformSpec.of("text.tokenize.simple", Map.of()); }
    }

    record OpenNlpWhitespace() implements Tokenizer {
        @Override public List<TextSpan> spans(String text) {
            return fromSpans(WhitespaceTokenizer.INSTANCE.tokenizePos(text));
        }
        @Override public TransformSpec spec() { return TransformSpec.of("text.tokenize.whitespace", Map.of()); }
    }

    /** Matches of {@code pattern}; empty matches are skipped. */
    record Regex(Pattern pattern) implements Tokenizer {
        public Regex(String pattern) {
            this(Pattern.compile(pattern));
        }
        @Override public List<TextSpan> spans(String text) {
            List<TextSpan> out = new ArrayList<>();
            Matcher m = pattern.matcher(text);
            while (m.find()) if (m.end() > m.start()) out.add(new TextSpan(m.start(), m.end()));
            return out;
        }
        @Override public TransformSpec spec() { return TransformSpec.of("text.tokenize.regex", Map.of("pattern", pattern.pattern())); }
    }

    /** Maximal runs of the ASCII characters marked in {@code member}: the matches of {@code pattern}. */
    record AsciiRuns(String pattern, boolean[] member) implements Tokenizer {
        /** {@code [ranges]+} where each range is a letter, digit or '_' (optionally {@code x-y}). */
        private static final Pattern CLASS_RUN = Pattern.compile("\\[((?:[A-Za-z0-9_](?:-[A-Za-z0-9_])?)+)\\]\\+");
        private static final Pattern RANGE = Pattern.compile("([A-Za-z0-9_])(?:-([A-Za-z0-9_]))?");

        public AsciiRuns {
            member = member.clone();
        }

        /** The scanner for {@code pattern}, or null when the pattern is not a simple ASCII class run. */
        static AsciiRuns of(String pattern) {
            Matcher m = CLASS_RUN.matcher(pattern);
            if (!m.matches()) return null;
            boolean[] in = new boolean[128];
            Matcher r = RANGE.matcher(m.group(1));
            while (r.find()) {
                char lo = r.group(1).charAt(0);
                char hi = r.group(2) == null ? lo : r.group(2).charAt(0);
                if (hi < lo) return null; // let java.util.regex report the bad range
                for (char c = lo; c <= hi; c++) in[c] = true;
            }
            return new AsciiRuns(pattern, in);
        }

        @Override public List<TextSpan> spans(String text) {
            List<TextSpan> out = new ArrayList<>();
            scan(text, (start, end) -> out.add(new TextSpan(start, end)));
            return out;
        }

        /** Same as the default, without the intermediate spans (this is the hot path of bulk jobs). */
        @Override public List<String> tokenize(String text) {
            List<String> out = new ArrayList<>();
            scan(text, (start, end) -> out.add(text.substring(start, end)));
            return out;
        }

        private interface RunSink {
            void run(int start, int end);
        }

        private void scan(String text, RunSink sink) {
            int n = text.length();
            int i = 0;
            while (i < n) {
                char c = text.charAt(i);
                if (c >= 128 || !member[c]) {
                    i++;
                    continue;
                }
                int start = i;
                while (++i < n && (c = text.charAt(i)) < 128 && member[c]) { /* extend the run */ }
                sink.run(start, i);
            }
        }

        @Override public TransformSpec spec() { return TransformSpec.of("text.tokenize.regex", Map.of("pattern", pattern)); }
        @Override public boolean equals(Object o) { return o instanceof AsciiRuns a && a.pattern.equals(pattern); }
        @Override public int hashCode() { return pattern.hashCode(); }
        @Override public String toString() { return spec().toString(); }
    }

    /** Runs of Python-{@code \w} characters of at least {@code minLength} code points. */
    record WordRuns(int minLength) implements Tokenizer {
        public WordRuns {
            if (minLength < 1) throw new IllegalArgumentException("minLength must be >= 1, got " + minLength);
        }
        @Override public List<TextSpan> spans(String text) {
            List<TextSpan> out = new ArrayList<>();
            int n = text.length();
            int i = 0;
            while (i < n) {
                int cp = text.codePointAt(i);
                if (!isPythonWordChar(cp)) {
                    i += Character.charCount(cp);
                    continue;
                }
                int start = i;
                int count = 0;
                while (i < n) {
                    cp = text.codePointAt(i);
                    if (!isPythonWordChar(cp)) break;
                    count++;
                    i += Character.charCount(cp);
                }
                if (count >= minLength) out.add(new TextSpan(start, i));
            }
            return out;
        }
        @Override public TransformSpec spec() { return TransformSpec.of("text.tokenize.sklearn", Map.of("minLength", minLength)); }
    }

    /** Python's {@code \w} on str: letters, numbers of every kind, and '_'. */
    static boolean isPythonWordChar(int cp) {
        if (cp < 128) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    private static List<TextSpan> fromSpans(Span[] spans) {
        List<TextSpan> out = new ArrayList<>(spans.length);
        for (Span s : spans) out.add(new TextSpan(s.getStart(), s.getEnd()));
        return out;
    }
}
