package dev.cauce.preprocess.video;

import dev.cauce.preprocess.image.Image;
import dev.cauce.preprocess.image.ImageOps;
import dev.cauce.preprocess.image.Interpolation;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.getTextSize;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;

/**
 * A grid of thumbnails on a dark background: a quick look at what a sampler picked. With captions,
 * each thumbnail gets a strip below it with its text (for a clip: the frame's index and time), so
 * a sheet can be read without the list of indices beside it.
 */
public final class ContactSheet {
    private static final int GAP = 2;
    private static final byte BACKGROUND = 24;
    /** Height of the caption strip under each thumbnail, in pixels. */
    static final int CAPTION_HEIGHT = 14;
    private static final double FONT_SCALE = 0.4;

    private ContactSheet() { }

    /**
     * The frames (RGB, any sizes) as thumbnails {@code thumbWidth} wide, aspect kept, in rows of
     * {@code columns}, left to right and top to bottom; no captions.
     */
    public static Image of(List<Image> frames, int columns, int thumbWidth) {
        return of(frames, List.of(), columns, thumbWidth);
    }

    /** The clip's frames, each captioned with its decode-order index and presentation time ({@code #12  0:00.480}). */
    public static Image of(Clip clip, int columns, int thumbWidth) {
        int[] indices = clip.indices();
        long[] micros = clip.timestampsMicros();
        List<String> captions = new ArrayList<>(indices.length);
        for (int i = 0; i < indices.length; i++) captions.add("#" + indices[i] + "  " + time(micros[i]));
        return of(clip.frames(), captions, columns, thumbWidth);
    }

    /** {@code m:ss.mmm} (minutes unbounded): short enough to fit under a 160-pixel thumbnail. */
    static String time(long micros) {
        long ms = Math.round(micros / 1000.0);
        return String.format(Locale.ROOT, "%d:%02d.%03d", ms / 60_000, ms / 1000 % 60, ms % 1000);
    }

    /**
     * As {@link #of(List, int, int)}, with {@code captions.get(i)} written under frame i (shrunk to
     * fit the thumbnail's width); an empty list means no caption strips.
     */
    public static Image of(List<Image> frames, List<String> captions, int columns, int thumbWidth) {
        if (frames.isEmpty()) throw new IllegalArgumentException("a contact sheet needs at least one frame");
        if (columns < 1) throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        if (thumbWidth < 1) throw new IllegalArgumentException("thumbWidth must be >= 1, got " + thumbWidth);
        if (!captions.isEmpty() && captions.size() != frames.size()) {
            throw new IllegalArgumentException("a contact sheet needs one caption per frame (or none), got "
                    + captions.size() + " captions for " + frames.size() + " frames");
        }
        Image first = frames.getFirst();
        int thumbHeight = Math.max(1, (int) Math.round((double) first.height() * thumbWidth / first.width()));
        int strip = captions.isEmpty() ? 0 : CAPTION_HEIGHT;
        int cols = Math.min(columns, frames.size());
        int rows = (frames.size() + cols - 1) / cols;
        int width = cols * thumbWidth + (cols + 1) * GAP;
        int height = rows * (thumbHeight + strip) + (rows + 1) * GAP;
        byte[] bg = new byte[width * height * 3];
        java.util.Arrays.fill(bg, BACKGROUND);
        Image sheet = Image.ofBytes(width, height, 3, bg);
        try (Mat dst = sheet.toMat()) {
            for (int i = 0; i < frames.size(); i++) {
                Image thumb = ImageOps.resize(frames.get(i).toRgb().toDepth(Image.Depth.U8), thumbWidth, thumbHeight, Interpolation.AREA);
                int x = GAP + (i % cols) * (thumbWidth + GAP);
                int y = GAP + (i / cols) * (thumbHeight + strip + GAP);
                try (Mat src = thumb.toMat(); Rect r = new Rect(x, y, thumbWidth, thumbHeight); Mat cell = dst.apply(r)) {
                    src.copyTo(cell);
                }
                if (strip > 0) caption(dst, captions.get(i), x, y + thumbHeight, thumbWidth);
            }
            return Image.fromMat(dst);
        }
    }

    /** Writes {@code text} in light gray into the strip at {@code (x, top)}, {@code width} wide, shrunk to fit. */
    private static void caption(Mat sheet, String text, int x, int top, int width) {
        double scale = FONT_SCALE;
        int[] baseline = new int[1];
        try (Size size = getTextSize(text, FONT_HERSHEY_SIMPLEX, scale, 1, baseline)) {
            if (size.width() > width - 2) scale *= (width - 2) / (double) size.width();
        }
        try (Point origin = new Point(x + 1, top + CAPTION_HEIGHT - 3); Scalar colour = new Scalar(220, 220, 220, 0)) {
            putText(sheet, text, origin, FONT_HERSHEY_SIMPLEX, scale, colour, 1, LINE_AA, false);
        }
    }
}
