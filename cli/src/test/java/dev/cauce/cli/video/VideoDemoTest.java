package dev.cauce.cli.video;

import dev.cauce.preprocess.image.ImageCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VideoDemoTest {

    @Test
    void demoSectionReportsTheLyingHeaderAndWritesItsPictures(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        new VideoDemo().run(Path.of("..", "samples"), dir, new PrintStream(buf, true, StandardCharsets.UTF_8));
        String text = buf.toString(StandardCharsets.UTF_8);
        System.out.printf("%s(%.1f s)%n", text, (System.nanoTime() - t0) / 1e9);
        assertTrue(text.contains("tree.avi: header declares 444 frames, 68 decode"), text);
        assertTrue(text.contains("uniform 8 -> [0, 5, 10, 15, 20, 25, 30, 35]"), text);
        for (String png : new String[] {"video-tree-motion.png", "video-realshort-uniform.png", "video-realshort-flow.png"}) {
            assertEquals(3, ImageCodec.decode(dir.resolve(png)).channels(), png);
        }
    }
}
