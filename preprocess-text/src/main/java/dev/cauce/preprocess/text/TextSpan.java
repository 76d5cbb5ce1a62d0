package dev.cauce.preprocess.text;

/** A half-open range {@code [start, end)} of UTF-16 indices into a text. */
public record TextSpan(int start, int end) {
    public TextSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("span must satisfy 0 <= start <= end, got [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }

    /** The covered characters of {@code text}. */
    public String of(CharSequence text) {
        return text.subSequence(start, end).toString();
    }
}
