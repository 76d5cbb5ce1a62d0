package dev.cauce.cli.video;

import dev.cauce.core.io.NdArray;
import dev.cauce.core.io.Npy;
import dev.cauce.core.io.Npz;
import dev.cauce.preprocess.image.Image;
import dev.cauce.preprocess.image.ImageCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VideoCommandTest {
    private static final Path SAMPLES = Path.of("..", "samples", "video");

    private record Run(int code, String out, String err) { }

    private static synchronized Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new VideoCommand()).execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static Path videosWithBadOnes(Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(SAMPLES.resolve("realshort.mp4"), in.resolve("realshort.mp4"));
        Files.copy(SAMPLES.resolve("tree.avi"), in.resolve("tree.avi"));
        Files.createFile(in.resolve("empty.mp4"));
        Files.writeString(in.resolve("notes.avi"), "not a video\n".repeat(100));
        return in;
    }

    private static List<String> outputs(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void sampleWritesOneClipAndSheetPerGoodVideoAndReportsTheBadOnes(@TempDir Path dir) throws IOException {
        Path in = videosWithBadOnes(dir);
        Path out = dir.resolve("out");
        Run r = run("sample", "--in", in.toString(), "--frames", "16", "--strategy", "uniform", "--out", out.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("empty.mp4: empty file") && r.err().contains("notes.avi: not a readable video"), r.err());
        assertEquals(1, r.err().split("empty.mp4: empty file", -1).length - 1, "each failure is reported once: " + r.err());
        assertEquals(List.of("manifest.tsv", "realshort.mp4.npy", "realshort.mp4.png", "tree.avi.npy", "tree.avi.png"), outputs(out));
        NdArray clip = Npy.read(out.resolve("tree.avi.npy"));
        assertArrayEquals(new int[] {16, 3, 240, 320}, clip.shape());
        float[] v = clip.toFloats();
        for (float x : v) assertTrue(x >= 0 && x <= 1);
        List<String> manifest = Files.readAllLines(out.resolve("manifest.tsv"));
        assertEquals(3, manifest.size());
        // tree.avi: 68 decodable of 444 declared; the uniform indices end on the last decodable frame.
        assertTrue(manifest.get(2).startsWith("tree.avi\t68\t444\t0,4,9,13,18,22,27,31,36,40,45,49,54,58,63,67\t"), manifest.get(2));
        Image sheet = ImageCodec.decode(out.resolve("tree.avi.png"));
        assertTrue(sheet.width() > 8 * 160, sheet.toString());
    }

    @Test
    void onErrorFailStopsAtTheFirstBadVideo(@TempDir Path dir) throws IOException {
        Path in = videosWithBadOnes(dir);
        Path out = dir.resolve("out");
        Run r = run("sample", "--in", in.toString(), "--frames", "4", "--on-error", "fail", "--out", out.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("failed: ") && r.err().contains("empty.mp4: empty file"), "the failure that stopped the run is named: " + r.err());
        assertFalse(Files.exists(out), "empty.mp4 sorts first, nothing is written, not even the --out folder");
    }

    @Test
    void onErrorFailLeavesNothingBehindWhenTheBadVideoComesLast(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(SAMPLES.resolve("realshort.mp4"), in.resolve("a.mp4"));
        Files.writeString(in.resolve("z.avi"), "not a video\n".repeat(100));
        Path out = dir.resolve("out");
        Run r = run("sample", "--in", in.toString(), "--frames", "4", "--on-error", "fail", "--out", out.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("z.avi: not a readable video") && r.err().contains("nothing written"), r.err());
        assertFalse(Files.exists(out), "a.mp4's clip and sheet were left in " + out);
        Path existing = Files.createDirectories(dir.resolve("existing"));
        Files.writeString(existing.resolve("keep.txt"), "the user's");
        assertEquals(1, run("sample", "--in", in.toString(), "--frames", "4", "--on-error", "fail", "--out", existing.toString()).code());
        assertEquals(List.of("keep.txt"), outputs(existing));
    }

    @Test
    void flowNamesAWrongInOutOrPreviewBeforeDecoding(@TempDir Path dir) {
        String video = SAMPLES.resolve("realshort.mp4").toString();
        var missing = dev.cauce.cli.CliRun.of("video", "flow", "--in", dir.resolve("nope.mp4").toString(), "--out", dir.resolve("f.npz").toString());
        assertEquals(2, missing.exitCode(), missing.err());
        assertEquals("error: --in " + dir.resolve("nope.mp4") + ": no such file\n", missing.err());
        var out = dev.cauce.cli.CliRun.of("video", "flow", "--in", video, "--out", dir.toString());
        assertEquals(2, out.exitCode(), out.err());
        assertEquals("error: --out " + dir + " is a folder, expected a file name (a .npz file)\n", out.err());
        var preview = dev.cauce.cli.CliRun.of("video", "flow", "--in", video, "--out", dir.resolve("f.npz").toString(), "--preview", dir.toString());
        assertEquals(2, preview.exitCode(), preview.err());
        assertFalse(Files.exists(dir.resolve("f.npz")), "nothing computed or written before the error");
    }

    @Test
    void segmentAndMotionStrategiesWithResizeAndShortVideoPolicy(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("out");
        Path realshort = SAMPLES.resolve("realshort.mp4");
        Run seg = run("sample", "--in", realshort.toString(), "--frames", "6", "--strategy", "segment", "--train",
                "--seed", "3", "--size", "64", "--scale", "raw", "--out", out.toString());
        assertEquals(0, seg.code(), seg.err());
        NdArray a = Npy.read(out.resolve("realshort.mp4.npy"));
        assertArrayEquals(new int[] {6, 3, 64, 64}, a.shape());
        Run again = run("sample", "--in", realshort.toString(), "--frames", "6", "--strategy", "segment", "--train",
                "--seed", "3", "--size", "64", "--scale", "raw", "--out", dir.resolve("again").toString());
        assertEquals(0, again.code());
        assertEquals(a, Npy.read(dir.resolve("again").resolve("realshort.mp4.npy")), "same seed, same clip");

        Run motion = run("sample", "--in", SAMPLES.resolve("tree.avi").toString(), "--frames", "5", "--strategy", "motion",
                "--out", out.toString());
        assertEquals(0, motion.code(), motion.err());
        assertArrayEquals(new int[] {5, 3, 240, 320}, Npy.read(out.resolve("tree.avi.npy")).shape());

        Path out2 = dir.resolve("short");
        Run tooMany = run("sample", "--in", realshort.toString(), "--frames", "40", "--out", out2.toString());
        assertEquals(1, tooMany.code());
        assertTrue(tooMany.err().contains("asked for 40 frames but the video has only 36"), tooMany.err());
        assertFalse(Files.exists(out2.resolve("realshort.mp4.npy")));
        Run padded = run("sample", "--in", realshort.toString(), "--frames", "40", "--short", "pad", "--out", out2.toString());
        assertEquals(0, padded.code(), padded.err());
        assertEquals(40, Npy.read(out2.resolve("realshort.mp4.npy")).shape()[0]);
    }

    @Test
    void flowWritesNpzAndPreview(@TempDir Path dir) throws IOException {
        Path npz = dir.resolve("flow.npz");
        Path png = dir.resolve("flow.png");
        Run r = run("flow", "--in", SAMPLES.resolve("realshort.mp4").toString(), "--out", npz.toString(),
                "--preview", png.toString(), "--from", "10", "--pairs", "2", "--step", "5");
        assertEquals(0, r.code(), r.err());
        Map<String, NdArray> arrays = Npz.read(npz);
        assertArrayEquals(new int[] {2, 2, 240, 320}, arrays.get("flow").shape());
        assertArrayEquals(new long[] {10, 11, 15, 16}, arrays.get("pairs").toLongs());
        assertArrayEquals(new int[] {2, 2}, arrays.get("timestamps_us").shape());
        assertTrue(ImageCodec.decode(png).width() > 320);
        Run dis = run("flow", "--in", SAMPLES.resolve("realshort.mp4").toString(), "--out", npz.toString(), "--method", "dis", "--width", "160");
        assertEquals(0, dis.code(), dis.err());
        assertArrayEquals(new int[] {1, 2, 120, 160}, Npz.read(npz).get("flow").shape());
        Run bad = run("flow", "--in", SAMPLES.resolve("realshort.mp4").toString(), "--out", dir.resolve("x.npz").toString(), "--from", "35");
        assertEquals(1, bad.code());
        assertTrue(bad.err().contains("frame 36 requested but only 36 frames decode"), bad.err());
        assertFalse(Files.exists(dir.resolve("x.npz")));
    }

    @Test
    void helpTeachesWithExamples() {
        Run r = run("sample", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("cauce video sample --in samples/video --frames 16"), r.out());
        assertTrue(r.out().contains("Default: uniform"), r.out());
    }
}
