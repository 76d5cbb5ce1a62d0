package dev.cauce.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code train} command on real MNIST files, and on broken copies of them. */
class TrainCommandTest {
    static final Path MNIST = Path.of("..", "samples", "mnist");

    static byte[] images;
    static byte[] labels;

    @BeforeAll
    static void readRealMnist() throws IOException {
        images = gunzip(MNIST.resolve("test-images-idx3-ubyte.gz"));
        labels = gunzip(MNIST.resolve("test-labels-idx1-ubyte.gz"));
    }

    static byte[] gunzip(Path p) throws IOException {
        try (var in = new GZIPInputStream(Files.newInputStream(p))) {
            return in.readAllBytes();
        }
    }

    /** A data folder whose train and test splits are the first {@code n} real test digits (uncompressed IDX). */
    static Path split(Path dir, int n, byte[] imageBytes, byte[] labelBytes) throws IOException {
        byte[] img = Arrays.copyOf(imageBytes, Math.min(imageBytes.length, 16 + n * 784));
        ByteBuffer.wrap(img).putInt(4, n);
        byte[] lab = Arrays.copyOf(labelBytes, Math.min(labelBytes.length, 8 + n));
        ByteBuffer.wrap(lab).putInt(4, n);
        for (String s : List.of("train", "test")) {
            Files.write(dir.resolve(s + "-images-idx3-ubyte"), img);
            Files.write(dir.resolve(s + "-labels-idx1-ubyte"), lab);
        }
        return dir;
    }

    /**
     * Issue 3's acceptance: the CNN of the issue, trained on the bundled split (8,000 train, 2,000
     * test digits; 10 epochs, Adam 1e-3, batch 128, seed 42), reaches 0.980 test accuracy (PyTorch,
     * same CNN, 3 epochs: 0.9655). The run is deterministic whatever the thread count, so this is
     * the number a user gets: 0.9815 measured. About 30 s on 2 cores.
     */
    @Test
    void theIssuesCnnReaches098OnTheBundledSplit() {
        CliRun r = CliRun.of("train", "--data", MNIST.toString(), "--epochs", "10", "--threads", "2",
                "--model", "conv(32,5)-relu-maxpool(2)-conv(64,5)-relu-maxpool(2)-dense(128)-relu-dropout(0.5)-dense(10)");
        assertEquals(0, r.exitCode(), r.err());
        String last = r.out().lines().toList().getLast();
        assertTrue(last.matches("test accuracy: 0\\.\\d{4}"), last);
        double acc = Double.parseDouble(last.substring("test accuracy: ".length()));
        assertTrue(acc >= 0.980, "the issue's CNN after 10 epochs: " + acc);
    }

    @Test
    void trainsAndPrintsOneLinePerEpochThenTheTestAccuracy(@TempDir Path dir) throws IOException {
        split(dir, 600, images, labels);
        CliRun r = CliRun.of("train", "--data", dir.toString(), "--epochs", "3", "--batch-size", "32",
                "--hidden", "64", "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.stream().filter(l -> l.startsWith("epoch ")).count(), r.out());
        assertTrue(lines.getLast().matches("test accuracy: 0\\.\\d{4}"), lines.getLast());
        double acc = Double.parseDouble(lines.getLast().substring("test accuracy: ".length()));
        assertTrue(acc > 0.8, "57 Adam updates on 600 real digits (tested on the same digits) should fit them, got " + acc);
    }

    @Test
    void moreThreadsThanCoresWarnsAndCountsAreWordedRight(@TempDir Path dir) throws IOException {
        split(dir, 200, images, labels);
        int cores = Runtime.getRuntime().availableProcessors();
        CliRun r = CliRun.of("train", "--data", dir.toString(), "--epochs", "1", "--hidden", "16", "--threads", String.valueOf(cores + 1));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("warning: --threads " + (cores + 1) + " is more than the " + cores + " core"), r.err());
        assertTrue(r.out().contains(", 1 epoch, seed "), r.out());
        CliRun one = CliRun.of("train", "--data", dir.toString(), "--epochs", "1", "--hidden", "16", "--threads", "1");
        assertFalse(one.err().contains("warning: --threads"), one.err());
        assertTrue(one.out().contains(", 1 thread\n") || one.out().contains(", 1 thread" + System.lineSeparator()), one.out());
        CliRun tooMany = CliRun.of("train", "--data", dir.toString(), "--epochs", "1", "--threads", "5000");
        assertEquals(2, tooMany.exitCode(), tooMany.err());
        assertEquals("error: --threads must be in [1, 1024], got 5000\n", tooMany.err());
    }

