package dev.cauce.preprocess.video;

import java.nio.file.Path;

/**
 * What a video's container and stream headers say, read without decoding. The declared frame count
 * is only a claim (tree.avi declares 444 and holds 68): use {@link VideoReader#frameCount()} for the
 * frames that really decode.
 *
 * @param path           the file
 * @param width          frame width in pixels
 * @param height         frame height in pixels
 * @param frameRate      nominal frames per second of the video stream
 * @param durationMicros container duration in microseconds (0 when unknown)
 * @param declaredFrames frame count the stream header declares (its {@code nb_frames}), or the
 *                       duration times the rate when the header has none
 * @param codec          the video codec's short name (e.g. {@code h264})
 * @param hasAudio       whether the file also carries an audio stream
 */
public record VideoInfo(Path path, int width, int height, double frameRate, long durationMicros,
                        long declaredFrames, String codec, boolean hasAudio) {

    /** The container duration in seconds. */
    public double durationSeconds() {
        return durationMicros / 1e6;
    }
}
