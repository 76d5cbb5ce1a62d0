package dev.cauce.preprocess.text;

import java.util.regex.Pattern;

/**
 * The header block of an RFC 822 message. The body starts after the first blank line, the
 * convention scikit-learn's and NLTK's references use (MIME, HTML and base64 parts are not decoded).
 */
public final class EmailText {
    private EmailText() { }

    /** A header line: a field name, a colon; or the mbox "From " separator line. */
    private static final Pattern HEADER_LINE = Pattern.compile("^(From |[!-9;-~]+:)");

    /** Byte offset where the body starts: after the first {@code \n\n}; {@code -1} when there is none. */
    public static int bodyOffset(byte[] raw) {
        for (int i = 0; i + 1 < raw.length; i++) {
            if (raw[i] == '\n' && raw[i + 1] == '\n') return i + 2;
        }
        return -1;
    }

    /**
     * Strips the header block when the text starts with a header line; other text is returned
     * unchanged (so a plain document never loses its first paragraph). A message whose header
     * block never ends has an empty body. Both {@code \n\n} and {@code \r\n\r\n} end the headers.
     */
    public static String stripHeaders(String text) {
        if (!HEADER_LINE.matcher(text).lookingAt()) return text;
        int lf = text.indexOf("\n\n");
        int crlf = text.indexOf("\r\n\r\n");
        if (lf < 0 && crlf < 0) return "";
        if (crlf >= 0 && (lf < 0 || crlf < lf)) return text.substring(crlf + 4);
        return text.substring(lf + 2);
    }
}
