package dev.cauce.preprocess.video;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cauce.core.io.NdArray;
import dev.cauce.core.io.Npy;
import dev.cauce.preprocess.image.Image;
import dev.cauce.preprocess.image.ImageOps;
import dev.cauce.preprocess.image.Interpolation;
import dev.cauce.preprocess.image.ImageCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class VideoReaderTest {

    private static JsonNode ffprobe(String video) {
        return TestData.goldenFrames().get(video).get("ffprobe");
    }

    @Test
    void bundledClipsDecodeTheGoldenFrameCount() throws IOException {
        for (String name : List.of("realshort.mp4", "tree.avi")) {
            JsonNode golden = ffprobe(name);
            try (VideoReader r = VideoReader.open(TestData.sample(name))) {
                assertEquals(golden.get("nb_read_frames").asInt(), r.frameCount(), name + " decodable frames");
                assertEquals(golden.get("nb_frames").asLong(), r.info().declaredFrames(), name + " declared frames");
                assertEquals(golden.get("width").asInt(), r.info().width(), name);
                assertEquals(golden.get("height").asInt(), r.info().height(), name);
                assertEquals(golden.get("r_frame_rate_value").asDouble(), r.info().frameRate(), 1e-9, name);
            }
        }
    }

    @Test
    void treeAviHeaderClaimsFarMoreFramesThanDecode() throws IOException {
        try (VideoReader r = VideoReader.open(TestData.sample("tree.avi"))) {
            assertEquals(444, r.info().declaredFrames());
            assertEquals(68, r.frameCount());
            // The 68 frames are spread over the 29.6 s the stream lasts, not packed at 15 fps.
            assertEquals(29.6, r.timeline().durationMicros() / 1e6, 0.01);
        }
    }

    @Test
    void everySharedVideoDecodesTheGoldenFrameCount() throws IOException {
        assumeTrue(Files.isDirectory(TestData.SHARED_VIDEO), "shared reference videos not present");
        List<Path> videos;
        try (Stream<Path> s = Files.list(TestData.SHARED_VIDEO)) {
            videos = s.filter(p -> p.toString().matches(".*\\.(avi|mp4)$")).sorted().toList();
        }
        assertEquals(5, videos.size());
        for (Path v : videos) {
            JsonNode golden = ffprobe(v.getFileName().toString());
            try (VideoReader r = VideoReader.open(v)) {
                assertEquals(golden.get("nb_read_frames").asInt(), r.frameCount(), v + " decodable frames");
                assertEquals(golden.get("nb_frames").asLong(), r.info().declaredFrames(), v + " declared frames");
                long[] ts = r.timeline().timestampsMicros();
                for (int i = 1; i < ts.length; i++) assertTrue(ts[i] > ts[i - 1], v + " timestamps increase at " + i);
            }
        }
    }

    @Test
    void realshortFramesEqualOpenCvPythonsDecode() throws IOException {
        // Golden PNGs: frames 0 and 35 as OpenCV-Python 4.6 (FFmpeg 5.1) decodes them (see NOTICE).
        try (VideoReader r = VideoReader.open(TestData.sample("realshort.mp4"))) {
            List<Image> frames = r.frames(new int[] {35, 0});
            assertEquals(goldenPng("realshort_f035.png"), frames.get(0));
            assertEquals(goldenPng("realshort_f000.png"), frames.get(1));
        }
    }

    private static Image goldenPng(String name) throws IOException {
        try (var in = VideoReaderTest.class.getResourceAsStream("/video/" + name)) {
            return ImageCodec.decode(in.readAllBytes(), name);
        }
    }

    @Test
    void losslessVideoReadsBackExactlyByIndexAndByTime(@TempDir Path dir) throws Exception {
        List<Image> written;
        try (VideoReader r = VideoReader.open(TestData.sample("realshort.mp4"))) {
            written = r.frames(new int[] {0, 7, 14, 21, 28});
        }
        Path video = LosslessVideo.write(dir.resolve("five.mkv"), written, 5);
        try (VideoReader r = VideoReader.open(video)) {
            assertEquals(5, r.frameCount());
            assertEquals(written, r.frames(new int[] {0, 1, 2, 3, 4}));
            assertEquals(written.get(3), r.frame(3));
            assertEquals(written.get(1), r.frame(1)); // going back reopens the file
            assertEquals(written.get(2), r.frameAt(0.45)); // frames at 0, .2, .4, .6, .8 s
            assertEquals(written.get(0), r.frameAt(-1));
            assertEquals(written.get(4), r.frameAt(100));
        }
    }

    @Test
    void framesInAnyOrderMatchSequentialDecoding() throws IOException {
        try (VideoReader r = VideoReader.open(TestData.sample("tree.avi"))) {
            Image[] sequential = new Image[r.frameCount()];
            r.forEach((index, ts, frame) -> {
                sequential[index] = frame;
                assertEquals(r.timeline().timestampMicros(index), ts);
                return true;
            });
            List<Image> picked = r.frames(new int[] {67, 3, 40, 3});
            assertEquals(List.of(sequential[67], sequential[3], sequential[40], sequential[3]), picked);
            Clip clip = r.clip(new int[] {10, 20});
            assertArrayEquals(new long[] {r.timeline().timestampMicros(10), r.timeline().timestampMicros(20)}, clip.timestampsMicros());
            assertEquals(List.of(sequential[10], sequential[20]), clip.frames());
        }
    }

    @Test
    void indexPastTheEndIsAnErrorNamingTheFile() throws IOException {
        Path tree = TestData.sample("tree.avi");
        try (VideoReader r = VideoReader.open(tree)) {
            // Before the count is known the reader finds the end by decoding, promptly.
            IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> r.frame(100));
            assertTrue(e.getMessage().contains(tree.toString()) && e.getMessage().contains("68"), e.getMessage());
            r.frameCount();
            assertThrows(IndexOutOfBoundsException.class, () -> r.frame(68));
            assertThrows(IndexOutOfBoundsException.class, () -> r.frame(-1));
        }
    }

    @Test
    void vtestFramesMatchTheGoldenFrames() throws IOException {
        Path vtest = TestData.SHARED_VIDEO.resolve("vtest.avi");
        assumeTrue(Files.exists(vtest) && Files.isDirectory(TestData.SHARED_GOLDEN), "vtest.avi and its goldens not present");
        try (VideoReader r = VideoReader.open(vtest)) {
            List<Image> frames = r.frames(new int[] {0, 100, 400, 101});
            int[] idx = {0, 100, 400};
            for (int k = 0; k < idx.length; k++) {
                // The golden is the frame halved with INTER_AREA (an exact 2x2 box average).
                Image half = ImageOps.resize(frames.get(k), 384, 288, Interpolation.AREA);
                NdArray golden = Npy.read(TestData.SHARED_GOLDEN.resolve(String.format("vtest_f%03d_rgb_half.npy", idx[k])));
                assertArrayEquals(golden.data(), half.toBytes(), "vtest frame " + idx[k]);
            }
            assertArrayEquals(Npy.read(TestData.SHARED_GOLDEN.resolve("vtest_f100_gray.npy")).data(), frames.get(1).toGray().toBytes());
            assertArrayEquals(Npy.read(TestData.SHARED_GOLDEN.resolve("vtest_f101_gray.npy")).data(), frames.get(3).toGray().toBytes());
        }
    }

    @Test
    void timeLimitStopsDecoding() throws IOException {
        Path tree = TestData.sample("tree.avi");
        try (VideoReader r = VideoReader.open(tree, java.time.Duration.ofNanos(1))) {
            IOException e = assertThrows(IOException.class, r::frameCount);
            assertTrue(e.getMessage().startsWith(tree + ": time limit"), e.getMessage());
        }
    }
}
