package dev.cauce.preprocess.image;

import dev.cauce.core.Rng;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_180;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
import static org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;

/**
 * Pure image operations with explicit parameters (no randomness): each returns a new image and
 * never writes into its input. Resizing and warps run in OpenCV, in place on the images' pixel
 * arrays; flips and crops are plain array copies in Java (exact, and faster than a native call).
 *
 * <p>Geometry: continuous pixel coordinates, x right, y down, the centre of the top-left pixel at
 * (0.5, 0.5), an image of width W covering [0, W]. Output sizes depend only on the input size and
 * the parameters.
 */
public final class ImageOps {

    private ImageOps() {
    }

    /** Resizes to {@code width x height} with the given filter (OpenCV {@code resize}). */
    public static Image resize(Image img, int width, int height, Interpolation interpolation) {
        return resizedCrop(img, 0, 0, img.width(), img.height(), width, height, interpolation);
    }

    /**
     * Resizes so the SHORTER side becomes {@code size}, keeping the aspect ratio; the longer side
     * is {@code round(longer * size / shorter)} (at least 1).
     */
    public static Image resizeShortestSide(Image img, int size, Interpolation interpolation) {
        int[] wh = shortestSideSize(img.width(), img.height(), size);
        return resize(img, wh[0], wh[1], interpolation);
    }

    /** Output size {@code {width, height}} of {@link #resizeShortestSide}. */
    public static int[] shortestSideSize(int width, int height, int size) {
        requirePositive("size", size);
        if (width <= height) return new int[] {size, Math.max(1, (int) Math.round((double) height * size / width))};
        return new int[] {Math.max(1, (int) Math.round((double) width * size / height)), size};
    }

    /**
     * Resizes so the LONGER side becomes {@code size}, keeping the aspect ratio; the shorter side is
     * {@code round(shorter * size / longer)} (at least 1).
     */
    public static Image resizeLongestSide(Image img, int size, Interpolation interpolation) {
        int[] wh = longestSideSize(img.width(), img.height(), size);
        return resize(img, wh[0], wh[1], interpolation);
    }

    /** Output size {@code {width, height}} of {@link #resizeLongestSide}. */
    public static int[] longestSideSize(int width, int height, int size) {
        requirePositive("size", size);
        if (width >= height) return new int[] {size, Math.max(1, (int) Math.round((double) height * size / width))};
        return new int[] {Math.max(1, (int) Math.round((double) width * size / height)), size};
    }

    /** A copy of the rectangle {@code [x, x+width) x [y, y+height)}, which must lie inside the image. */
    public static Image crop(Image img, int x, int y, int width, int height) {
        checkRect(img, x, y, width, height);
        Image out = Image.allocateLike(img, width, height);
        int rowBytes = out.rowBytes();
        for (int row = 0; row < height; row++) {
            System.arraycopy(img.pixels(), (y + row) * img.rowBytes() + x * img.pixelBytes(), out.pixels(), row * rowBytes, rowBytes);
        }
        return out;
    }

    /** The centred {@code width x height} crop; offsets are {@code (W - width) / 2} rounded down. */
    public static Image centerCrop(Image img, int width, int height) {
        if (width > img.width() || height > img.height()) {
            throw new IllegalArgumentException("centre crop " + width + "x" + height + " is larger than the image "
                    + img.width() + "x" + img.height());
        }
        return crop(img, (img.width() - width) / 2, (img.height() - height) / 2, width, height);
    }

    /**
     * Uniform aspect ratio by cropping: resize so the image covers {@code width x height} (the
     * scale is the larger of the two ratios), then centre-crop. Nothing is distorted; edges are lost.
     */
    public static Image resizeAndCenterCrop(Image img, int width, int height, Interpolation interpolation) {
        requirePositive("width", width);
        requirePositive("height", height);
        double s = Math.max((double) width / img.width(), (double) height / img.height());
        int rw = Math.max(width, (int) Math.round(img.width() * s));
        int rh = Math.max(height, (int) Math.round(img.height() * s));
        return centerCrop(resize(img, rw, rh, interpolation), width, height);
    }

    /**
     * Uniform aspect ratio by padding (letterbox): resize so the image fits inside
     * {@code width x height} (the scale is the smaller of the two ratios), then pad evenly (extra
     * pixel on the right/bottom) with {@code fill}. Nothing is lost or distorted.
     */
    public static Image letterbox(Image img, int width, int height, Interpolation interpolation, double fill) {
        LetterboxGeometry lb = letterboxGeometry(img.width(), img.height(), width, height);
        Image resized = resize(img, lb.resizedWidth(), lb.resizedHeight(), interpolation);
        return pad(resized, lb.top(), height - lb.resizedHeight() - lb.top(), lb.left(),
                width - lb.resizedWidth() - lb.left(), BorderMode.CONSTANT, fill);
    }

