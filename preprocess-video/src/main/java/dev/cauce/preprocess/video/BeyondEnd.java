package dev.cauce.preprocess.video;

/**
 * What a sampler does when asked for more frames than the video holds (or for a clip that runs past
 * the last frame). The user chooses; nothing ever waits for frames that do not exist.
 */
public enum BeyondEnd {
    /** Throw an {@link IllegalArgumentException} that names the request and the frame count. */
    ERROR,
    /** Repeat the last decodable frame for every missing position. */
    PAD_LAST;

    /**
     * Checks a request for {@code wanted} frames (or a span of them) against {@code available}:
     * never allowed with no frames at all, an error under {@link #ERROR} when too few.
     */
    void check(int wanted, int available, String what) {
        if (available == 0) {
            throw new IllegalArgumentException(what + ": the video has no decodable frames");
        }
        if (wanted > available && this == ERROR) {
            throw new IllegalArgumentException(what + ": asked for " + wanted + " frames but the video has only "
                    + available + " decodable frames (pad with the last frame instead: BeyondEnd.PAD_LAST, or --short pad on the command line)");
        }
    }
}
