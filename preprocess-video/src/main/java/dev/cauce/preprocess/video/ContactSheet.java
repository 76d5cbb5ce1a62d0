package dev.cauce.preprocess.video;

import dev.cauce.preprocess.image.Image;
import dev.cauce.preprocess.image.ImageOps;
import dev.cauce.preprocess.image.Interpolation;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

import java.util.List;

/** A grid of thumbnails on a dark background: a quick look at what a sampler picked. */
public final class ContactSheet {
    private static final int GAP = 2;
    private static final byte BACKGROUND = 24;

    private ContactSheet() { }

    /**
     * The frames (RGB, any sizes) as thumbnails {@code thumbWidth} wide, aspect kept, in rows of
     * {@code columns}, left to right and top to bottom.
     */
    public static Image of(List<Image> frames, int columns, int thumbWidth) {
        if (frames.isEmpty()) throw new IllegalArgumentException("a contact sheet needs at least one frame");
        if (columns < 1) throw new IllegalArgumentException("columns must be >= 1, got " + columns);
        if (thumbWidth < 1) throw new IllegalArgumentException("thumbWidth must be >= 1, got " + thumbWidth);
        Image first = frames.getFirst();
        int thumbHeight = Math.max(1, (int) Math.round((double) first.height() * thumbWidth / first.width()));
        int cols = Math.min(columns, frames.size());
        int rows = (frames.size() + cols - 1) / cols;
        int width = cols * thumbWidth + (cols + 1) * GAP;
        int height = rows * thumbHeight + (rows + 1) * GAP;
        byte[] bg = new byte[width * height * 3];
        java.util.Arrays.fill(bg, BACKGROUND);
        Image sheet = Image.ofBytes(width, height, 3, bg);
        try (Mat dst = sheet.toMat()) {
            for (int i = 0; i < frames.size(); i++) {
                Image thumb = ImageOps.resize(frames.get(i).toRgb().toDepth(Image.Depth.U8), thumbWidth, thumbHeight, Interpolation.AREA);
                int x = GAP + (i % cols) * (thumbWidth + GAP);
                int y = GAP + (i / cols) * (thumbHeight + GAP);
                try (Mat src = thumb.toMat(); Rect r = new Rect(x, y, thumbWidth, thumbHeight); Mat cell = dst.apply(r)) {
                    src.copyTo(cell);
                }
            }
            return Image.fromMat(dst);
        }
    }
}