    /** Where a letterboxed image lands: its resized size and the top/left padding. */
    public record LetterboxGeometry(int resizedWidth, int resizedHeight, int left, int top) {
        /** The map from source coordinates to letterboxed coordinates (for boxes and keypoints). */
        public Affine affine(int srcWidth, int srcHeight) {
            return Affine.scaling((double) resizedWidth / srcWidth, (double) resizedHeight / srcHeight)
                    .then(Affine.translation(left, top));
        }
    }

    /** Geometry of {@link #letterbox}, without touching pixels. */
    public static LetterboxGeometry letterboxGeometry(int srcWidth, int srcHeight, int width, int height) {
        requirePositive("width", width);
        requirePositive("height", height);
        double s = Math.min((double) width / srcWidth, (double) height / srcHeight);
        int rw = Math.max(1, Math.min(width, (int) Math.round(srcWidth * s)));
        int rh = Math.max(1, Math.min(height, (int) Math.round(srcHeight * s)));
        return new LetterboxGeometry(rw, rh, (width - rw) / 2, (height - rh) / 2);
    }

    /** Pads each side by the given number of pixels (OpenCV {@code copyMakeBorder}). */
    public static Image pad(Image img, int top, int bottom, int left, int right, BorderMode border, double fill) {
        if (top < 0 || bottom < 0 || left < 0 || right < 0) {
            throw new IllegalArgumentException("padding must be >= 0, got top=" + top + " bottom=" + bottom
                    + " left=" + left + " right=" + right);
        }
        return Image.throughMat(img, (src, dst) -> {
            try (Scalar value = Scalar.all(fill)) {
                copyMakeBorder(src, dst, top, bottom, left, right, border.cvFlag(), value);
            }
        });
    }

    /**
     * Crops {@code [x, x+w) x [y, y+h)} and resizes it to {@code outWidth x outHeight} in one step
     * (what random-resized-crop applies): the rectangle is read in place, never copied. Equivalent
     * continuous map: {@link #resizedCropAffine}.
     */
    public static Image resizedCrop(Image img, int x, int y, int w, int h, int outWidth, int outHeight,
                                    Interpolation interpolation) {
        checkRect(img, x, y, w, h);
        requirePositive("width", outWidth);
        requirePositive("height", outHeight);
        // cv::resize copies when the size does not change; so do we (and OpenCV's HAL is never asked to)
        if (w == outWidth && h == outHeight) return crop(img, x, y, w, h);
        Image out = Image.allocateLike(img, outWidth, outHeight);
        OpenCvHal.resize(img, x, y, w, h, out, interpolation.cvFlag());
        return out;
    }

    /** The continuous-coordinate map of {@link #resizedCrop} (OpenCV's resize is half-pixel centred, so this is exact). */
    public static Affine resizedCropAffine(int x, int y, int w, int h, int outWidth, int outHeight) {
        return Affine.translation(-x, -y).then(Affine.scaling((double) outWidth / w, (double) outHeight / h));
    }

    /** Mirror left-right (exact; OpenCV {@code flip}). Map: {@link Affine#horizontalFlip}(W). */
    public static Image horizontalFlip(Image img) {
        return flipped(img, 1);
    }

    /** Mirror top-bottom (exact). Map: {@link Affine#verticalFlip}(H). */
    public static Image verticalFlip(Image img) {
        return flipped(img, 0);
    }

    private static Image flipped(Image img, int code) {
        Image out = Image.allocateLike(img, img.width(), img.height());
        if (code == 1) PixelKernels.mirrorRows(img, out);
        else PixelKernels.reverseRows(img, out);
        return out;
    }

    /**
     * Rotates by {@code quarterTurns * 90} degrees counter-clockwise (as displayed) without
     * resampling; odd turns swap width and height. Map: {@link #rotate90Affine}.
     */
    public static Image rotate90(Image img, int quarterTurns) {
        int k = Math.floorMod(quarterTurns, 4);
        if (k == 0) return img;
        boolean swap = (k & 1) == 1;
        int code = switch (k) {
            case 1 -> ROTATE_90_COUNTERCLOCKWISE;
            case 2 -> ROTATE_180;
            default -> ROTATE_90_CLOCKWISE;
        };
        return Image.throughMat(img, (src, dst) -> opencv_core.rotate(src, dst, code));
    }

