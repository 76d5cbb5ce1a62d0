package dev.cauce.preprocess.video;

/**
 * What a sampler does when asked for more frames than the video holds (or for a clip that runs past
 * the last frame). The user chooses; nothing ever waits for frames that do not exist.
 */
public enum BeyondEnd {
    /** Throw an {@link IllegalArgumentException} that names the request and the frame count. */
    ERROR,
    /** Repeat the last decodable frame for every missing position. */
    PAD_LAST
}
