package dev.cauce.preprocess.video;

import dev.cauce.preprocess.image.Image;
import dev.cauce.preprocess.image.ImageOps;
import dev.cauce.preprocess.image.Interpolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
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

    /** {VmRSS, VmRSS minus the committed Java heap}, in KB. */
    private static long[] memoryKb() throws IOException {
        long rss = rssKb();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / 1024;
        return new long[] {rss, rss - heap};
    }

    private static long[] settledMemoryKb() throws Exception {
        System.gc(); // lets unreachable direct buffers and javacpp pointers release their memory,
        Thread.sleep(200); // which their cleaner threads do shortly after the collection
        return memoryKb();
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
        // Resident memory outside the committed Java heap isolates native growth from heap resizing.
        long[] start = settledMemoryKb();
        long peakRss = start[0];
        long peakNative = start[1];
        for (int i = 0; i < 500; i++) {
            cycle(clip, i % 3);
            if (i % 50 == 49) {
                long[] now = memoryKb();
                peakRss = Math.max(peakRss, now[0]);
                peakNative = Math.max(peakNative, now[1]);
            }
        }
        long[] end = settledMemoryKb();
        System.out.printf("RSS start %d MB, end %d MB, peak %d MB; outside the heap: start %d MB, end %d MB, peak %d MB%n",
                start[0] / 1024, end[0] / 1024, Math.max(peakRss, end[0]) / 1024,
                start[1] / 1024, end[1] / 1024, Math.max(peakNative, end[1]) / 1024);
        assertTrue(end[0] - start[0] < 50 * 1024, "RSS grew from " + start[0] / 1024 + " MB to " + end[0] / 1024 + " MB");
        assertTrue(end[1] - start[1] < 50 * 1024,
                "memory outside the Java heap grew from " + start[1] / 1024 + " MB to " + end[1] / 1024 + " MB");
    }
}
