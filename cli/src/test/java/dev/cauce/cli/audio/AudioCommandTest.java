package dev.cauce.cli.audio;

import dev.cauce.cli.CliRun;
import dev.cauce.core.ErrorReport;
import dev.cauce.core.io.NdArray;
import dev.cauce.core.io.Npy;
import dev.cauce.core.io.Npz;
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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudioCommandTest {
    @TempDir Path tmp;

    /** The repository's samples/audio, found from the module folder Maven runs tests in. */
    static Path samples() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("samples/audio"))) p = p.getParent();
        if (p == null) throw new IllegalStateException("samples/audio not found above " + Path.of("").toAbsolutePath());
        return p.resolve("samples");
    }

    /** tmp/data/{en,es}/*.wav from the samples, plus one broken file in es. */
    private Path dataset(boolean withBadFile) throws IOException {
        Path data = tmp.resolve("data");
        for (String lang : new String[] {"en", "es"}) {
            Files.createDirectories(data.resolve(lang));
            for (String d : new String[] {"0", "1", "2"}) {
                Files.copy(samples().resolve("audio/digits/" + lang + "/" + d + ".wav"), data.resolve(lang + "/" + d + ".wav"));
            }
        }
        if (withBadFile) Files.writeString(data.resolve("es/notes.wav"), "not audio");
        return data;
    }

    private record Run(int code, String err) { }

    private static Run run(Object command, String... args) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(buf, true, StandardCharsets.UTF_8);
        CommandLine cl = new CommandLine(command);
        cl.setErr(new java.io.PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, buf.toString(StandardCharsets.UTF_8));
    }

    /** Runs {@code convert} with its report captured. */
    private static Run convert(String... args) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code = new CommandLine(new AudioConvertCommand(new PrintStream(buf, true, StandardCharsets.UTF_8))).execute(args);
        return new Run(code, buf.toString(StandardCharsets.UTF_8));
    }

    @Test
    void convertWritesFeaturesLabelsAndLengths() throws IOException {
        Path data = dataset(false);
        Path out = tmp.resolve("digits.npz");
        Run r = convert("--in", data.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        Map<String, NdArray> z = Npz.read(out);
        int[] shape = z.get("x").shape();
        assertEquals(6, shape[0]);
        assertEquals(64, shape[1]);
        assertArrayEquals(new long[] {0, 0, 0, 1, 1, 1}, z.get("y").toLongs());
        long[] len = z.get("lengths").toLongs();
        long longest = 0;
        for (long l : len) longest = Math.max(longest, l);
        assertEquals(longest, shape[2], "padded to the longest");
        assertEquals("en\nes\n", Files.readString(tmp.resolve("digits.classes.txt")));
    }

    @Test
    void badFilesAreSkippedAndReportedWithExitCode1() throws IOException {
        Path data = dataset(true);
        Path out = tmp.resolve("feats");
        Run r = convert("--in", data.toString(), "--out", out.toString(), "--format", "npy", "--feature", "mfcc", "--quiet");
        String err = r.err();
        assertEquals(1, r.code(), err);
        assertTrue(err.contains("notes.wav") && err.contains("not a readable audio file"), err);
        assertEquals(6, Npy.read(out.resolve("x.npy")).shape()[0]);
        assertEquals(13, Npy.read(out.resolve("x.npy")).shape()[1]);
    }

    @Test
    void failModeStopsAndWritesNothing() throws IOException {
        Path data = dataset(true);
        Path out = tmp.resolve("never.npz");
        Run r = convert("--in", data.toString(), "--out", out.toString(), "--on-error", "fail", "--quiet");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("nothing written"), r.err());
        assertFalse(Files.exists(out));
        try (var s = Files.list(tmp)) {
            assertEquals(1, s.count(), "only the input folder: no partial or temporary outputs");
        }
    }

    @Test
    void whenNoFileConvertsNothingIsWritten() throws IOException {
        Path data = tmp.resolve("data");
        Files.createDirectories(data.resolve("en"));
        byte[] wav = Files.readAllBytes(samples().resolve("audio/digits/en/7.wav"));
        Files.write(data.resolve("en/cut.wav"), java.util.Arrays.copyOf(wav, 100));
        Files.write(data.resolve("en/empty.wav"), new byte[0]);
        for (String format : new String[] {"npz", "npy"}) {
            Path out = tmp.resolve(format.equals("npz") ? "digits.npz" : "feats");
            Run r = convert("--in", data.toString(), "--out", out.toString(), "--format", format, "--quiet");
            assertEquals(1, r.code(), r.err());
            assertTrue(r.err().contains("none of the 2 files could be converted; nothing written to " + out), r.err());
            try (var s = Files.list(tmp)) {
                assertEquals(List.of(data), s.toList(), format + ": no empty archive, classes file or folder");
            }
        }
    }

    @Test
    void impossibleMelSettingsAreAUsageErrorWithAdvice() throws IOException {
        Path data = dataset(false);
        Run r = run(new AudioCommand(), "convert", "--in", data.toString(), "--out", tmp.resolve("x.npz").toString(),
                "--rate", "48000", "--n-mels", "64", "--quiet");
        assertTrue(r.code() != 0);
        assertTrue(r.err().contains("Lower nMels"), r.err());
    }

    @Test
    void previewWritesAPngTwiceAsTallAsOnePanel() throws IOException {
        Path png = tmp.resolve("spec.png");
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int code = new CommandLine(new AudioPreviewCommand(new PrintStream(buf, true, StandardCharsets.UTF_8)))
                .execute(samples().resolve("audio/alsa/Front_Center.wav").toString(), "--out", png.toString());
        assertEquals(0, code, buf.toString(StandardCharsets.UTF_8));
        var img = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(2 * 64 * 4, img.getHeight(), "two panels of 64 mel bands drawn 4 px tall");
    }

    @Test
    void demoRunsOnTheBundledSamples() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        new AudioDemo().run(samples(), tmp, new PrintStream(buf, true, StandardCharsets.UTF_8));
        assertTrue(Files.size(tmp.resolve("audio-preview.png")) > 1000);
        assertTrue(buf.toString(StandardCharsets.UTF_8).contains("14 recordings"), buf.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnusableOutIsRefusedBeforeAnyFileIsDecoded() throws IOException {
        Path data = dataset(true); // notes.wav would be reported if decoding had started
        Path folder = Files.createDirectories(tmp.resolve("already-a-folder"));
        CliRun r = CliRun.of("audio", "convert", "--in", data.toString(), "--out", folder.toString(), "--quiet");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("error: --out " + folder + " is a folder, expected a file name (--format npy writes a folder)\n", r.err());

        Path file = Files.writeString(tmp.resolve("plain.txt"), "x");
        r = CliRun.of("audio", "convert", "--in", data.toString(), "--out", file.toString(), "--format", "npy", "--quiet");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("error: --out " + file + " is a file, expected a folder\n", r.err());

        Path under = file.resolve("sub/digits.npz");
        r = CliRun.of("audio", "convert", "--in", data.toString(), "--out", under.toString(), "--quiet");
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("error: --out " + under + ": cannot write there, " + file + " is a file, not a folder\n", r.err());
        try (var s = Files.list(tmp)) {
            assertEquals(3, s.count(), "data, the folder and the file: nothing written");
        }
    }

    @Test
    void anOutNameThatContradictsTheFormatIsAUsageError() throws IOException {
        Path data = dataset(true); // notes.wav would be reported if decoding had started
        Path npy = tmp.resolve("digits.npy");
        CliRun r = CliRun.of("audio", "convert", "--in", data.toString(), "--out", npy.toString(), "--quiet");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("error: --out " + npy + " ends in .npy but --format npz writes one .npz archive; "
                + "name it .npz, or use --format npy with a folder\n", r.err());

        Path npz = tmp.resolve("digits.npz");
        r = CliRun.of("audio", "convert", "--in", data.toString(), "--out", npz.toString(), "--format", "npy", "--quiet");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("error: --out " + npz + " ends in .npz but --format npy writes a folder of .npy files; "
                + "drop --format npy, or give a folder name\n", r.err());
        assertTrue(Files.notExists(npy) && Files.notExists(npz));
    }

    @Test
    void previewChecksOutBeforeDecoding() throws IOException {
        Path wav = tmp.resolve("not-audio.wav"); // would fail to decode if --out were not checked first
        Files.writeString(wav, "text");
        CliRun r = CliRun.of("audio", "preview", wav.toString(), "--out", tmp.resolve("spec.jpg").toString());
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("error: --out " + tmp.resolve("spec.jpg") + ": the preview is a PNG, give a name ending in .png\n", r.err());

        Path folder = Files.createDirectories(tmp.resolve("pics.png"));
        r = CliRun.of("audio", "preview", wav.toString(), "--out", folder.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("error: --out " + folder + " is a folder, expected a file name (the preview is one PNG file)\n", r.err());

        Path under = wav.resolve("spec.png");
        r = CliRun.of("audio", "preview", wav.toString(), "--out", under.toString());
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("error: --out " + under + ": cannot write there, " + wav + " is a file, not a folder\n", r.err());
    }

    @Test
    void aWrongInIsAUsageErrorNamingTheOption() throws IOException {
        Path missing = tmp.resolve("nodigits");
        CliRun r = CliRun.of("audio", "convert", "--in", missing.toString(), "--out", tmp.resolve("d.npz").toString(), "--quiet");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("error: --in " + missing + ": no such folder\n", r.err());

        Path file = Files.writeString(tmp.resolve("one.wav"), "x");
        r = CliRun.of("audio", "convert", "--in", file.toString(), "--out", tmp.resolve("d.npz").toString(), "--quiet");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("error: --in " + file + ": is a file, expected a folder of class sub-folders\n", r.err());
        assertFalse(Files.exists(tmp.resolve("d.npz")), "nothing written");
    }

    @Test
    void noProgressBarIsDrawnIntoAPipeOrLog() throws IOException {
        Path data = dataset(false);
        Path out = tmp.resolve("d.npz");
        CliRun r = CliRun.of("audio", "convert", "--in", data.toString(), "--out", out.toString()); // no --quiet
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.err().contains("\r") || r.err().contains("audio convert"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
    }

    @Test
    void failedFilesAreListedInInputPathOrder() throws IOException {
        Path data = dataset(false);
        for (String bad : new String[] {"es/z.wav", "en/b.wav", "es/a.wav", "en/y.wav", "es/m.wav", "en/k.wav"}) {
            Files.writeString(data.resolve(bad), "not audio");
        }
        Run r = convert("--in", data.toString(), "--out", tmp.resolve("d.npz").toString(), "--threads", "2", "--quiet");
        assertEquals(1, r.code(), r.err());
        List<String> failed = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
        assertEquals(6, failed.size(), r.err());
        assertEquals(failed.stream().sorted().toList(), failed, "sorted by input path");

        ErrorReport report = new ErrorReport(); // as workers might finish: out of order
        report.add(data.resolve("es/z.wav").toString(), "bad");
        report.add(data.resolve("en/b.wav").toString(), "bad");
        assertEquals(List.of("error: " + data.resolve("en/b.wav") + ": bad", "error: " + data.resolve("es/z.wav") + ": bad"),
                AudioConvertCommand.failureLines(report));
    }

    @Test
    void failModeReportsTheFirstBadFileInInputOrderWhateverTheThreads() throws IOException {
        Path data = dataset(false);
        // bad files early and late in both classes: en/b.wav is first in input order
        for (String bad : new String[] {"es/z.wav", "en/b.wav", "es/a.wav", "en/y.wav"}) Files.writeString(data.resolve(bad), "not audio");
        for (int round = 0; round < 5; round++) {
            Run r = convert("--in", data.toString(), "--out", tmp.resolve("d.npz").toString(), "--threads", "2", "--on-error", "fail", "--quiet");
            assertEquals(1, r.code(), r.err());
            List<String> failed = r.err().lines().filter(l -> l.startsWith("error: ")).toList();
            assertEquals(1, failed.size(), r.err());
            assertTrue(failed.get(0).startsWith("error: " + data.resolve("en/b.wav") + ": "), r.err());
        }
    }

    @Test
    void npyFilesAreWrittenAsOneSetIntoAnEmptyFolderOnly() throws IOException {
        Path data = dataset(true);
        Path out = tmp.resolve("feats");
        Run r = convert("--in", data.toString(), "--out", out.toString(), "--format", "npy", "--quiet");
        assertEquals(1, r.code(), r.err()); // notes.wav skipped
        try (var s = Files.list(out)) {
            assertEquals(List.of("classes.txt", "lengths.npy", "x.npy", "y.npy"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
        try (var s = Files.list(tmp)) {
            assertEquals(List.of("data", "feats"), s.map(p -> p.getFileName().toString()).sorted().toList(), "no staging folder left");
        }
        // a second run into the same folder would replace the set file by file: refused, nothing touched
        byte[] x = Files.readAllBytes(out.resolve("x.npy"));
        CliRun again = CliRun.of("audio", "convert", "--in", data.toString(), "--out", out.toString(), "--format", "npy", "--feature", "mfcc", "--quiet");
        assertEquals(2, again.exitCode(), again.err());
        assertTrue(again.err().contains("--out " + out + " exists and is not empty"), again.err());
        assertArrayEquals(x, Files.readAllBytes(out.resolve("x.npy")));
    }
}
