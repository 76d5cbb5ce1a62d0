package dev.cauce.preprocess.video;

import dev.cauce.preprocess.image.Image;
import dev.cauce.preprocess.image.ImageOps;
import dev.cauce.preprocess.image.Interpolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening, reading and closing many times must not grow native memory. */
class SoakTest {

    private static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D+", ""));
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }

    private static void cycle(Path clip, int index) throws IOException {
        try (VideoReader r = VideoReader.open(clip)) {
            Image f = r.frame(index);
            assertEquals(80, f.width());
        }
    }

    @Test
    void fiveHundredOpenReadCloseCyclesKeepResidentMemoryFlat(@TempDir Path dir) throws Exception {
        // A tiny clip keeps the soak fast: what is measured is open/decode/close, not pixel work.
        List<Image> small = new ArrayList<>();
        try (VideoReader r = VideoReader.open(TestData.sample("tree.avi"))) {
            for (Image f : r.frames(new int[] {0, 30, 60})) small.add(ImageOps.resize(f, 80, 60, Interpolation.AREA));
        }
        Path clip = LosslessVideo.write(dir.resolve("tiny.mkv"), small, 10);
        for (int i = 0; i < 20; i++) cycle(clip, i % 3); // warm up: natives loaded, JIT settled
        System.gc();
        long start = rssKb();
        long peak = start;
        for (int i = 0; i < 500; i++) {
            cycle(clip, i % 3);
            if (i % 50 == 0) peak = Math.max(peak, rssKb());
        }
        long end = rssKb();
        System.out.printf("RSS start %d MB, end %d MB, peak %d MB%n", start / 1024, end / 1024, peak / 1024);
        assertTrue(Math.max(peak, end) - start < 50 * 1024, "RSS grew from " + start / 1024 + " MB to " + Math.max(peak, end) / 1024 + " MB");
    }
}