    /** The continuous map of {@link #rotate90} for a {@code width x height} source. */
    public static Affine rotate90Affine(int width, int height, int quarterTurns) {
        return switch (Math.floorMod(quarterTurns, 4)) {
            case 0 -> Affine.IDENTITY;
            case 1 -> new Affine(0, 1, 0, -1, 0, width);           // (x, y) -> (y, W - x)
            case 2 -> new Affine(-1, 0, width, 0, -1, height);     // (x, y) -> (W - x, H - y)
            default -> new Affine(0, -1, height, 1, 0, 0);         // (x, y) -> (H - y, x)
        };
    }

    /**
     * Rotates about the image centre (W/2, H/2) by {@code degrees} COUNTER-CLOCKWISE as displayed
     * (OpenCV and torchvision convention), keeping the size; uncovered pixels get {@code fill}.
     * Map: {@code Affine.rotation(-radians).about(W/2, H/2)}.
     */
    public static Image rotate(Image img, double degrees, Interpolation interpolation, BorderMode border, double fill) {
        Affine m = rotationAboutCentre(img.width(), img.height(), degrees);
        return warpAffine(img, m, img.width(), img.height(), interpolation, border, fill);
    }

    /** The map of {@link #rotate}. */
    public static Affine rotationAboutCentre(int width, int height, double degrees) {
        return Affine.rotation(-Math.toRadians(degrees)).about(width / 2.0, height / 2.0);
    }

    /**
     * Warps with the continuous-coordinate map {@code m} (source to destination) into a
     * {@code width x height} output with one OpenCV {@code warpAffine} call. The half-pixel shift to
     * OpenCV's integer grid is applied here ({@link Affine#toIntegerGrid()}), so a box mapped with
     * the same {@code m} lands exactly on the warped pixels. OpenCV receives the inverse map
     * directly (it would otherwise invert it), computed here in double precision as it does.
     */
    public static Image warpAffine(Image img, Affine m, int width, int height, Interpolation interpolation,
                                   BorderMode border, double fill) {
        requirePositive("width", width);
        requirePositive("height", height);
        if (interpolation == Interpolation.AREA) {
            throw new IllegalArgumentException("AREA interpolation is for resizing; warps take nearest, bilinear or bicubic");
        }
        Image out = Image.allocateLike(img, width, height);
        OpenCvHal.warpAffine(img, out, inverseAsOpenCv(m.toIntegerGrid().toArray()), interpolation.cvFlag(), border.cvFlag(), fill);
        return out;
    }

    /**
     * The inverse of a 2x3 map exactly as {@code cv::warpAffine} computes it when not given
     * {@code WARP_INVERSE_MAP} (same formula, same operation order, so the same doubles); a singular
     * map becomes all zeros, as there.
     */
    static double[] inverseAsOpenCv(double[] m) {
        double d = m[0] * m[4] - m[1] * m[3];
        d = d != 0 ? 1. / d : 0;
        double a11 = m[4] * d, a22 = m[0] * d;
        double[] inv = m.clone();
        inv[0] = a11;
        inv[1] *= -d;
        inv[3] *= -d;
        inv[4] = a22;
        double b1 = -inv[0] * inv[2] - inv[1] * inv[5];
        double b2 = -inv[3] * inv[2] - inv[4] * inv[5];
        inv[2] = b1;
        inv[5] = b2;
        return inv;
    }

    /**
     * Random-erasing's pixel step: sets the rectangle {@code [x, x+w) x [y, y+h)} (clipped to the
     * image) to {@code fill} in every channel.
     */
    public static Image erase(Image img, int x, int y, int w, int h, double fill) {
        int x0 = Math.max(0, x), y0 = Math.max(0, y);
        int x1 = Math.min(img.width(), x + w), y1 = Math.min(img.height(), y + h);
        if (x1 <= x0 || y1 <= y0) return copy(img);
        return Image.throughMat(img, (src, dst) -> {
            src.copyTo(dst);
            try (Rect r = new Rect(x0, y0, x1 - x0, y1 - y0); Mat roi = new Mat(dst, r); Scalar value = Scalar.all(fill)) {
                roi.put(value);
            }
        });
    }

