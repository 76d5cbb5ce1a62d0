package dev.cauce.bench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The parsing and arithmetic of {@code cauce bench}, on result lines the two benches printed (2026-12-04). */
class SideBySideTest {
    // the end of a real MnistTrainBench run and of a real torch_mlp_mnist.py run (one epoch)
    private static final String CAUCE = """
            [cnn] epoch 3: loss 0.0874, acc 0.9753, 2,986 samples/s, data wait 1%, 2.679s (2.653s without data wait)
            {"variant": "cnn", "threads": 2, "epochs": 3, "train_samples_per_s": 3115.3, "train_samples_per_s_after_epoch1": 3314.3, "warmup_steps": 0, "warmup_s": 0.000, "train_samples_per_s_incl_warmup": 3115.3, "test_acc": 0.9670, "peak_rss_mib": 305.3}
            """;
    private static final String TORCH = """
            {"variant": "mlp", "threads": 2, "epochs": 1, "batch": 128, "n_train": 8000, "n_test": 2000, "params": 235146, "train_samples_per_s": 12601.1, "epoch_s_mean": 0.6349, "test_acc": 0.899, "train_acc": 0.907, "rss_after_setup_mib": 266.1, "peak_rss_mib": 301.8, "GOMP_SPINCOUNT": null}
            """;

    @Test
    void readsTheLastJsonLineOfEachBench() {
        assertEquals(new SideBySide.Run(3115.3, 305.3, 0.967), SideBySide.Run.parse(CAUCE, "Cauce"));
        // "train_samples_per_s" must not be confused with "train_samples_per_s_after_epoch1" (first match wins)
        assertEquals(new SideBySide.Run(12601.1, 301.8, 0.899), SideBySide.Run.parse(TORCH, "PyTorch"));
    }

    @Test
    void aRunWithoutAResultLineIsNamed() {
        var e = assertThrows(IllegalStateException.class, () -> SideBySide.Run.parse("Traceback (most recent call last):\nImportError: torch\n", "PyTorch"));
        assertTrue(e.getMessage().startsWith("PyTorch printed no JSON result line") && e.getMessage().contains("ImportError: torch"), e.getMessage());
        var missing = assertThrows(IllegalStateException.class, () -> SideBySide.Run.parse("{\"test_acc\": 0.9}\n", "Cauce"));
        assertTrue(missing.getMessage().contains("no \"train_samples_per_s\""), missing.getMessage());
    }

    @Test
    void mediansAndTheSummaryOfRounds() {
        assertEquals(2.0, SideBySide.median(new double[] {3, 1, 2}));
        assertEquals(2.5, SideBySide.median(new double[] {4, 1, 3, 2}));
        // three rounds of the CNN measured 2026-12-04 (PyTorch, Cauce samples/s)
        List<SideBySide.Run> torch = List.of(new SideBySide.Run(3599.9, 452.2, 0.9675), new SideBySide.Run(3376.8, 452.0, 0.9675),
                new SideBySide.Run(3102.6, 443.0, 0.9675));
        List<SideBySide.Run> cauce = List.of(new SideBySide.Run(2815.2, 311.9, 0.967), new SideBySide.Run(3027.2, 281.4, 0.967),
                new SideBySide.Run(3429.2, 292.7, 0.967));
        // ratios 0.782, 0.8965 (shown as 0.90x, yet below the goal) and 1.105
        String s = SideBySide.summary(torch, cauce, 0.9);
        assertTrue(s.contains("median samples/s: PyTorch 3,377, Cauce 3,027"), s);
        assertTrue(s.contains("per round 0.78-1.11x, median 0.90x; 1 of 3 rounds at or above 0.90x"), s);
        assertTrue(s.contains("peak RSS: PyTorch 443-452 MiB, Cauce 281-312 MiB"), s);
    }
}
