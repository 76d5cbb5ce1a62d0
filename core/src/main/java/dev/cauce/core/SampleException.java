package dev.cauce.core;

/** A failure tied to one sample; the message starts with the sample's source so a user can find it. */
public class SampleException extends RuntimeException {
    private final String source;

    public SampleException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
    }

    public SampleException(String source, String problem) {
        this(source, problem, null);
    }

    public String source() {
        return source;
    }

    /** The one-line problem without the source prefix. */
    public String problem() {
        String m = getMessage();
        return m.substring(Math.min(m.length(), source.length() + 2));
    }
}
