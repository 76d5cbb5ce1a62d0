package dev.cauce.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cauce demo} refuses bad options at once, not after its tour of every modality. */
class DemoOptionsTest {

    @Test
    void badOptionsAreRefusedBeforeTheTour(@TempDir Path dir) throws IOException {
        CliRun epochs = CliRun.of("demo", "--epochs", "0", "--out", dir.resolve("d").toString());
        assertEquals(2, epochs.exitCode(), epochs.err());
        assertEquals("error: --epochs must be at least 1, got 0\n", epochs.err());
        assertEquals("", epochs.out(), "no section ran");
        CliRun threads = CliRun.of("demo", "--threads", "0", "--out", dir.resolve("d").toString());
        assertEquals(2, threads.exitCode(), threads.err());
        assertEquals("", threads.out());
        assertFalse(Files.exists(dir.resolve("d")), "no --out folder for a run that did not start");
        Path file = Files.writeString(dir.resolve("notes.txt"), "a file");
        CliRun out = CliRun.of("demo", "--out", file.toString(), "--epochs", "1");
        assertEquals(2, out.exitCode(), out.err());
        assertEquals("error: --out " + file + " is a file, expected a folder\n", out.err());
        assertEquals("", out.out());
    }
}
