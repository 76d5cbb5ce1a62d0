package dev.cauce.augment.text;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which letters sit next to which on a physical keyboard, for realistic typos. Built from the
 * letter rows and their horizontal stagger: two keys are neighbours when they are side by side in
 * a row, or in adjacent rows less than one key width apart. Only letters are produced, never
 * digits, whitespace or punctuation.
 */
public record KeyboardLayout(String name, Map<Integer, String> neighbours) {

    public KeyboardLayout {
        neighbours = Map.copyOf(neighbours);
    }

    /** US QWERTY. */
    public static KeyboardLayout usQwerty() {
        return fromRows("us-qwerty", new String[] {"qwertyuiop", "asdfghjkl", "zxcvbnm"}, new double[] {0, 0.25, 0.75}, Map.of());
    }

    /**
     * Spanish (Spain) ISO layout: ñ right of l. Accented vowels are typed with the dead key ´, so
     * their typos are the bare vowel (the accent dropped) or a neighbour of the vowel; a bare vowel
     * may also gain the accent by mistake.
     */
    public static KeyboardLayout spanish() {
        Map<Integer, String> extra = new HashMap<>();
        String plain = "aeiouu";
        String accented = "áéíóúü";
        for (int i = 0; i < accented.length(); i++) {
            extra.put((int) accented.charAt(i), String.valueOf(plain.charAt(i)));
            extra.merge((int) plain.charAt(i), String.valueOf(accented.charAt(i)), String::concat);
        }
        return fromRows("es", new String[] {"qwertyuiop", "asdfghjklñ", "zxcvbnm"}, new double[] {0, 0.25, 0.75}, extra);
    }

    /** By name: {@code us} / {@code us-qwerty} or {@code es}. */
    public static KeyboardLayout named(String name) {
        return switch (name) {
            case "us", "us-qwerty" -> usQwerty();
            case "es" -> spanish();
            default -> throw new IllegalArgumentException("unknown keyboard layout '" + name + "'; use us or es");
        };
    }

    /** The neighbours of a lowercase letter ("" when it has none on this layout). */
    public String of(int lowercaseLetter) {
        return neighbours.getOrDefault(lowercaseLetter, "");
    }

    private static KeyboardLayout fromRows(String name, String[] rows, double[] offsets, Map<Integer, String> extra) {
        Map<Integer, Set<Integer>> adj = new HashMap<>();
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length(); c++) {
                int key = rows[r].charAt(c);
                double x = c + offsets[r];
                Set<Integer> set = adj.computeIfAbsent(key, k -> new LinkedHashSet<>());
                for (int r2 = Math.max(0, r - 1); r2 <= Math.min(rows.length - 1, r + 1); r2++) {
                    for (int c2 = 0; c2 < rows[r2].length(); c2++) {
                        double dx = Math.abs(c2 + offsets[r2] - x);
                        boolean near = r2 == r ? dx == 1 : dx < 1;
                        if (near) set.add((int) rows[r2].charAt(c2));
                    }
                }
            }
        }
        Map<Integer, String> out = new HashMap<>();
        for (var e : adj.entrySet()) {
            StringBuilder sb = new StringBuilder();
            e.getValue().forEach(sb::appendCodePoint);
            out.put(e.getKey(), sb.toString());
        }
        for (var e : extra.entrySet()) {
            String base = e.getValue();
            // an accented vowel also inherits the neighbours of its bare vowel
            String inherited = base.length() == 1 && !adj.containsKey(e.getKey()) ? out.getOrDefault((int) base.charAt(0), "") : "";
            out.merge(e.getKey(), base + inherited, String::concat);
        }
        return new KeyboardLayout(name, out);
    }
}
