package dev.cauce.preprocess.image;

import org.bytedeco.opencv.global.opencv_imgproc;

/** Resampling filter, mapped to OpenCV's {@code INTER_*} flags (same conventions as OpenCV-Python). */
public enum Interpolation {
    /** nearest neighbour; OpenCV picks {@code floor(dst * in / out)} (not half-pixel centred) */
    NEAREST(opencv_imgproc.INTER_NEAREST),
    /** bilinear with half-pixel centres, no antialiasing */
    BILINEAR(opencv_imgproc.INTER_LINEAR),
    /** pixel-area averaging (a box filter when shrinking): the best choice for downscaling */
    AREA(opencv_imgproc.INTER_AREA),
    /** bicubic, a = -0.75, half-pixel centres */
    BICUBIC(opencv_imgproc.INTER_CUBIC);

    private final int cvFlag;

    Interpolation(int cvFlag) {
        this.cvFlag = cvFlag;
    }

    /** OpenCV's flag. */
    public int cvFlag() {
        return cvFlag;
    }

    /** Parses "nearest", "bilinear"/"linear", "area", "bicubic"/"cubic" (case-insensitive). */
    public static Interpolation parse(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "nearest" -> NEAREST;
            case "bilinear", "linear" -> BILINEAR;
            case "area" -> AREA;
            case "bicubic", "cubic" -> BICUBIC;
            default -> throw new IllegalArgumentException("unknown interpolation '" + name + "' (nearest, bilinear, area, bicubic)");
        };
    }
}
