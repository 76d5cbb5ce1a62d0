package dev.cauce.preprocess.text.word2vec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain corpus preparation the word2vec peers use: lowercase, split into sentences at every
 * run of {@code . ! ?}, take the matches of a token pattern in each, drop empty sentences. No
 * sentence is ever truncated.
 */
public final class Sentences {
    /** Runs of ASCII letters, the pattern of the gensim peer script. */
    public static final Pattern ASCII_WORDS = Pattern.compile("[a-z]+");
    /** Runs of letters and combining marks in any script. */
    public static final Pattern LETTER_WORDS = Pattern.compile("[\\p{L}\\p{M}]+");
    private static final Pattern ENDS = Pattern.compile("[.!?]+");

    private Sentences() { }

    public static List<List<String>> split(String text, Pattern tokens) {
        List<List<String>> out = new ArrayList<>();
        for (String s : ENDS.split(text.toLowerCase(Locale.ROOT))) {
            List<String> t = new ArrayList<>();
            Matcher m = tokens.matcher(s);
            while (m.find()) t.add(m.group());
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }
}
