package dev.cauce.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cauce train} with bad and extreme input: one clear line, the right exit code, and no wasted training. */
class TrainEdgeCasesTest {

    @BeforeAll
    static void readRealMnist() throws IOException {
        TrainCommandTest.readRealMnist();
    }

    static Path digits(Path dir, int n) throws IOException {
        return TrainCommandTest.split(dir, n, TrainCommandTest.images, TrainCommandTest.labels);
    }

    static List<String> errorLines(CliRun r) {
        return r.err().lines().filter(l -> !l.startsWith("WARNING")).toList();
    }

    @Test
    void aModelLargerThanTheHeapIsOneLineSayingHowToRaiseIt(@TempDir Path dir) throws IOException {
        digits(dir, 100);
        // a first dense layer whose weights alone are larger than the whole heap (-Xmx2g in the tests)
        long units = Runtime.getRuntime().maxMemory() / 4 / 784 + 1000;
        assertTrue(units * 784 < Integer.MAX_VALUE, "the weights must still fit one Java array for this test: " + units);
        CliRun r = CliRun.of("train", "--data", dir.toString(), "--epochs", "1", "--threads", "1",
                "--model", "dense(" + units + ")-dense(10)");
        assertEquals(1, r.exitCode(), r.err());
        List<String> lines = errorLines(r);
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.getFirst().startsWith("error: out of memory"), lines.getFirst());
        assertTrue(lines.getFirst().contains("CAUCE_JAVA_OPTS=-Xmx"), lines.getFirst());
    }
}
