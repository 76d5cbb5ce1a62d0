package dev.cauce.preprocess.image;

import dev.cauce.core.Tensor;
import org.bytedeco.opencv.opencv_core.Mat;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.BiConsumer;

import static org.bytedeco.opencv.global.opencv_core.CV_MAKETYPE;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGBA2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGBA2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGBA2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

/**
 * A decoded raster image: {@code height x width x channels} samples in HWC (interleaved) order,
 * channel order RGB (or gray, RGBA), one of three sample {@link Depth depths}.
 *
 * <p>Pixels live in a Java byte array, so their lifetime is the garbage collector's business: an
 * image needs no {@code close()}, can never be used after its memory is freed, and a dead
 * intermediate costs a young collection nothing. Why not native memory: native buffers freed only
 * when the collector notices their small Java wrappers piled up between collections (gigabytes on
 * a default heap), and every operation then wrote into cold, freshly faulted memory (a 256x256
 * flip ran at a third of its speed). The hot OpenCV functions read and write the arrays in place
 * ({@link OpenCvHal}); the others go through a copy in a {@link Mat} ({@link #toMat()},
 * {@link #fromMat}). An image is immutable by contract: operations never write into their input,
 * they allocate a new image and fill it before returning it.
 *
 * <p>Channel order is RGB everywhere in Cauce; OpenCV's BGR is converted once at decode
 * ({@link #fromBgrMat}) and back at encode ({@link #toBgrMat}).
 *
 * <p>Pixel coordinates: in continuous geometry the centre of the top-left pixel is (0.5, 0.5) and
 * the image covers [0, width] x [0, height]; pixel (x, y) is the unit square [x, x+1] x [y, y+1].
 */
public final class Image {

    static {
        NativeSetup.ensure();
    }

    /** Sample type of one channel value. */
    public enum Depth {
        /** unsigned 8-bit, 0..255 */
        U8(1, org.bytedeco.opencv.global.opencv_core.CV_8U, 255.0),
        /** unsigned 16-bit, 0..65535 (e.g. 16-bit PNG, TIFF) */
        U16(2, org.bytedeco.opencv.global.opencv_core.CV_16U, 65535.0),
        /** 32-bit float, nominally 0..1 */
        F32(4, org.bytedeco.opencv.global.opencv_core.CV_32F, 1.0);

        private final int bytes;
        private final int cvDepth;
        private final double maxValue;

        Depth(int bytes, int cvDepth, double maxValue) {
            this.bytes = bytes;
            this.cvDepth = cvDepth;
            this.maxValue = maxValue;
        }

        /** Bytes per sample. */
        public int bytes() {
            return bytes;
        }

        /** OpenCV depth constant ({@code CV_8U}, {@code CV_16U}, {@code CV_32F}). */
        public int cvDepth() {
            return cvDepth;
        }

        /** Value of full intensity: 255, 65535, or 1 for float. */
        public double maxValue() {
            return maxValue;
        }

        /** The depth of an OpenCV depth constant; other depths are refused. */
        public static Depth ofCv(int cvDepth) {
            for (Depth d : values()) if (d.cvDepth == cvDepth) return d;
            throw new IllegalArgumentException("unsupported OpenCV depth " + cvDepth + " (supported: CV_8U, CV_16U, CV_32F)");
        }
    }

    /** How {@link #toTensor(PixelScale)} maps sample values to floats. */
    public enum PixelScale {
        /** values unchanged (0..255 for 8-bit) */
        RAW,
        /** divided by the depth's maximum: [0, 1] */
        UNIT,
        /** {@code 2 v / max - 1}: [-1, 1] */
        SYMMETRIC;

        /** Multiplier and offset ({@code v * a + b}) for a depth. */
        double[] affine(Depth depth) {
            double max = depth.maxValue();
            return switch (this) {
                case RAW -> new double[] {1, 0};
                case UNIT -> new double[] {1 / max, 0};
                case SYMMETRIC -> new double[] {2 / max, -1};
            };
        }
    }

