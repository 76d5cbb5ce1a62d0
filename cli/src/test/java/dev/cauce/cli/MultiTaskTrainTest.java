package dev.cauce.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cauce.core.io.Safetensors;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cauce train --aux-task}: a shared trunk with the digit head and heads for labels derived
 * from the digit (parity, digit >= 5), trained end to end on real MNIST digits.
 */
class MultiTaskTrainTest {
    static byte[] images;
    static byte[] labels;

    @BeforeAll
    static void readRealMnist() throws IOException {
        images = TrainCommandTest.gunzip(TrainCommandTest.MNIST.resolve("test-images-idx3-ubyte.gz"));
        labels = TrainCommandTest.gunzip(TrainCommandTest.MNIST.resolve("test-labels-idx1-ubyte.gz"));
    }

    private static double accuracy(List<String> lines, String prefix) {
        String line = lines.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError("no line '" + prefix + "' in " + lines));
        return Double.parseDouble(line.substring(prefix.length()).strip());
    }

    @Test
    void everyHeadLearnsItsTaskAndTheCheckpointHoldsTheHeads(@TempDir Path dir) throws IOException {
        Path data = TrainCommandTest.split(dir, 600, images, labels);
        Path ckpt = dir.resolve("ckpt");
        CliRun r = CliRun.of("train", "--data", data.toString(), "--epochs", "5", "--batch-size", "32", "--hidden", "64",
                "--threads", "1", "--aux-task", "parity", "--aux-task", "ge(5)", "--task-weights", "1,0.5,0.5",
                "--checkpoint", ckpt.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(r.out().contains("tasks: class (10 outputs, weight 1.0), parity (1 outputs, weight 0.5), ge5 (1 outputs, weight 0.5)"), r.out());
        // chance is 0.5 for both binary heads and ~0.1 for the digits
        assertTrue(accuracy(lines, "test accuracy (parity head):") > 0.8, r.out());
        assertTrue(accuracy(lines, "test accuracy (ge5 head):") > 0.8, r.out());
        assertTrue(lines.getLast().matches("test accuracy: 0\\.\\d{4}"), lines.getLast());
        assertTrue(accuracy(lines, "test accuracy:") > 0.8, r.out());
        var tensors = Safetensors.read(ckpt.resolve(CheckpointDir.MODEL)).tensors();
        assertEquals(List.of(64, 1), java.util.Arrays.stream(tensors.get("head_parity.weight").shape()).boxed().toList());
        assertTrue(tensors.containsKey("head_ge5.bias") && tensors.containsKey("dense2.weight"), tensors.keySet().toString());
    }

    @Test
    void taskWeightsSteerTheSharedTrunk(@TempDir Path dir) throws IOException {
        Path data = TrainCommandTest.split(dir, 600, images, labels);
        // weight 0 on the parity head: its loss adds nothing, so the parity head stays untrained (near chance),
        // while the same run with weight 1 learns parity
        CliRun off = CliRun.of("train", "--data", data.toString(), "--epochs", "4", "--batch-size", "32", "--hidden", "64",
                "--threads", "1", "--aux-task", "parity", "--task-weights", "1,0");
        CliRun on = CliRun.of("train", "--data", data.toString(), "--epochs", "4", "--batch-size", "32", "--hidden", "64",
                "--threads", "1", "--aux-task", "parity", "--task-weights", "1,1");
        assertEquals(0, off.exitCode(), off.err());
        assertEquals(0, on.exitCode(), on.err());
        double untrained = accuracy(off.out().lines().toList(), "test accuracy (parity head):");
        double trained = accuracy(on.out().lines().toList(), "test accuracy (parity head):");
        assertTrue(untrained < 0.7 && trained > 0.8, "parity accuracy with weight 0: " + untrained + ", with weight 1: " + trained);
    }

    @Test
    void badTaskOptionsAreUsageErrorsNamingTheOption() {
        CliRun noAux = CliRun.of("train", "--task-weights", "1,2");
        assertEquals(2, noAux.exitCode());
        assertTrue(noAux.err().contains("--task-weights needs at least one --aux-task"), noAux.err());
        CliRun typo = CliRun.of("train", "--data", TrainCommandTest.MNIST.toString(), "--epochs", "1", "--aux-task", "parrity");
        assertEquals(2, typo.exitCode());
        assertTrue(typo.err().contains("--aux-task: 'parrity' is not one of parity, ge(T), mod(K)"), typo.err());
        CliRun count = CliRun.of("train", "--data", TrainCommandTest.MNIST.toString(), "--epochs", "1", "--aux-task", "parity", "--task-weights", "1");
        assertEquals(2, count.exitCode());
        assertTrue(count.err().contains("--task-weights needs 2 values"), count.err());
        CliRun range = CliRun.of("train", "--data", TrainCommandTest.MNIST.toString(), "--epochs", "1", "--aux-task", "ge(10)");
        assertEquals(2, range.exitCode());
        assertTrue(range.err().contains("T must be in [1, 9]"), range.err());
    }
}
