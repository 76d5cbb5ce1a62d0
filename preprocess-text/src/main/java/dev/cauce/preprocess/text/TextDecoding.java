package dev.cauce.preprocess.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * How raw bytes become text. Nothing is lost silently: {@link #UTF8_STRICT} refuses invalid input
 * and names the byte offset of the first bad sequence; {@link #UTF8_REPLACE} is the user's explicit
 * choice to map bad bytes to U+FFFD; {@link #LATIN1} maps every byte to one char (U+0000..U+00FF),
 * the reading scikit-learn's and NLTK's references use for the mixed-charset SpamAssassin mails.
 */
public enum TextDecoding {
    UTF8_STRICT, UTF8_REPLACE, LATIN1;

    /** Bytes scanned for NUL when deciding whether a file is binary. */
    private static final int BINARY_PROBE = 8192;

    /**
     * Decodes {@code bytes}; {@code source} names the input in error messages.
     *
     * @throws IllegalArgumentException for a binary file (a NUL byte in its first 8 KiB) or, under
     *                                  {@link #UTF8_STRICT}, invalid UTF-8 (the message gives the byte offset)
     */
    public String decode(byte[] bytes, String source) {
        if (looksBinary(bytes)) {
            throw new IllegalArgumentException(source + ": looks like a binary file (NUL byte at offset "
                    + firstNul(bytes) + "), not text");
        }
        return switch (this) {
            case LATIN1 -> new String(bytes, StandardCharsets.ISO_8859_1);
            case UTF8_REPLACE -> new String(bytes, StandardCharsets.UTF_8);
            case UTF8_STRICT -> strictUtf8(bytes, source);
        };
    }

    /** True when a NUL byte occurs in the first 8 KiB: text files never contain one. */
    public static boolean looksBinary(byte[] bytes) {
        return firstNul(bytes) >= 0;
    }

    private static int firstNul(byte[] bytes) {
        int n = Math.min(bytes.length, BINARY_PROBE);
        for (int i = 0; i < n; i++) if (bytes[i] == 0) return i;
        return -1;
    }

    private static String strictUtf8(byte[] bytes, String source) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = dec.decode(in, out, true);
        if (r.isError()) {
            throw new IllegalArgumentException(source + ": invalid UTF-8 at byte offset " + in.position()
                    + " (" + r.length() + " bad byte" + (r.length() == 1 ? "" : "s")
                    + "); decode with replacement or as latin-1 if that is what you want");
        }
        r = dec.flush(out);
        if (r.isError()) {
            try {
                r.throwException();
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException(source + ": invalid UTF-8 at end of input", e);
            }
        }
        out.flip();
        return out.toString();
    }
}