    private final int width;
    private final int height;
    private final int channels;
    private final Depth depth;
    /** The samples, HWC, native byte order for 16-bit and float; never written after construction. */
    private final byte[] data;
    /** A view of {@link #data} for absolute reads of 16-bit and float samples. */
    private final ByteBuffer view;

    private Image(int width, int height, int channels, Depth depth, byte[] data) {
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.depth = depth;
        this.data = data;
        this.view = ByteBuffer.wrap(data).order(ByteOrder.nativeOrder());
    }

    /**
     * A new image with zeroed pixels: the destination an operation writes into before it returns
     * the image (an image is never written after it has been handed out).
     *
     * @throws IllegalArgumentException if a size is not positive, channels is not 1, 3 or 4, or the
     *                                  image would exceed 2 GiB
     */
    public static Image allocate(int width, int height, int channels, Depth depth) {
        checkGeometry(width, height, channels);
        Objects.requireNonNull(depth, "depth");
        long bytes = (long) width * height * channels * depth.bytes();
        if (bytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("image " + width + "x" + height + "x" + channels + " " + depth
                    + " needs " + bytes + " bytes, more than the 2 GiB limit of one buffer");
        }
        return new Image(width, height, channels, depth, new byte[(int) bytes]);
    }

    /** An image of the same geometry and depth as {@code like}, {@code width x height}, zeroed. */
    static Image allocateLike(Image like, int width, int height) {
        return allocate(width, height, like.channels, like.depth);
    }

    private static void checkGeometry(int width, int height, int channels) {
        if (width < 1) throw new IllegalArgumentException("width must be >= 1, got " + width);
        if (height < 1) throw new IllegalArgumentException("height must be >= 1, got " + height);
        if (channels != 1 && channels != 3 && channels != 4) {
            throw new IllegalArgumentException("channels must be 1 (gray), 3 (RGB) or 4 (RGBA), got " + channels);
        }
    }

    /** An 8-bit image from HWC samples (copied), e.g. {@code r,g,b,r,g,b,...} row by row. */
    public static Image ofBytes(int width, int height, int channels, byte[] hwc) {
        Image img = allocate(width, height, channels, Depth.U8);
        checkLength(img, hwc.length);
        System.arraycopy(hwc, 0, img.data, 0, hwc.length);
        return img;
    }

    /** A 16-bit image from HWC samples (copied; read as unsigned). */
    public static Image ofShorts(int width, int height, int channels, short[] hwc) {
        Image img = allocate(width, height, channels, Depth.U16);
        checkLength(img, hwc.length);
        img.view.duplicate().order(ByteOrder.nativeOrder()).asShortBuffer().put(hwc);
        return img;
    }

    /** A float image from HWC samples (copied). */
    public static Image ofFloats(int width, int height, int channels, float[] hwc) {
        Image img = allocate(width, height, channels, Depth.F32);
        checkLength(img, hwc.length);
        img.view.duplicate().order(ByteOrder.nativeOrder()).asFloatBuffer().put(hwc);
        return img;
    }

