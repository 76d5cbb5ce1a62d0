package dev.cauce.train.callback;

import dev.cauce.core.io.AtomicFiles;
import dev.cauce.train.EpochStats;
import dev.cauce.train.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes one CSV row per epoch: {@value #HEADER}. Validation columns are empty without a
 * validation stream. The whole file is rewritten atomically after every epoch, so a reader (or a
 * crash) never sees a half-written line.
 */
public final class CsvLogger implements TrainingListener {
    static final String HEADER = "epoch,loss,accuracy,val_loss,val_accuracy,seconds,samples_per_second,data_wait_share";
    private final Path file;
    private final StringBuilder rows = new StringBuilder(HEADER).append('\n');

    public CsvLogger(Path file) {
        this.file = file;
    }

    @Override
    public void onEpochEnd(EpochStats s) {
        rows.append(String.format(Locale.ROOT, "%d,%.6f,%.6f,%s,%s,%.3f,%.1f,%.4f%n", s.epoch() + 1, s.loss(), s.accuracy(),
                s.validation() == null ? "" : String.format(Locale.ROOT, "%.6f", s.validation().loss()),
                s.validation() == null ? "" : String.format(Locale.ROOT, "%.6f", s.validation().accuracy()),
                s.seconds(), s.samplesPerSecond(), s.dataWaitShare()));
        byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
        try {
            AtomicFiles.write(file, out -> out.write(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metrics log " + file + ": " + e.getMessage(), e);
        }
    }
}
