package dev.cauce.cli;

import dev.cauce.core.io.AtomicFiles;
import dev.cauce.train.EpochStats;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

/** PNG plots of a run, drawn with XChart and written atomically (temporary file, then rename). */
final class TrainingPlots {
    private TrainingPlots() {
    }

    /** Loss (left) and accuracy (right) per epoch, train and, when present, validation. */
    static void curves(Path file, List<EpochStats> epochs) throws IOException {
        double[] x = IntStream.rangeClosed(1, epochs.size()).asDoubleStream().toArray();
        XYChart loss = chart("Loss", "epoch", "loss");
        XYChart acc = chart("Accuracy", "epoch", "accuracy");
        loss.addSeries("train", x, epochs.stream().mapToDouble(EpochStats::loss).toArray());
        acc.addSeries("train", x, epochs.stream().mapToDouble(EpochStats::accuracy).toArray());
        if (epochs.stream().allMatch(e -> e.validation() != null)) {
            loss.addSeries("validation", x, epochs.stream().mapToDouble(e -> e.validation().loss()).toArray());
            acc.addSeries("validation", x, epochs.stream().mapToDouble(e -> e.validation().accuracy()).toArray());
        }
        write(file, List.of(loss, acc));
    }

    /** One line per weight: its gradient L2 norm after every batch, on a log axis. */
    static void gradientNorms(Path file, List<String> names, List<double[]> perBatch) throws IOException {
        XYChart c = chart("Gradient L2 norm per layer", "batch", "||grad|| (log scale)");
        c.getStyler().setYAxisLogarithmic(true);
        double[] x = IntStream.rangeClosed(1, perBatch.size()).asDoubleStream().toArray();
        for (int k = 0; k < names.size(); k++) {
            final int layer = k;
            // a log axis cannot show 0: floor at 1e-30 (an exactly-zero gradient is "vanished" anyway)
            double[] y = perBatch.stream().mapToDouble(n -> Math.max(n[layer], 1e-30)).toArray();
            c.addSeries(names.get(k), x, y).setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        }
        write(file, List.of(c));
    }

    private static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart c = new XYChartBuilder().width(640).height(440).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        return c;
    }

    /** Charts side by side in one PNG. */
    private static void write(Path file, List<XYChart> charts) throws IOException {
        int w = charts.stream().mapToInt(XYChart::getWidth).sum();
        int h = charts.stream().mapToInt(XYChart::getHeight).max().orElse(1);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        int left = 0;
        for (XYChart c : charts) {
            g.drawImage(BitmapEncoder.getBufferedImage(c), left, 0, null);
            left += c.getWidth();
        }
        g.dispose();
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(img, "png", out)) throw new IOException(file + ": no PNG writer available");
        });
    }
}
