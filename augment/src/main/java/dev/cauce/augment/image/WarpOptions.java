package dev.cauce.augment.image;

import dev.cauce.preprocess.image.BorderMode;
import dev.cauce.preprocess.image.Interpolation;

import java.util.Map;

/**
 * How a geometric augmentation resamples: interpolation of the pixels (masks always use nearest),
 * what fills the uncovered area, and the fill value for {@link BorderMode#CONSTANT}.
 */
public record WarpOptions(Interpolation interpolation, BorderMode border, double fill) {
    /** Bilinear, constant border 0 (torchvision's and albumentations' usual setting). */
    public static final WarpOptions DEFAULT = new WarpOptions(Interpolation.BILINEAR, BorderMode.CONSTANT, 0);

    public WarpOptions {
        if (interpolation == Interpolation.AREA) {
            throw new IllegalArgumentException("warps take nearest, bilinear or bicubic interpolation, not area");
        }
        if (!Double.isFinite(fill)) throw new IllegalArgumentException("fill must be finite, got " + fill);
    }

    Map<String, Object> params() {
        return Map.of("interpolation", interpolation.name(), "border", border.name(), "fill", fill);
    }
}
