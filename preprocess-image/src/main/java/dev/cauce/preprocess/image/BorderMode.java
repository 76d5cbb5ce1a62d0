package dev.cauce.preprocess.image;

import org.bytedeco.opencv.global.opencv_core;

/** How warps and pads fill pixels that come from outside the source, mapped to OpenCV's {@code BORDER_*}. */
public enum BorderMode {
    /** a constant fill value */
    CONSTANT(opencv_core.BORDER_CONSTANT),
    /** mirror without repeating the edge pixel ({@code gfedcb|abcdefgh|gfedcba}) */
    REFLECT(opencv_core.BORDER_REFLECT_101),
    /** repeat the edge pixel ({@code aaaaaa|abcdefgh|hhhhhhh}) */
    REPLICATE(opencv_core.BORDER_REPLICATE),
    /** tile the image ({@code cdefgh|abcdefgh|abcdefg}) */
    WRAP(opencv_core.BORDER_WRAP);

    private final int cvFlag;

    BorderMode(int cvFlag) {
        this.cvFlag = cvFlag;
    }

    public int cvFlag() {
        return cvFlag;
    }

    /** Parses "constant", "reflect", "replicate", "wrap" (case-insensitive). */
    public static BorderMode parse(String name) {
        try {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown border mode '" + name + "' (constant, reflect, replicate, wrap)");
        }
    }
}
