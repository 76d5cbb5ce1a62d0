package dev.cauce.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Range checks for command-line option values, done in the command before any object is built so
 * that the error names the option the user typed (not an internal parameter), its value and the
 * allowed range. Every failure is a {@link Main.UsageException} (exit code 2).
 */
public final class OptionChecks {

    private OptionChecks() {
    }

    /** Requires {@code value >= min}. */
    public static void atLeast(String option, long value, long min) {
        if (value < min) throw new Main.UsageException(option + " must be >= " + min + ", got " + value);
    }

    /** Requires a finite {@code value > 0}. */
    public static void positive(String option, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new Main.UsageException(option + " must be a finite number > 0, got " + fmt(value));
        }
    }

    /** Requires a finite {@code value >= 0}. */
    public static void nonNegative(String option, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new Main.UsageException(option + " must be a finite number >= 0, got " + fmt(value));
        }
    }

    /** Requires {@code lo <= value <= hi}. */
    public static void inRange(String option, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new Main.UsageException(option + " must be in [" + fmt(lo) + ", " + fmt(hi) + "], got " + fmt(value));
        }
    }

    /**
     * {@code in} must be an existing folder. A wrong input path is the user's typo, not a failed
     * conversion, so it is a usage error naming the option; {@code expected} says what the folder
     * should hold (e.g. "a folder of class sub-folders").
     */
    public static void inputFolder(String option, Path in, String expected) {
        inputExists(option, in, "folder");
        if (!Files.isDirectory(in)) throw new Main.UsageException(option + " " + in + ": is a file, expected " + expected);
    }

    /** {@code in} must exist (a file or a folder); {@code kind} names what was expected ("file or folder"). */
    public static void inputExists(String option, Path in, String kind) {
        if (!Files.exists(in)) throw new Main.UsageException(option + " " + in + ": no such " + kind);
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }
}
