package dev.cauce.preprocess.image;

import dev.cauce.core.SampleException;
import dev.cauce.core.Tensor;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;

import java.io.IOException;
import dev.cauce.core.io.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.flip;
import static org.bytedeco.opencv.global.opencv_core.transpose;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_ANYCOLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_ANYDEPTH;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_PNG_COMPRESSION;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_core.compare;
import static org.bytedeco.opencv.global.opencv_core.CMP_NE;

/**
 * Decoding and encoding through OpenCV's imgcodecs: JPEG, PNG, BMP, WebP and TIFF; 8- and 16-bit;
 * gray, RGB and RGBA. Decoded images are RGB(A) (converted once from OpenCV's BGR), keep their
 * channel count (gray stays 1 channel, alpha is kept) and their depth (16-bit PNG stays
 * {@link Image.Depth#U16}), and have their EXIF orientation applied.
 *
 * <p>Why two decodes for images with alpha: OpenCV applies EXIF orientation for every flag set
 * except {@code IMREAD_UNCHANGED}, and {@code IMREAD_UNCHANGED} is the only set that keeps the
 * alpha channel. For files whose header announces alpha we decode both ways and orient the
 * alpha-keeping result like the oriented one (the orientation is one of the 8 exact
 * flip/transpose symmetries, found by comparing colour channels). Files without alpha decode once.
 */
public final class ImageCodec {

    static {
        NativeSetup.ensure();
    }

    private ImageCodec() {
    }

