package dev.cauce.augment.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Character groups that optical character recognition confuses: 0/O, 1/l/I, rn/m, cl/d, 5/S, 8/B,
 * vv/w, 2/Z, 6/b, 9/g, e/c, u/v, h/b. Each entry maps what is on the page to what the OCR reads.
 */
public final class OcrConfusions {
    private OcrConfusions() { }

    /** A confusion: {@code from} on the page is read as {@code to}. */
    public record Confusion(String from, String to) { }

    /** Both directions of each pair, longest {@code from} first (so "rn" wins over "r"). */
    public static final List<Confusion> DEFAULT;

    static {
        String[][] pairs = {{"0", "O"}, {"0", "o"}, {"1", "l"}, {"1", "I"}, {"l", "I"}, {"rn", "m"}, {"cl", "d"},
                {"5", "S"}, {"5", "s"}, {"8", "B"}, {"vv", "w"}, {"2", "Z"}, {"6", "b"}, {"9", "g"}, {"e", "c"},
                {"u", "v"}, {"h", "b"}, {"ii", "u"}, {"nn", "m"}};
        List<Confusion> all = new ArrayList<>();
        for (String[] p : pairs) {
            all.add(new Confusion(p[0], p[1]));
            all.add(new Confusion(p[1], p[0]));
        }
        all.sort(Comparator.comparingInt((Confusion c) -> -c.from().length()));
        DEFAULT = List.copyOf(all);
    }
}
