package dev.cauce.preprocess.video;

import dev.cauce.preprocess.image.Image;
import dev.cauce.preprocess.image.ImageOps;
import dev.cauce.preprocess.image.Interpolation;

/** Small frame helpers for analysis and previews. */
public final class Frames {
    private Frames() { }

    /** {@code img} shrunk to {@code width} columns with area averaging, aspect kept; unchanged if already narrower. */
    public static Image shrinkToWidth(Image img, int width) {
        if (width <= 0 || img.width() <= width) return img;
        int height = Math.max(1, (int) Math.round((double) img.height() * width / img.width()));
        return ImageOps.resize(img, width, height, Interpolation.AREA);
    }
}