    /**
     * Decodes a file.
     *
     * @throws SampleException naming the file when it cannot be read or is not a decodable image
     */
    public static Image decode(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SampleException(file.toString(), "cannot read file: " + e.getMessage(), e);
        }
        return decode(bytes, file.toString());
    }

    /**
     * Decodes encoded image bytes; {@code sourceName} names the input in error messages.
     *
     * @throws SampleException when the bytes are empty, truncated or not an image OpenCV can decode
     */
    public static Image decode(byte[] encoded, String sourceName) {
        return decodeWith(encoded, sourceName, (oriented, buf, format) -> orientedImage(oriented, buf, encoded, format, sourceName));
    }

    /**
     * Decodes encoded image bytes straight to a {@code [3, height, width]} RGB float tensor, values
     * mapped by {@code scale}: the same values as {@code decode(encoded, sourceName).toRgb().toTensor(scale)}.
     *
     * <p>Why a separate path: for the usual 8-bit file without alpha (every JPEG, most PNGs) the
     * decoder's BGR (or gray) pixels are read once, in native memory, straight into the float
     * planes, with red and blue swapped on the way; the RGB image in between, a full copy of the
     * pixels, is never made. Other files (16-bit, alpha) go through {@link #decode(byte[], String)}.
     *
     * @throws SampleException as {@link #decode(byte[], String)}
     */
    public static Tensor decodeToTensor(byte[] encoded, String sourceName, Image.PixelScale scale) {
        return decodeWith(encoded, sourceName, (oriented, buf, format) -> {
            int c = oriented.channels();
            if (oriented.depth() == Image.Depth.U8.cvDepth() && (c == 1 || c == 3) && oriented.isContinuous()
                    && !mayHaveAlpha(encoded, format)) {
                return PixelKernels.bgrToRgbChw(oriented, scale);
            }
            return orientedImage(oriented, buf, encoded, format, sourceName).toRgb().toTensor(scale);
        });
    }

    /** What to make of a decode: the EXIF-oriented Mat, the encoded bytes in a Mat (to decode again), the format name. */
    private interface Decoded<T> {
        T apply(Mat oriented, Mat encodedMat, String format);
    }

    /** Checks and decodes once (EXIF-oriented, any colour, any depth), hands the Mat to {@code then}, frees it. */
    private static <T> T decodeWith(byte[] encoded, String sourceName, Decoded<T> then) {
        if (encoded.length == 0) throw new SampleException(sourceName, "empty file (0 bytes), not an image");
        String format = sniffFormat(encoded);
        if (format == null) {
            throw new SampleException(sourceName, "not a JPEG, PNG, BMP, WebP or TIFF file (unrecognized signature)");
        }
        try (Mat buf = new Mat(1, encoded.length, CV_8UC1)) {
            buf.data().put(encoded);
            try (Mat oriented = imdecode(buf, IMREAD_ANYCOLOR | IMREAD_ANYDEPTH)) {
                if (oriented == null || oriented.empty()) {
                    throw new SampleException(sourceName, "corrupt or truncated " + format + " data (OpenCV could not decode it)");
                }
                checkDecoded(oriented, sourceName);
                return then.apply(oriented, buf, format);
            }
        } catch (IllegalArgumentException e) {
            throw new SampleException(sourceName, e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e instanceof SampleException) throw e;
            throw new SampleException(sourceName, "cannot decode " + format + ": " + e.getMessage(), e);
        }
    }

    /** The image of a decode: its alpha channel too when the file has one (decoded again, oriented alike). */
    private static Image orientedImage(Mat oriented, Mat buf, byte[] encoded, String format, String sourceName) {
        if (mayHaveAlpha(encoded, format)) {
            try (Mat raw = imdecode(buf, IMREAD_UNCHANGED)) {
                if (raw != null && !raw.empty() && raw.channels() == 4) {
                    try (Mat rgbaOriented = orientLike(raw, oriented, sourceName)) {
                        return Image.fromBgrMat(rgbaOriented);
                    }
                }
            }
        }
        return Image.fromBgrMat(oriented);
    }

    private static void checkDecoded(Mat m, String source) {
        int d = m.depth();
        if (d != Image.Depth.U8.cvDepth() && d != Image.Depth.U16.cvDepth() && d != Image.Depth.F32.cvDepth()) {
            throw new SampleException(source, "unsupported sample depth (OpenCV depth " + d + "); supported: 8-bit, 16-bit, float32");
        }
    }

    /** The 4-channel raw decode turned by whichever of the 8 flip/transpose symmetries makes its colour equal the oriented decode. */
    private static Mat orientLike(Mat raw, Mat oriented, String source) {
        try (Mat colour = new Mat()) {
            cvtColor(raw, colour, COLOR_BGRA2BGR);
            for (int k = 0; k < 8; k++) {
                try (Mat candidate = dihedral(colour, k)) {
                    if (sameSize(candidate, oriented) && equalPixels(candidate, oriented)) {
                        return dihedral(raw, k);
                    }
                }
            }
        }
        throw new SampleException(source, "cannot match the alpha image to its EXIF-oriented decode");
    }

    /** Symmetry k of the square: bit 0 transposes, bit 1 flips vertically, bit 2 flips horizontally. */
    private static Mat dihedral(Mat m, int k) {
        Mat out = new Mat();
        if ((k & 1) != 0) transpose(m, out); else m.copyTo(out);
        if ((k & 2) != 0) flip(out, out, 0);
        if ((k & 4) != 0) flip(out, out, 1);
        return out;
    }

    private static boolean sameSize(Mat a, Mat b) {
        return a.rows() == b.rows() && a.cols() == b.cols() && a.type() == b.type();
    }

    private static boolean equalPixels(Mat a, Mat b) {
        try (Mat ne = new Mat(); Mat flat = new Mat()) {
            compare(a.reshape(1), b.reshape(1), ne, CMP_NE);
            return countNonZero(ne) == 0;
        }
    }

    /** "JPEG", "PNG", "BMP", "WebP", "TIFF" from the file signature, or null. */
    static String sniffFormat(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) return "JPEG";
        if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') return "PNG";
        if (b.length >= 2 && b[0] == 'B' && b[1] == 'M') return "BMP";
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') return "WebP";
        if (b.length >= 4 && ((b[0] == 'I' && b[1] == 'I' && b[2] == 42 && b[3] == 0)
                || (b[0] == 'M' && b[1] == 'M' && b[2] == 0 && b[3] == 42))) return "TIFF";
        return null;
    }

    /**
     * Whether the header announces an alpha channel: PNG colour types 4/6 or a tRNS chunk, WebP
     * lossless or extended-with-alpha, any TIFF or BMP (cheap to check once decoded). JPEG never.
     */
    static boolean mayHaveAlpha(byte[] b, String format) {
        return switch (format) {
            case "JPEG" -> false;
            case "PNG" -> pngHasAlpha(b);
            case "WebP" -> b.length >= 21 && ((b[12] == 'V' && b[13] == 'P' && b[14] == '8' && b[15] == 'L')
                    || (b[12] == 'V' && b[13] == 'P' && b[14] == '8' && b[15] == 'X' && (b[20] & 0x10) != 0));
            default -> true;
        };
    }

    private static boolean pngHasAlpha(byte[] b) {
        if (b.length < 26) return false;
        int colourType = b[25] & 0xFF;
        if (colourType == 4 || colourType == 6) return true;
        // walk the chunks before the image data looking for tRNS (palette or key-colour transparency)
        int pos = 8;
        while (pos + 8 <= b.length) {
            int len = ((b[pos] & 0xFF) << 24) | ((b[pos + 1] & 0xFF) << 16) | ((b[pos + 2] & 0xFF) << 8) | (b[pos + 3] & 0xFF);
            String type = new String(b, pos + 4, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
            if (type.equals("tRNS")) return true;
            if (type.equals("IDAT") || len < 0) return false;
            pos += 12 + len;
        }
        return false;
    }

    /**
     * Encodes to the format named by {@code extension} ("png", "jpg"/"jpeg", "bmp", "webp",
     * "tif"/"tiff"). PNG and TIFF keep 16-bit depth; JPEG, BMP and WebP need 8-bit images.
     * JPEG quality 95, PNG compression 3 (OpenCV's default).
     */
    public static byte[] encode(Image image, String extension) {
        String ext = extension.toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
        boolean sixteenOk = ext.equals("png") || ext.equals("tif") || ext.equals("tiff");
        if (!ext.matches("png|jpe?g|bmp|webp|tiff?")) {
            throw new IllegalArgumentException("unsupported image format '" + extension + "' (png, jpg, jpeg, bmp, webp, tif, tiff)");
        }
        if (image.depth() == Image.Depth.F32 || (image.depth() == Image.Depth.U16 && !sixteenOk)) {
            throw new IllegalArgumentException("cannot encode a " + image.depth() + " image as " + ext
                    + "; convert with toDepth(U8) first" + (sixteenOk ? "" : " (PNG and TIFF keep 16-bit)"));
        }
        int[] params = switch (ext) {
            case "jpg", "jpeg" -> new int[] {IMWRITE_JPEG_QUALITY, 95};
            case "png" -> new int[] {IMWRITE_PNG_COMPRESSION, 3};
            default -> new int[0];
        };
        try (Mat bgr = image.toBgrMat(); BytePointer out = new BytePointer(); IntPointer p = new IntPointer(params)) {
            if (!imencode("." + ext, bgr, out, p)) {
                throw new IllegalArgumentException("OpenCV could not encode " + image + " as " + ext);
            }
            byte[] bytes = new byte[(int) out.limit()];
            out.get(bytes);
            return bytes;
        }
    }

    /**
     * Writes an image to {@code file}, format from its extension, atomically (core's
     * {@link AtomicFiles}: temporary file in the same folder, then rename), so no half-written file is left.
     */
    public static void write(Image image, Path file) throws IOException {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot < 0) throw new IllegalArgumentException("cannot tell the image format of " + file + " (no extension)");
        byte[] bytes = encode(image, name.substring(dot + 1));
        AtomicFiles.write(file, out -> out.write(bytes));
    }
}
