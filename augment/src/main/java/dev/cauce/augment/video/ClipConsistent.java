package dev.cauce.augment.video;

import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;
import dev.cauce.preprocess.image.Image;
import dev.cauce.preprocess.video.Clip;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies one random image transform to every frame of a clip with the SAME random parameters, so
 * a clip is flipped, cropped or rotated as a whole and its motion stays intact.
 *
 * <p>How: random transforms only sample their parameters from the {@link Rng} they are given
 * (ARCHITECTURE.md §2.2). Every frame receives a fresh generator with the same key,
 * {@code rng.child(0)}, so each frame's transform draws exactly the same numbers and therefore the
 * same parameters, whatever the transform is. Different clips (different keys) still get different
 * parameters. For independent per-frame randomness use {@link dev.cauce.preprocess.video.PerFrame}.
 *
 * @param frameTransform the transform for one frame; it must draw its randomness only from its Rng
 */
public record ClipConsistent(Transform<Image, Image> frameTransform) implements Transform<Clip, Clip> {

    public ClipConsistent {
        Objects.requireNonNull(frameTransform, "frameTransform");
    }

    @Override
    public Clip apply(Clip clip, Rng rng) {
        return clip.map(frameTransform, t -> rng.child(0)); // a fresh generator per frame, same key
    }

    @Override
    public TransformSpec spec() {
        return new TransformSpec("video.clip_consistent", Map.of(), List.of(frameTransform.spec()));
    }
}
