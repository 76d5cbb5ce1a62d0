package dev.cauce.augment.video;

import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;
import dev.cauce.preprocess.image.BorderMode;
import dev.cauce.preprocess.image.Image;
import dev.cauce.preprocess.image.ImageOps;
import dev.cauce.preprocess.image.Interpolation;
import dev.cauce.preprocess.video.Clip;
import dev.cauce.preprocess.video.PerFrame;
import dev.cauce.preprocess.video.VideoReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class ClipConsistentTest {
    private static Clip clip;

    @BeforeAll
    static void readClip() throws IOException {
        try (VideoReader r = VideoReader.open(Path.of("..", "samples", "video", "realshort.mp4"))) {
            clip = r.clip(new int[] {0, 10, 20, 30});
        }
    }

    /**
     * A random rotation plus random crop written the way every Cauce augmentation is: it samples
     * its parameters from the Rng and calls pure ops. It records what it drew.
     */
    private record RandomRotateCrop(List<double[]> drawn) implements Transform<Image, Image> {
        @Override
        public Image apply(Image img, Rng rng) {
            double degrees = rng.uniform(-20, 20);
            int x = rng.nextInt(0, 40);
            int y = rng.nextInt(0, 30);
            synchronized (drawn) {
                drawn.add(new double[] {degrees, x, y});
            }
            Image r = ImageOps.rotate(img, degrees, Interpolation.BILINEAR, BorderMode.CONSTANT, 0);
            return ImageOps.crop(r, x, y, 256, 192);
        }

        @Override
        public TransformSpec spec() {
            return TransformSpec.of("test.random_rotate_crop", Map.of());
        }
    }

    @Test
    void everyFrameGetsTheSameParametersAndEqualsTheOpWithThem() {
        List<double[]> drawn = new ArrayList<>();
        Clip out = new ClipConsistent(new RandomRotateCrop(drawn)).apply(clip, Rng.of(5, 0, 3, 0));
        assertEquals(clip.length(), drawn.size());
        for (double[] d : drawn) assertEquals(List.of(drawn.getFirst()[0], drawn.getFirst()[1], drawn.getFirst()[2]), List.of(d[0], d[1], d[2]));
        double[] p = drawn.getFirst();
        for (int t = 0; t < clip.length(); t++) {
            Image expected = ImageOps.crop(ImageOps.rotate(clip.frames().get(t), p[0], Interpolation.BILINEAR, BorderMode.CONSTANT, 0),
                    (int) p[1], (int) p[2], 256, 192);
            assertEquals(expected, out.frames().get(t), "frame " + t);
        }
        assertEquals(clip.source(), out.source());
        assertEquals(List.of(0, 10, 20, 30), java.util.Arrays.stream(out.indices()).boxed().toList());
    }

    @Test
    void sameKeySameClipOtherKeyOtherParameters() {
        ClipConsistent t = new ClipConsistent(new RandomRotateCrop(new ArrayList<>()));
        assertEquals(t.apply(clip, Rng.of(5, 0, 3, 0)), t.apply(clip, Rng.of(5, 0, 3, 0)));
        assertNotEquals(t.apply(clip, Rng.of(5, 0, 3, 0)), t.apply(clip, Rng.of(5, 1, 3, 0)));
    }

    @Test
    void perFrameDrawsIndependentlyPerFrame() {
        List<double[]> drawn = new ArrayList<>();
        new PerFrame(new RandomRotateCrop(drawn)).apply(clip, Rng.of(5, 0, 3, 0));
        assertEquals(4, drawn.stream().map(d -> d[0]).distinct().count(), "four frames, four angles");
    }
}
