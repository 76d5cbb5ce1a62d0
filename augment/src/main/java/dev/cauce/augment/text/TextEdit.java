package dev.cauce.augment.text;

/**
 * Replace the original characters {@code [start, end)} by {@code replacement}. An insertion has
 * {@code start == end}; a deletion an empty replacement. Offsets always refer to the ORIGINAL text,
 * so a list of edits can be planned first and applied once.
 */
public record TextEdit(int start, int end, String replacement) {
    public TextEdit {
        if (start < 0 || end < start) throw new IllegalArgumentException("edit needs 0 <= start <= end, got [" + start + ", " + end + ")");
        if (replacement == null) throw new IllegalArgumentException("replacement must not be null (use \"\" to delete)");
    }
}
