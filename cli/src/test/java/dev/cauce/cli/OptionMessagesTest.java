package dev.cauce.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad option values are usage errors (exit 2) whose one-line message names the option the user typed. */
class OptionMessagesTest {

    private static final Path IMAGES = Path.of("..", "samples", "images");

    private static void assertUsageError(String option, String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(2, r.exitCode(), String.join(" ", args) + " -> " + r.err());
        assertTrue(r.err().contains(option), "message should name " + option + ": " + r.err());
    }

    @Test
    void audioOptionsAreNamed(@TempDir Path dir) {
        Path png = dir.resolve("s.png");
        assertUsageError("--n-fft", "audio", "preview", "x.wav", "--out", png.toString(), "--n-fft", "511");
        assertUsageError("--rate", "audio", "preview", "x.wav", "--out", png.toString(), "--rate", "0");
        assertUsageError("--time-mask", "audio", "preview", "x.wav", "--out", png.toString(), "--time-mask", "-1");
    }

    @Test
    void imageAugmentOptionsAreNamed(@TempDir Path dir) {
        String in = IMAGES.resolve("fruits.jpg").toString();
        String png = dir.resolve("g.png").toString();
        assertUsageError("--hflip", "image", "augment", "--in", in, "--preview", png, "--hflip", "2");
        assertUsageError("--translate", "image", "augment", "--in", in, "--preview", png, "--translate", "-0.1");
        assertUsageError("--scale-min", "image", "augment", "--in", in, "--preview", png, "--scale-min", "2");
        assertFalse(Files.exists(dir.resolve("g.png")));
    }

    @Test
    void textOptionsAreNamed(@TempDir Path dir) {
        String out = dir.resolve("x.npz").toString();
        assertUsageError("--min-df", "text", "convert", "--in", "corpus", "--out", out, "--min-df", "0");
        assertUsageError("--length", "text", "convert", "--in", "corpus", "--out", out, "--length", "0");
        assertUsageError("--dim", "text", "word2vec", "--in", "corpus", "--out", dir.resolve("v.txt").toString(), "--dim", "0");
        assertUsageError("--window", "text", "word2vec", "--in", "corpus", "--out", dir.resolve("v.txt").toString(), "--window", "0");
    }

    @Test
    void zeroStdIsRejectedAndLeavesNothing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        assertUsageError("--standardize", "image", "convert", "--in", IMAGES.toString(), "--out", out.toString(),
                "--size", "8x8", "--standardize", "1,2,3:0,1,1");
        try (var s = Files.list(dir)) {
            assertEquals(0, s.count(), "no output and no staging folder left behind");
        }
    }

    @Test
    void aWrongInIsAUsageErrorNamingTheOption(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nothing");
        Path file = Files.writeString(dir.resolve("one.png"), "x");
        CliRun r = CliRun.of("image", "convert", "--in", missing.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("error: --in " + missing + ": no such folder\n", r.err());
        r = CliRun.of("image", "convert", "--in", file.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("error: --in " + file + ": is a file, expected a folder of images or of class sub-folders\n", r.err());
        r = CliRun.of("text", "convert", "--in", missing.toString(), "--out", dir.resolve("x.npz").toString(), "--quiet");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("error: --in " + missing + ": no such file or folder\n", r.err());
        assertFalse(Files.exists(dir.resolve("o")) || Files.exists(dir.resolve("x.npz")), "nothing written");
    }
}