    @Test
    void sameSeedGivesIdenticalEpochLossesWithOneAndTwoThreads(@TempDir Path dir) throws IOException {
        split(dir, 500, images, labels);
        List<String> one = epochLosses(CliRun.of("train", "--data", dir.toString(), "--epochs", "2", "--hidden", "32", "--threads", "1"));
        List<String> two = epochLosses(CliRun.of("train", "--data", dir.toString(), "--epochs", "2", "--hidden", "32", "--threads", "2"));
        assertEquals(2, one.size());
        assertEquals(one, two);
    }

    static List<String> epochLosses(CliRun r) {
        assertEquals(0, r.exitCode(), r.err());
        return r.out().lines().filter(l -> l.startsWith("epoch ")).map(l -> l.replaceAll(".*loss ([0-9.]+).*", "$1")).toList();
    }

    @Test
    void truncatedIdxIsOneLineNamingTheFile(@TempDir Path dir) throws IOException {
        split(dir, 100, images, labels);
        Path f = dir.resolve("train-images-idx3-ubyte");
        byte[] all = Files.readAllBytes(f);
        Files.write(f, Arrays.copyOf(all, all.length - 500));
        assertOneLineError(CliRun.of("train", "--data", dir.toString(), "--epochs", "1"), f, "truncated");
    }

    @Test
    void wrongMagicIsOneLineNamingTheFile(@TempDir Path dir) throws IOException {
        split(dir, 100, images, labels);
        Path f = dir.resolve("test-labels-idx1-ubyte");
        byte[] all = Files.readAllBytes(f);
        all[3] = 0x07;
        Files.write(f, all);
        assertOneLineError(CliRun.of("train", "--data", dir.toString(), "--epochs", "1"), f, "magic");
    }

    @Test
    void labelCountMismatchNamesBothCounts(@TempDir Path dir) throws IOException {
        split(dir, 100, images, labels);
        byte[] lab = Arrays.copyOf(labels, 8 + 90);
        ByteBuffer.wrap(lab).putInt(4, 90);
        Path f = dir.resolve("train-labels-idx1-ubyte");
        Files.write(f, lab);
        CliRun r = CliRun.of("train", "--data", dir.toString(), "--epochs", "1");
        assertOneLineError(r, f, "90");
        assertTrue(r.err().contains("100"), r.err());
    }

    @Test
    void unsupportedNpyDtypeIsOneLineNamingTheFile(@TempDir Path dir) throws IOException {
        // a complex64 array, as numpy.save writes it
        String header = "{'descr': '<c8', 'fortran_order': False, 'shape': (2,), }";
        StringBuilder h = new StringBuilder(header);
        while ((10 + h.length() + 1) % 64 != 0) h.append(' ');
        h.append('\n');
        ByteBuffer b = ByteBuffer.allocate(10 + h.length() + 16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 0x93).put("NUMPY".getBytes()).put((byte) 1).put((byte) 0).putShort((short) h.length()).put(h.toString().getBytes());
        Path x = dir.resolve("train-images.npy");
        Files.write(x, b.array());
        Files.write(dir.resolve("train-labels.npy"), b.array());
        assertOneLineError(CliRun.of("train", "--data", dir.toString(), "--epochs", "1"), x, "c8");
    }

    @Test
    void missingFolderAndBadOptionsAreClear(@TempDir Path dir) {
        CliRun r = CliRun.of("train", "--data", dir.resolve("nope").toString());
        assertEquals(1, r.exitCode());
        assertTrue(r.err().contains("nope"), r.err());
        CliRun bad = CliRun.of("train", "--epochs", "0");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--epochs"), bad.err());
    }

    static void assertOneLineError(CliRun r, Path file, String problem) {
        assertEquals(1, r.exitCode(), r.out() + r.err());
        List<String> errLines = r.err().lines().filter(l -> !l.startsWith("WARNING")).toList();
        assertEquals(1, errLines.size(), r.err());
        assertTrue(errLines.getFirst().contains(file.toString()), errLines.getFirst());
        assertTrue(errLines.getFirst().toLowerCase().contains(problem), errLines.getFirst());
    }
}