    private static void checkLength(Image img, int length) {
        if (length != img.sampleCount()) {
            throw new IllegalArgumentException("expected " + img.sampleCount() + " samples for " + img.width + "x"
                    + img.height + "x" + img.channels + ", got " + length);
        }
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int channels() {
        return channels;
    }

    public Depth depth() {
        return depth;
    }

    /** {@code width * height * channels}. */
    public int sampleCount() {
        return width * height * channels;
    }

    /** OpenCV type ({@code CV_8UC3} etc.). */
    public int cvType() {
        return CV_MAKETYPE(depth.cvDepth(), channels);
    }

    /** Bytes of one pixel (all channels). */
    int pixelBytes() {
        return channels * depth.bytes();
    }

    /** Bytes of one row (rows are packed, no padding). */
    int rowBytes() {
        return width * pixelBytes();
    }

    /**
     * The pixel array itself, for this package's kernels and OpenCV calls: read it, and write it
     * only in an image that the operation has just {@link #allocate allocated} and not yet returned.
     */
    byte[] pixels() {
        return data;
    }

    /** A read-only view of the pixel bytes (native byte order, HWC). */
    public ByteBuffer buffer() {
        return view.asReadOnlyBuffer().order(ByteOrder.nativeOrder());
    }

    /** Sample at row {@code y}, column {@code x}, channel {@code c}, as a double (unsigned for U8/U16). */
    public double get(int y, int x, int c) {
        if (y < 0 || y >= height || x < 0 || x >= width || c < 0 || c >= channels) {
            throw new IndexOutOfBoundsException("(y=" + y + ", x=" + x + ", c=" + c + ") outside " + width + "x" + height + "x" + channels);
        }
        int i = ((y * width + x) * channels + c);
        return switch (depth) {
            case U8 -> data[i] & 0xFF;
            case U16 -> view.getShort(i * 2) & 0xFFFF;
            case F32 -> view.getFloat(i * 4);
        };
    }

    /** The samples of an 8-bit image, copied (HWC). */
    public byte[] toBytes() {
        requireDepth(Depth.U8);
        return data.clone();
    }

    /** The samples of a 16-bit image, copied (HWC; read them as unsigned with {@code & 0xFFFF}). */
    public short[] toShorts() {
        requireDepth(Depth.U16);
        short[] out = new short[sampleCount()];
        view.duplicate().order(ByteOrder.nativeOrder()).asShortBuffer().get(out);
        return out;
    }

    /** The samples of a float image, copied (HWC). */
    public float[] toFloats() {
        requireDepth(Depth.F32);
        float[] out = new float[sampleCount()];
        view.duplicate().order(ByteOrder.nativeOrder()).asFloatBuffer().get(out);
        return out;
    }

    private void requireDepth(Depth wanted) {
        if (depth != wanted) throw new IllegalStateException("image depth is " + depth + ", not " + wanted);
    }

    /** A copy of the pixels in a new OpenCV Mat (RGB order), owned and closed by the caller. */
    public Mat toMat() {
        Mat mat = new Mat(height, width, cvType());
        mat.data().put(data, 0, data.length);
        return mat;
    }

    /** A copy in OpenCV's BGR(A) order (gray stays gray), owned and closed by the caller. */
    public Mat toBgrMat() {
        Mat mat = toMat();
        switch (channels) {
            case 3 -> cvtColor(mat, mat, COLOR_RGB2BGR);
            case 4 -> cvtColor(mat, mat, COLOR_RGBA2BGRA);
            default -> { }
        }
        return mat;
    }

    /**
     * An image from a Mat whose channels are already in RGB(A) order (or gray); pixels are copied,
     * the Mat is not closed. Depths CV_8U, CV_16U and CV_32F with 1, 3 or 4 channels are accepted.
     */
    public static Image fromMat(Mat mat) {
        Image out = allocateLike(mat);
        int rowBytes = out.rowBytes();
        if (mat.isContinuous()) {
            mat.data().get(out.data, 0, out.data.length);
        } else {
            for (int y = 0; y < out.height; y++) mat.ptr(y).get(out.data, y * rowBytes, rowBytes);
        }
        return out;
    }

    /**
     * An image from a Mat in OpenCV's BGR(A) order (as {@code imread} and the video grabbers give),
     * converted to RGB(A); gray stays gray. Pixels are copied (and swapped) in one pass, the Mat is
     * not closed.
     */
    public static Image fromBgrMat(Mat mat) {
        if (mat.channels() == 1) return fromMat(mat);
        Image out = allocateLike(mat);
        long step = mat.step1() * mat.elemSize1();
        MemorySegment src = MemorySegment.ofAddress(mat.data().address()).reinterpret(step * (out.height - 1) + out.rowBytes());
        OpenCvHal.swapChannels(src, step, out, out.channels, true);
        return out;
    }

    private static Image allocateLike(Mat mat) {
        if (mat.empty()) throw new IllegalArgumentException("empty Mat");
        if (mat.dims() != 2) throw new IllegalArgumentException("Mat has " + mat.dims() + " dimensions, an image needs 2");
        return allocate(mat.cols(), mat.rows(), mat.channels(), Depth.ofCv(mat.depth()));
    }

    /** This image with 3 RGB channels: gray is replicated, alpha dropped; an RGB image is returned as is. */
    public Image toRgb() {
        if (channels == 3) return this;
        return convert(3, channels == 1 ? COLOR_GRAY2RGB : COLOR_RGBA2RGB);
    }

    /** This image as one gray channel (ITU-R BT.601 luma, as OpenCV); a gray image is returned as is. */
    public Image toGray() {
        if (channels == 1) return this;
        return convert(1, channels == 3 ? COLOR_RGB2GRAY : COLOR_RGBA2GRAY);
    }

    private Image convert(int newChannels, int code) {
        if (channels == 4 && newChannels == 3) {
            // dropping alpha is a plain channel copy: done in one pass straight from this image's array
            Image out = allocate(width, height, 3, depth);
            OpenCvHal.swapChannels(MemorySegment.ofArray(data), rowBytes(), out, 4, false);
            return out;
        }
        return throughMat(this, (src, dst) -> cvtColor(src, dst, code));
    }

    /** This image converted to another depth, rescaled so full intensity stays full intensity. */
    public Image toDepth(Depth target) {
        if (target == depth) return this;
        return throughMat(this, (src, dst) -> src.convertTo(dst, target.cvDepth(), target.maxValue() / depth.maxValue(), 0));
    }

    /**
     * Runs an OpenCV function that has no in-place path on the pixel arrays: the image is copied
     * into a Mat, {@code op} writes a new Mat, and that is copied back into a new image. For the
     * less frequent operations; the hot ones call {@link OpenCvHal} on the arrays directly.
     */
    static Image throughMat(Image img, BiConsumer<Mat, Mat> op) {
        try (Mat src = img.toMat(); Mat dst = new Mat()) {
            op.accept(src, dst);
            return fromMat(dst);
        }
    }

    /** The pixels as a CHW float tensor with raw values (0..255 for 8-bit). */
    public Tensor toTensor() {
        return toTensor(PixelScale.RAW);
    }

    /**
     * The pixels as a {@code [channels, height, width]} float tensor (CHW, the layout training
     * wants), each value mapped by {@code scale}.
     */
    public Tensor toTensor(PixelScale scale) {
        double[] ab = scale.affine(depth);
        float[] mul = new float[channels];
        float[] add = new float[channels];
        Arrays.fill(mul, (float) ab[0]);
        Arrays.fill(add, (float) ab[1]);
        return PixelKernels.affineToChw(this, mul, add);
    }

    /**
     * An 8-bit image from a {@code [C, H, W]} (or {@code [H, W]} for gray) tensor whose values were
     * produced with {@code scale}; values are un-scaled, rounded and clamped to 0..255.
     */
    public static Image fromTensor(Tensor chw, PixelScale scale) {
        int[] s = chw.shape();
        int c, h, w;
        if (s.length == 2) {
            c = 1; h = s[0]; w = s[1];
        } else if (s.length == 3) {
            c = s[0]; h = s[1]; w = s[2];
        } else {
            throw new IllegalArgumentException("expected a [C,H,W] or [H,W] tensor, got rank " + s.length);
        }
        double[] ab = scale.affine(Depth.U8);
        float[] in = chw.data();
        byte[] px = new byte[c * h * w];
        int plane = h * w;
        for (int ch = 0; ch < c; ch++) {
            for (int i = 0; i < plane; i++) {
                double v = Math.rint((in[ch * plane + i] - ab[1]) / ab[0]);
                px[i * c + ch] = (byte) Math.max(0, Math.min(255, (int) v));
            }
        }
        return ofBytes(w, h, c, px);
    }

    /** Equal when size, channels, depth and every sample are equal. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Image i && i.width == width && i.height == height && i.channels == channels
                && i.depth == depth && Arrays.equals(i.data, data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(width, height, channels, depth, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "Image[" + width + "x" + height + "x" + channels + " " + depth + "]";
    }
}
