package dev.cauce.preprocess.video;

import dev.cauce.preprocess.image.Image;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

/** Small frame helpers the video code needs for analysis and previews. */
final class Frames {
    private Frames() { }

    /** {@code img} resized to {@code width x height} with area averaging (the right filter for shrinking). */
    static Image resizeArea(Image img, int width, int height) {
        if (img.width() == width && img.height() == height) return img;
        Image out = Image.allocate(width, height, img.channels(), img.depth());
        try (Mat src = img.asMat(); Mat dst = out.asMat(); Size size = new Size(width, height)) {
            resize(src, dst, size, 0, 0, INTER_AREA);
        }
        return out;
    }

    /** {@code img} shrunk to {@code width} columns, aspect ratio kept; unchanged if already narrower. */
    static Image shrinkToWidth(Image img, int width) {
        if (width <= 0 || img.width() <= width) return img;
        int height = Math.max(1, (int) Math.round((double) img.height() * width / img.width()));
        return resizeArea(img, width, height);
    }
}
