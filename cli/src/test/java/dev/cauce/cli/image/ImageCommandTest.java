package dev.cauce.cli.image;

import dev.cauce.core.io.NdArray;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageCommandTest {

    static final Path IMAGES = Path.of("..", "samples", "images");

    @TempDir
    Path tmp;

    /** A class-per-subfolder set from the bundled photos plus the bad inputs of the issue. */
    private Path dataset(boolean withBad) throws IOException {
        Path root = tmp.resolve("in");
        Files.createDirectories(root.resolve("citrus"));
        Files.createDirectories(root.resolve("other"));
        Files.copy(IMAGES.resolve("fruits.jpg"), root.resolve("citrus/fruits.jpg"));
        Files.copy(IMAGES.resolve("orange.jpg"), root.resolve("citrus/orange.jpg"));
        Files.copy(IMAGES.resolve("left01.jpg"), root.resolve("other/left01.jpg"));   // gray JPEG
        Files.copy(IMAGES.resolve("smarties.png"), root.resolve("other/smarties.png"));
        Image fruits = ImageCodec.decode(IMAGES.resolve("fruits.jpg"));
        ImageCodec.write(fruits.toDepth(Image.Depth.U16), root.resolve("other/wide16.png"));     // 16-bit PNG
        ImageCodec.write(dev.cauce.preprocess.image.ImageOps.crop(fruits, 5, 5, 1, 1), root.resolve("other/one.png")); // 1x1
        if (withBad) {
            byte[] jpg = Files.readAllBytes(IMAGES.resolve("fruits.jpg"));
            Files.write(root.resolve("other/truncated.jpg"), Arrays.copyOf(jpg, 300));
            Files.write(root.resolve("other/empty.jpg"), new byte[0]);
            Files.writeString(root.resolve("other/text.jpg"), "hello");
        }
        return root;
    }

    private record Run(int code, String out, String err) { }

    private static synchronized Run run(Object command, String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = new CommandLine(command).execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void convertWritesShardsLabelsClassesAndStatsIdenticallyForOneAndTwoThreads() throws IOException {
        Path in = dataset(false);
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        String[] common = {"--in", in.toString(), "--size", "32x24", "--standardize", "fit", "--shard-size", "4"};
        Run r1 = run(new ImageConvertCommand(), concat(common, "--out", a.toString(), "--threads", "1"));
        Run r2 = run(new ImageConvertCommand(), concat(common, "--out", b.toString(), "--threads", "2"));
        assertEquals(0, r1.code, r1.err);
        assertEquals(0, r2.code, r2.err);
        // staging folders are gone
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".partial")));
        }
        for (String f : List.of("shard-00000.npz", "shard-00001.npz", "classes.json", "stats.json", "index.tsv", "pipeline.json")) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
        }
        assertEquals("[ \"citrus\", \"other\" ]", Files.readString(a.resolve("classes.json")).trim());
        Map<String, NdArray> shard0 = Npz.read(a.resolve("shard-00000.npz"));
        assertArrayEquals(new int[] {4, 3, 24, 32}, shard0.get("x").shape());
        assertArrayEquals(new long[] {0, 0, 1, 1}, shard0.get("y").toLongs());
        // fitted standardization: over all written pixels each channel has mean ~0
        float[] x0 = shard0.get("x").toTensor().data();
        float[] x1 = Npz.read(a.resolve("shard-00001.npz")).get("x").toTensor().data();
        double sum = 0;
        for (float v : x0) sum += v;
        for (float v : x1) sum += v;
        assertEquals(0, sum / (x0.length + x1.length), 1e-3);
    }

    @Test
    void badFilesAreSkippedAndReportedWithExitOne() throws IOException {
        Path in = dataset(true);
        Path o = tmp.resolve("out");
        Run r = run(new ImageConvertCommand(), "--in", in.toString(), "--out", o.toString(), "--size", "16x16", "--format", "npy", "--quiet");
        assertEquals(1, r.code);
        assertTrue(r.err.contains("3 file(s) skipped"), r.err);
        assertTrue(r.err.contains("truncated.jpg") && r.err.contains("empty.jpg") && r.err.contains("text.jpg"), r.err);
        assertTrue(r.out.contains("wrote 6 of 9 images"), r.out);
        assertTrue(Files.exists(o.resolve("shard-00000-x.npy")));
    }

    @Test
    void whenNoImageConvertsNothingIsWritten() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("bad"));
        byte[] jpg = Files.readAllBytes(IMAGES.resolve("fruits.jpg"));
        Files.write(in.resolve("truncated.jpg"), Arrays.copyOf(jpg, 300));
        Files.write(in.resolve("empty.jpg"), new byte[0]);
        Path o = tmp.resolve("out");
        Run r = run(new ImageConvertCommand(), "--in", in.toString(), "--out", o.toString(), "--size", "16x16", "--quiet");
        assertEquals(1, r.code);
        assertEquals("", r.out);
        assertEquals(List.of("error: none of the 2 images under " + in + " could be converted; nothing written to " + o,
                "  " + in.resolve("empty.jpg") + ": empty file (0 bytes), not an image",
                "  " + in.resolve("truncated.jpg") + ": corrupt or truncated JPEG data (OpenCV could not decode it)"), r.err.lines().toList());
        assertFalse(Files.exists(o), "no folder of bookkeeping files without a single image");
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of(in), s.toList(), "no staging folder left behind either");
        }
    }

    @Test
    void augmentNamesAWrongInOrPreview() throws IOException {
        String fruits = IMAGES.resolve("fruits.jpg").toString();
        var folder = dev.cauce.cli.CliRun.of("image", "augment", "--in", IMAGES.toString(), "--preview", tmp.resolve("p.png").toString());
        assertEquals(2, folder.exitCode(), folder.err());
        assertEquals("error: --in " + IMAGES + ": is a folder, expected one image file\n", folder.err());
        Path nope = tmp.resolve("nope.jpg");
        var missing = dev.cauce.cli.CliRun.of("image", "augment", "--in", nope.toString(), "--preview", tmp.resolve("p.png").toString());
        assertEquals(2, missing.exitCode(), missing.err());
        assertEquals("error: --in " + nope + ": no such file\n", missing.err());
        var preview = dev.cauce.cli.CliRun.of("image", "augment", "--in", fruits, "--preview", tmp.toString(), "--n", "2");
        assertEquals(2, preview.exitCode(), preview.err());
        assertEquals("error: --preview " + tmp + " is a folder, expected a file name (a .png or .jpg file)\n", preview.err());
    }

    @Test
    void classFoldersWithoutImagesAreSaidToBeSo() throws IOException {
        Path in = Files.createDirectories(tmp.resolve("in/citrus"));
        Files.copy(IMAGES.resolve("NOTICE"), in.resolve("NOTICE"));
        Path o = tmp.resolve("out");
        var r = dev.cauce.cli.CliRun.of("image", "convert", "--in", in.getParent().toString(), "--out", o.toString(), "--quiet");
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("error: --in " + in.getParent() + ": no image files (jpg, jpeg, png, bmp, webp, tif, tiff) in its 1 class folder(s)\n", r.err());
        assertFalse(Files.exists(o));
    }

    @Test
    void aFileAtOrAboveOutIsReportedBeforeAnyImageIsRead() throws IOException {
        Path in = dataset(true);
        Path file = Files.writeString(tmp.resolve("plain.txt"), "x");
        var r = dev.cauce.cli.CliRun.of("image", "convert", "--in", in.toString(), "--out", file.toString(), "--size", "16x16");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("error: --out " + file + " is a file, expected a folder\n", r.err());
        Path under = file.resolve("shards");
        r = dev.cauce.cli.CliRun.of("image", "convert", "--in", in.toString(), "--out", under.toString(), "--size", "16x16");
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("error: --out " + under + ": cannot write there, " + file + " is a file, not a folder\n", r.err());
    }

    @Test
    void failPolicyStopsAndLeavesNoOutput() throws IOException {
        Path in = dataset(true);
        Path o = tmp.resolve("out");
        Run r = run(new ImageConvertCommand(), "--in", in.toString(), "--out", o.toString(), "--size", "16x16", "--on-error", "fail");
        assertEquals(1, r.code);
        assertFalse(Files.exists(o));
        try (Stream<Path> s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().contains(".partial")));
        }
    }

    @Test
    void pngFormatWritesResizedImagesPerClass() throws IOException {
        Path in = dataset(false);
        Path o = tmp.resolve("png");
        Run r = run(new ImageConvertCommand(), "--in", in.toString(), "--out", o.toString(), "--size", "40x30", "--fit", "pad",
                "--format", "png", "--channels", "1");
        assertEquals(0, r.code, r.err);
        try (Stream<Path> s = Files.walk(o.resolve("other"))) {
            List<Path> pngs = s.filter(p -> p.toString().endsWith(".png")).toList();
            assertEquals(4, pngs.size());
            Image img = ImageCodec.decode(pngs.getFirst());
            assertEquals(40, img.width());
            assertEquals(30, img.height());
            assertEquals(1, img.channels());
        }
    }

    @Test
    void augmentWritesAContactSheet() {
        Path sheet = tmp.resolve("grid.png");
        Run r = run(new ImageAugmentCommand(), "--in", IMAGES.resolve("fruits.jpg").toString(), "--n", "6", "--preview", sheet.toString(),
                "--boxes", "40,40,240,220:0;300,260,470,440:3", "--tile", "64", "--seed", "3");
        assertEquals(0, r.code, r.err);
        Image img = ImageCodec.decode(sheet);
        // 3 columns x 2 rows of 64-px tiles with 4-px gaps
        assertEquals(3 * 64 + 4 * 4, img.width());
        assertEquals(2 * 64 + 3 * 4, img.height());
        Run bad = run(new ImageAugmentCommand(), "--in", IMAGES.resolve("fruits.jpg").toString(), "--preview", sheet.toString(), "--boxes", "1,2,3");
        assertEquals(1, bad.code);
    }

    @Test
    void demoSectionWritesItsPreview() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        new ImageDemo().run(Path.of("..", "samples"), tmp, new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertTrue(Files.size(tmp.resolve("image-augment.png")) > 10_000);
        assertTrue(buf.toString(StandardCharsets.UTF_8).contains("fruits.jpg"));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
