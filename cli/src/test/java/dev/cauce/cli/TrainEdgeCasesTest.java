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

    @Test
    void aCheckpointOrPlotPathThatCannotBeWrittenFailsBeforeTraining(@TempDir Path dir) throws IOException {
        Path data = digits(java.nio.file.Files.createDirectory(dir.resolve("data")), 200);
        Path file = java.nio.file.Files.writeString(dir.resolve("notes.txt"), "a file, not a folder");
        for (String[] opt : List.of(new String[] {"--checkpoint", file.toString()}, new String[] {"--plot", dir.toString()},
                new String[] {"--metrics-csv", dir.toString()})) {
            CliRun r = CliRun.of("train", "--data", data.toString(), "--epochs", "1", "--hidden", "16", "--threads", "1", opt[0], opt[1]);
            assertEquals(2, r.exitCode(), r.out() + r.err());
            assertFalse(r.out().contains("epoch 1"), "no training before the error: " + r.out());
            List<String> lines = errorLines(r);
            assertEquals(1, lines.size(), r.err());
            assertTrue(lines.getFirst().contains(opt[0] + " " + opt[1]), lines.getFirst());
        }
        CliRun below = CliRun.of("train", "--data", data.toString(), "--epochs", "1", "--hidden", "16", "--checkpoint", file.resolve("ck").toString());
        assertEquals(1, below.exitCode(), below.err());
        assertFalse(below.out().contains("epoch 1"), below.out());
        assertTrue(errorLines(below).getFirst().contains("is a file, not a folder"), below.err());
        assertEquals("a file, not a folder", java.nio.file.Files.readString(file));
    }

    @Test
    void resumeFromAFolderWithoutACheckpointNamesTheOption(@TempDir Path dir) throws IOException {
        Path data = digits(java.nio.file.Files.createDirectory(dir.resolve("data")), 200);
        Path empty = java.nio.file.Files.createDirectory(dir.resolve("empty"));
        CliRun r = CliRun.of("train", "--data", data.toString(), "--epochs", "2", "--hidden", "16", "--resume", empty.toString());
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals(List.of("error: --resume " + empty + ": no checkpoint in this folder (model.safetensors is missing); "
                + "a run writes one with --checkpoint " + empty), errorLines(r));
        assertFalse(r.out().contains("model:"), "fails before loading data and building the model: " + r.out());
        CliRun missing = CliRun.of("train", "--data", data.toString(), "--epochs", "2", "--resume", dir.resolve("nope").toString());
        assertEquals(2, missing.exitCode(), missing.err());
        assertTrue(errorLines(missing).getFirst().contains("--resume " + dir.resolve("nope") + ": no such folder"), missing.err());
    }

    @Test
    void resumeWithAnotherOptimizerSeedOrModelIsRefused(@TempDir Path dir) throws IOException {
        Path data = digits(java.nio.file.Files.createDirectory(dir.resolve("data")), 200);
        Path ck = dir.resolve("ck");
        CliRun first = CliRun.of("train", "--data", data.toString(), "--epochs", "1", "--hidden", "16", "--threads", "1", "--checkpoint", ck.toString());
        assertEquals(0, first.exitCode(), first.err());
        byte[] saved = java.nio.file.Files.readAllBytes(ck.resolve("model.safetensors"));
        for (String[] other : List.of(new String[] {"--optimizer", "adam(beta2=0.98)"}, new String[] {"--seed", "7"},
                new String[] {"--model", "dense(16)-relu-dense(10)"})) {
            CliRun r = CliRun.of("train", "--data", data.toString(), "--epochs", "2", "--hidden", "16", "--threads", "1",
                    "--resume", ck.toString(), "--checkpoint", ck.toString(), other[0], other[1]);
            assertEquals(2, r.exitCode(), other[0] + ": " + r.out() + r.err());
            assertFalse(r.out().contains("epoch 2"), r.out());
            List<String> lines = errorLines(r);
            assertEquals(1, lines.size(), r.err());
            assertTrue(lines.getFirst().startsWith("error: --resume " + ck + " was written by a run with "), lines.getFirst());
            assertTrue(lines.getFirst().contains("this run: "), lines.getFirst());
        }
        assertArrayEquals(saved, java.nio.file.Files.readAllBytes(ck.resolve("model.safetensors")), "the checkpoint is untouched");
        CliRun same = CliRun.of("train", "--data", data.toString(), "--epochs", "2", "--hidden", "16", "--threads", "1", "--resume", ck.toString());
        assertEquals(0, same.exitCode(), same.err());
        assertTrue(same.out().contains("resumed from " + ck + " at epoch 2"), same.out());
    }

    @Test
    void aBadThreadCountIsRefusedBeforeTheDataLoads() {
        CliRun r = CliRun.of("train", "--threads", "0", "--epochs", "1");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(List.of("error: --threads must be in [1, 1024], got 0"), errorLines(r));
        assertEquals("", r.out(), "no 'data:' line: nothing was loaded");
    }

    @Test
    void aFileAsDataIsCalledAFile(@TempDir Path dir) throws IOException {
        Path gz = java.nio.file.Files.copy(Path.of("..", "samples", "mnist", "train-images-idx3-ubyte.gz"), dir.resolve("train-images-idx3-ubyte.gz"));
        CliRun r = CliRun.of("train", "--data", gz.toString(), "--epochs", "1");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(errorLines(r).getFirst().startsWith("error: " + gz + ": is a file, not a data folder (it should hold "), r.err());
        CliRun missing = CliRun.of("train", "--data", dir.resolve("nope").toString(), "--epochs", "1");
        assertTrue(errorLines(missing).getFirst().startsWith("error: " + dir.resolve("nope") + ": no such data folder"), missing.err());
    }
}