    /**
     * A copy with each box outlined ({@code thickness} px, drawn inside the box's pixel cells) in a
     * colour chosen by its label. For previews; 8-bit RGB images only.
     */
    public static Image drawBoxes(Image img, java.util.List<Box> boxes, int thickness) {
        if (img.depth() != Image.Depth.U8 || img.channels() != 3) {
            throw new IllegalArgumentException("drawBoxes needs an 8-bit RGB image, got " + img);
        }
        double[][] palette = {{230, 25, 75}, {60, 180, 75}, {255, 225, 25}, {0, 130, 200}, {245, 130, 48}, {145, 30, 180}, {70, 240, 240}, {240, 50, 230}};
        try (Mat dst = img.toMat()) {
            for (Box b : boxes) {
                double[] c = palette[Math.floorMod(b.label(), palette.length)];
                // continuous [x1, x2] covers pixel columns floor(x1) .. ceil(x2) - 1
                try (org.bytedeco.opencv.opencv_core.Point p1 = new org.bytedeco.opencv.opencv_core.Point((int) Math.floor(b.x1()), (int) Math.floor(b.y1()));
                     org.bytedeco.opencv.opencv_core.Point p2 = new org.bytedeco.opencv.opencv_core.Point((int) Math.ceil(b.x2()) - 1, (int) Math.ceil(b.y2()) - 1);
                     Scalar colour = new Scalar(c[0], c[1], c[2], 255)) {
                    opencv_imgproc.rectangle(dst, p1, p2, colour, thickness, opencv_imgproc.LINE_8, 0);
                }
            }
            return Image.fromMat(dst);
        }
    }

    /**
     * Tiles images into a grid of {@code columns} columns, each letterboxed into a
     * {@code tile x tile} cell with a {@code gap}-px border of {@code fill}. 8-bit RGB output;
     * gray and RGBA tiles are converted.
     */
    public static Image grid(java.util.List<Image> tiles, int columns, int tile, int gap, double fill) {
        requirePositive("columns", columns);
        requirePositive("tile", tile);
        if (tiles.isEmpty()) throw new IllegalArgumentException("grid needs at least one image");
        int rows = (tiles.size() + columns - 1) / columns;
        int w = columns * tile + (columns + 1) * gap, h = rows * tile + (rows + 1) * gap;
        try (Mat dst = new Mat(h, w, opencv_core.CV_8UC3); Scalar bg = Scalar.all(fill)) {
            dst.put(bg);
            for (int i = 0; i < tiles.size(); i++) {
                Image t = tiles.get(i).toDepth(Image.Depth.U8).toRgb();
                Image cell = letterbox(t, tile, tile, Interpolation.AREA, fill);
                int x = gap + (i % columns) * (tile + gap), y = gap + (i / columns) * (tile + gap);
                try (Mat src = cell.toMat(); Rect r = new Rect(x, y, tile, tile); Mat roi = new Mat(dst, r)) {
                    src.copyTo(roi);
                }
            }
            return Image.fromMat(dst);
        }
    }

    /** A deep copy. */
    public static Image copy(Image img) {
        return crop(img, 0, 0, img.width(), img.height());
    }

    /**
     * Adds zero-mean Gaussian noise of standard deviation {@code sigma} (in the image's own units,
     * e.g. levels for 8-bit) drawn from {@code Rng.seeded(noiseSeed)}, rounding and clamping to the
     * depth's range. A fixed seed gives fixed noise, so the op stays a pure function.
     */
    public static Image gaussianNoise(Image img, double sigma, long noiseSeed) {
        if (!(sigma >= 0)) throw new IllegalArgumentException("sigma must be >= 0, got " + sigma);
        Rng rng = Rng.seeded(noiseSeed);
        int n = img.sampleCount();
        switch (img.depth()) {
            case U8 -> {
                byte[] px = img.toBytes();
                for (int i = 0; i < n; i++) {
                    long v = Math.round((px[i] & 0xFF) + sigma * rng.nextGaussian());
                    px[i] = (byte) Math.max(0, Math.min(255, v));
                }
                return Image.ofBytes(img.width(), img.height(), img.channels(), px);
            }
            case U16 -> {
                short[] px = img.toShorts();
                for (int i = 0; i < n; i++) {
                    long v = Math.round((px[i] & 0xFFFF) + sigma * rng.nextGaussian());
                    px[i] = (short) Math.max(0, Math.min(65535, v));
                }
                return Image.ofShorts(img.width(), img.height(), img.channels(), px);
            }
            default -> {
                float[] px = img.toFloats();
                for (int i = 0; i < n; i++) px[i] = (float) (px[i] + sigma * rng.nextGaussian());
                return Image.ofFloats(img.width(), img.height(), img.channels(), px);
            }
        }
    }

    private static void checkRect(Image img, int x, int y, int w, int h) {
        if (w < 1 || h < 1 || x < 0 || y < 0 || x + w > img.width() || y + h > img.height()) {
            throw new IllegalArgumentException("rectangle x=" + x + " y=" + y + " w=" + w + " h=" + h
                    + " is empty or not inside the " + img.width() + "x" + img.height() + " image");
        }
    }

    static void requirePositive(String name, int v) {
        if (v < 1) throw new IllegalArgumentException(name + " must be >= 1, got " + v);
    }
}
