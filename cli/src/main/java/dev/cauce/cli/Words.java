package dev.cauce.cli;

import java.util.Locale;

/** Small wording helpers for what the commands print. */
public final class Words {
    private Words() {
    }

    /** "1 epoch", "2 epochs", "0 threads": the count and the noun, plural unless the count is one. */
    public static String count(long n, String noun) {
        return String.format(Locale.ROOT, "%d %s", n, n == 1 ? noun : noun + "s");
    }
}
