package dev.cauce.preprocess.video;

import dev.cauce.core.Transform;
import dev.cauce.core.spec.SpecException;
import dev.cauce.core.spec.TransformFactory;
import dev.cauce.core.spec.TransformProvider;
import dev.cauce.preprocess.image.Image;

import java.util.List;

/** The video module's transforms for {@link dev.cauce.core.spec.TransformRegistry}: {@code video.per_frame}. */
public final class VideoTransformProvider implements TransformProvider {

    @Override
    @SuppressWarnings("unchecked")
    public List<TransformFactory> transforms() {
        return List.of(new TransformFactory("video.per_frame", Clip.class, Clip.class,
                "an Image -> Image transform on every frame (child), each frame drawing its own parameters", (p, children) -> {
                    if (children.size() != 1) throw new SpecException(p.path() + ".children", "needs exactly one child, got " + children.size());
                    return new PerFrame((Transform<Image, Image>) children.get(0));
                }));
    }
}
