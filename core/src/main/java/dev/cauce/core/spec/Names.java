package dev.cauce.core.spec;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean" suggestions: known names within a small edit distance of a misspelt one. */
public final class Names {
    private Names() { }

    /** Known names at most {@code max(2, length/3)} edits from {@code name} (case-insensitive), closest first. */
    public static List<String> closeMatches(String name, List<String> known) {
        String n = name.toLowerCase(Locale.ROOT);
        int limit = Math.max(2, n.length() / 3);
        return known.stream()
                .filter(k -> distance(n, k.toLowerCase(Locale.ROOT)) <= limit
                        || (n.length() >= 4 && k.toLowerCase(Locale.ROOT).contains(n)))
                .sorted(Comparator.comparingInt((String k) -> distance(n, k.toLowerCase(Locale.ROOT))).thenComparing(k -> k))
                .limit(3)
                .toList();
    }

    /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
