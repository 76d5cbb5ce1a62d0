package dev.cauce.cli;

import static dev.cauce.cli.TrainCommandTest.images;
import static dev.cauce.cli.TrainCommandTest.labels;
import static dev.cauce.cli.TrainCommandTest.split;
import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The issue-3 options of {@code cauce train} on a few hundred real MNIST digits. */
class TrainOptionsTest {
    static final String CNN = "conv(32,5)-relu-maxpool(2)-conv(64,5)-relu-maxpool(2)-dense(128)-relu-dropout(0.5)-dense(10)";

    @BeforeAll
    static void readRealMnist() throws IOException {
        TrainCommandTest.readRealMnist();
    }

    static CliRun train(Path data, String... more) {
        String[] base = {"train", "--data", data.toString(), "--threads", "1", "--batch-size", "32"};
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return CliRun.of(all);
    }

    static double testAccuracy(CliRun r) {
        assertEquals(0, r.exitCode(), r.out() + r.err());
        String last = r.out().lines().toList().getLast();
        assertTrue(last.matches("test accuracy: 0\\.\\d{4}|test accuracy: 1\\.0000"), last);
        return Double.parseDouble(last.substring("test accuracy: ".length()));
    }

    @Test
    void theIssuesCnnTrainsOnDigitsAndWritesCurvesGradientNormsAndCsv(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        split(data, 300, images, labels);
        Path curves = dir.resolve("curves.png"), norms = dir.resolve("norms.png"), csv = dir.resolve("log.csv");
        CliRun r = train(data, "--epochs", "2", "--model", CNN, "--validation-split", "0.2",
                "--plot", curves.toString(), "--grad-norms", norms.toString(), "--metrics-csv", csv.toString());
        double acc = testAccuracy(r);
        assertTrue(r.out().contains("sample shape [1, 28, 28]"), r.out());
        assertTrue(acc > 0.3, "16 Adam updates of the CNN should be well above chance (0.1), got " + acc);
        BufferedImage c = ImageIO.read(curves.toFile());
        assertNotNull(c, "curves.png is not a readable PNG");
        assertEquals(1280, c.getWidth(), "loss and accuracy charts side by side");
        assertNotNull(ImageIO.read(norms.toFile()), "norms.png is not a readable PNG");
        assertEquals(3, Files.readAllLines(csv).size(), "header and one row per epoch");
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".tmp")), "no temporary files left");
        }
    }

    @Test
    void earlyStoppingHaltsAndRestoresTheBestEpoch(@TempDir Path dir) throws IOException {
        split(dir, 300, images, labels);
        // a min-delta no loss change can beat: epoch 1 stays best; with patience 2 (Keras) epochs 2 and 3 do not
        // improve, so training stops after epoch 3
        CliRun stopped = train(dir, "--epochs", "6", "--hidden", "32", "--early-stopping", "2", "--monitor", "loss", "--min-delta", "100");
        double restored = testAccuracy(stopped);
        assertEquals(3, stopped.out().lines().filter(l -> l.startsWith("epoch ")).count(), stopped.out());
        assertTrue(stopped.out().contains("restored epoch 1"), stopped.out());
        double oneEpoch = testAccuracy(train(dir, "--epochs", "1", "--hidden", "32"));
        assertEquals(oneEpoch, restored, "the restored weights are epoch 1's");
    }

    @Test
    void resumeFromACheckpointContinuesExactlyLikeAnUninterruptedRun(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        split(data, 300, images, labels);
        Path ckpt = dir.resolve("ckpt");
        // a schedule that depends only on the step (cosine and poly depend on --epochs too, which an interrupted run keeps)
        CliRun whole = train(data, "--epochs", "3", "--hidden", "32", "--optimizer", "adam(beta2=0.98)", "--schedule", "exp(gamma=0.98)");
        CliRun first = train(data, "--epochs", "1", "--hidden", "32", "--optimizer", "adam(beta2=0.98)", "--schedule", "exp(gamma=0.98)",
                "--checkpoint", ckpt.toString());
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(Files.isRegularFile(ckpt.resolve("model.safetensors")));
        assertTrue(Files.readString(ckpt.resolve("model.safetensors.json")).contains("\"epoch\" : 1"));
        CliRun rest = train(data, "--epochs", "3", "--hidden", "32", "--optimizer", "adam(beta2=0.98)", "--schedule", "exp(gamma=0.98)",
                "--resume", ckpt.toString());
        List<String> wholeLosses = TrainCommandTest.epochLosses(whole);
        List<String> resumed = TrainCommandTest.epochLosses(rest);
        assertEquals(wholeLosses.subList(1, 3), resumed, "epochs 2 and 3 after resume");
        assertEquals(testAccuracy(whole), testAccuracy(rest));
    }

    @Test
    void modelSpecTyposAndShapesThatDoNotChainAreOneLineUsageErrors(@TempDir Path dir) throws IOException {
        split(dir, 50, images, labels);
        assertUsage(train(dir, "--model", "conv(8,5)-relu-maxpol(2)-dense(10)"), "maxpol");
        assertUsage(train(dir, "--model", "conv(8,30)-relu-dense(10)"), "conv");
        assertUsage(train(dir, "--model", "dense(64)-relu-dense(7)"), "10 classes");
        assertUsage(train(dir, "--optimizer", "adam(beta3=0.9)"), "beta3");
        assertUsage(train(dir, "--schedule", "cosinus"), "cosinus");
    }

    static void assertUsage(CliRun r, String token) {
        assertEquals(2, r.exitCode(), r.out() + r.err());
        List<String> err = r.err().lines().filter(l -> !l.startsWith("WARNING")).toList();
        assertEquals(1, err.size(), r.err());
        assertTrue(err.getFirst().contains(token), err.getFirst());
    }

    @Test
    void nanLossStopsWithEpochAndBatchNamedAndLeavesTheCheckpointIntact(@TempDir Path dir) throws IOException {
        Path data = Files.createDirectory(dir.resolve("data"));
        split(data, 200, images, labels);
        Path ckpt = dir.resolve("ckpt");
        assertEquals(0, train(data, "--epochs", "1", "--hidden", "32", "--optimizer", "sgd", "--lr", "0.01",
                "--checkpoint", ckpt.toString()).exitCode());
        byte[] model = Files.readAllBytes(ckpt.resolve("model.safetensors"));
        byte[] opt = Files.readAllBytes(ckpt.resolve("optimizer.safetensors"));
        CliRun r = train(data, "--epochs", "3", "--hidden", "32", "--optimizer", "sgd", "--lr", "1e30",
                "--resume", ckpt.toString(), "--checkpoint", ckpt.toString());
        assertEquals(1, r.exitCode(), r.out() + r.err());
        List<String> err = r.err().lines().filter(l -> l.startsWith("error:")).toList();
        assertEquals(1, err.size(), r.err());
        assertTrue(err.getFirst().matches(".*epoch 2, batch \\d+.*"), err.getFirst());
        assertArrayEquals(model, Files.readAllBytes(ckpt.resolve("model.safetensors")), "checkpoint untouched");
        assertArrayEquals(opt, Files.readAllBytes(ckpt.resolve("optimizer.safetensors")));
    }
}
