package dev.cauce.preprocess.video;

import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.core.spec.SpecRoundTrip;
import dev.cauce.core.spec.TransformRegistry;
import dev.cauce.preprocess.image.Image;
import dev.cauce.preprocess.image.ImageTransforms;
import dev.cauce.preprocess.image.Interpolation;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** video.per_frame: spec, rebuild, same spec, same frames on a real clip. */
class VideoTransformProviderTest {

    @Test
    void perFrameRoundTripsWithTheSameOutput() throws Exception {
        Clip clip;
        try (VideoReader r = VideoReader.open(Path.of("..", "samples", "video", "realshort.mp4"))) {
            clip = r.clip(new int[] {0, 3, 6});
        }
        Transform<Clip, Clip> t = new PerFrame(new ImageTransforms.Resize(32, 24, Interpolation.AREA));
        Transform<Clip, Clip> rebuilt = SpecRoundTrip.rebuild(TransformRegistry.load(), t);
        assertEquals(t.spec(), rebuilt.spec());
        Clip a = t.apply(clip, Rng.of(1, 0, 0, 0));
        assertEquals(a, rebuilt.apply(clip, Rng.of(1, 0, 0, 0)));
        assertEquals(List.of(32, 32, 32), a.frames().stream().map(Image::width).toList());
    }
}
