package dev.cauce.preprocess.video;

import dev.cauce.preprocess.image.Image;
import dev.cauce.preprocess.image.ImageCodec;
import org.junit.jupiter.api.Test;
import java.nio.file.*;

class ProbeTest {
    @Test
    void probe() throws Exception {
        try (var s = Files.list(TestData.SHARED_VIDEO)) {
            for (Path p : s.filter(f -> !f.toString().endsWith(".tsv")).sorted().toList()) {
                long t0 = System.nanoTime();
                try (VideoReader r = VideoReader.open(p)) {
                    var tl = r.timeline();
                    System.out.println(p.getFileName() + " " + r.info() + " count=" + tl.count() + " dur=" + tl.durationMicros()
                            + " first=" + tl.timestampMicros(0) + " last=" + tl.timestampMicros(tl.count() - 1) + " ms=" + (System.nanoTime() - t0) / 1e6);
                }
            }
        }
        try (VideoReader r = VideoReader.open(TestData.sample("realshort.mp4"))) {
            var fr = r.frames(new int[] {0, 35});
            for (int k = 0; k < 2; k++) {
                Image g = ImageCodec.decode(Path.of("src/test/resources/video/realshort_f0" + (k == 0 ? "00" : "35") + ".png"));
                byte[] a = fr.get(k).toBytes(), b = g.toBytes();
                long sum = 0; int max = 0;
                for (int i = 0; i < a.length; i++) { int d = Math.abs((a[i] & 255) - (b[i] & 255)); sum += d; max = Math.max(max, d); }
                System.out.println("frame diff mean=" + (double) sum / a.length + " max=" + max + " " + g);
            }
        }
    }
}
