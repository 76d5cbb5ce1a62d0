package dev.cauce.preprocess.video;

import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;
import dev.cauce.preprocess.image.Image;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An image transform applied to every frame of a clip, each frame drawing its own random numbers
 * (frame t from {@code rng.child(t)}): right for deterministic steps (resize, normalise) and for
 * augmentations that should differ per frame. For one set of parameters for the whole clip, use the
 * clip-consistent wrapper in {@code dev.cauce.augment.video}.
 *
 * @param frameTransform the transform for one frame
 */
public record PerFrame(Transform<Image, Image> frameTransform) implements Transform<Clip, Clip> {

    public PerFrame {
        Objects.requireNonNull(frameTransform, "frameTransform");
    }

    @Override
    public Clip apply(Clip clip, Rng rng) {
        return clip.map(frameTransform, rng::child);
    }

    @Override
    public TransformSpec spec() {
        return new TransformSpec("video.per_frame", Map.of(), List.of(frameTransform.spec()));
    }
}
