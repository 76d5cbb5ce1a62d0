package dev.cauce.core.spec;

/**
 * A pipeline or transform spec the user wrote is wrong. The message is one line that starts with
 * the key path of the offending entry, e.g. {@code transforms[2].params.degrees: 720 is out of
 * range, allowed [-360, 360]}, so the user can find it in the file.
 */
public final class SpecException extends IllegalArgumentException {
    private final String path;

    public SpecException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
    }

    public SpecException(String path, String problem, Throwable cause) {
        super(path + ": " + problem, cause);
        this.path = path;
    }

    /** The key path of the wrong entry, e.g. {@code transforms[2].params.degrees}. */
    public String path() {
        return path;
    }
}
