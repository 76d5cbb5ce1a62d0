package dev.cauce.cli.audio;

import dev.cauce.core.io.AtomicFiles;
import dev.cauce.preprocess.audio.Spectrogram;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.vconcat;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLORMAP_MAGMA;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.applyColorMap;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/**
 * Renders dB spectrograms as a PNG with OpenCV's magma colour map: one titled panel per
 * spectrogram, stacked vertically, low frequencies at the bottom. All panels share one colour
 * scale ({@code [top - range, top]} dB) so they can be compared.
 */
public final class SpectrogramPicture {
    private SpectrogramPicture() { }

    /** A spectrogram with the caption drawn over its panel. */
    public record Panel(String title, Spectrogram db) { }

    /**
     * Writes the panels to {@code png} (atomically).
     *
     * @param top   the dB value drawn brightest
     * @param range dB below {@code top} drawn darkest
     */
    public static void write(Path png, List<Panel> panels, float top, float range) throws IOException {
        if (panels.isEmpty()) throw new IllegalArgumentException("nothing to draw");
        byte[] bytes;
        try (PointerScope scope = new PointerScope()) {
            MatVector rows = new MatVector();
            for (Panel p : panels) rows.push_back(panel(p, top, range));
            Mat all = new Mat();
            vconcat(rows, all);
            BytePointer buf = new BytePointer();
            if (!imencode(".png", all, buf)) throw new IOException(png + ": PNG encoding failed");
            bytes = new byte[(int) buf.limit()];
            buf.get(bytes);
        }
        AtomicFiles.write(png, o -> o.write(bytes));
    }

    private static Mat panel(Panel p, float top, float range) {
        Spectrogram s = p.db();
        int h = s.bins(), w = s.frames();
        byte[] px = new byte[h * w];
        for (int f = 0; f < h; f++) {
            int row = (h - 1 - f) * w; // low frequencies at the bottom
            for (int t = 0; t < w; t++) {
                float v = (s.get(f, t) - (top - range)) / range;
                px[row + t] = (byte) Math.round(255 * Math.max(0f, Math.min(1f, v)));
            }
        }
        Mat gray = new Mat(h, w, CV_8UC1);
        gray.data().put(px);
        Mat colour = new Mat();
        applyColorMap(gray, colour, COLORMAP_MAGMA);
        int scaleX = Math.max(1, 900 / w), scaleY = Math.max(1, 256 / h);
        Mat big = new Mat();
        resize(colour, big, new Size(w * scaleX, h * scaleY), 0, 0, INTER_NEAREST);
        putText(big, p.title(), new Point(8, 22), FONT_HERSHEY_SIMPLEX, 0.6, new Scalar(255, 255, 255, 0), 1, LINE_AA, false);
        return big;
    }
}
