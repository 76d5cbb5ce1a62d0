package dev.cauce.preprocess.image;

import dev.cauce.core.Tensor;
import dev.cauce.core.simd.PixelOps;

import org.bytedeco.opencv.opencv_core.Mat;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Flips and the pixel-to-tensor conversion on the pixel arrays, in Java because a native call
 * cannot beat them: a flip is a byte permutation, and the tensor conversion writes a Java float
 * array anyway. The vector loops for 8-bit pixels are in {@link PixelOps}.
 */
final class PixelKernels {

    private PixelKernels() {
    }

    /** {@code out} = {@code in} mirrored left-right (same geometry). */
    static void mirrorRows(Image in, Image out) {
        int rowBytes = in.rowBytes();
        for (int row = 0; row < in.height(); row++) {
            PixelOps.mirrorRow(in.pixels(), out.pixels(), row * rowBytes, in.width(), in.pixelBytes());
        }
    }

    /** {@code out} = {@code in} mirrored top-bottom (same geometry). */
    static void reverseRows(Image in, Image out) {
        int rowBytes = in.rowBytes(), h = in.height();
        for (int row = 0; row < h; row++) System.arraycopy(in.pixels(), (h - 1 - row) * rowBytes, out.pixels(), row * rowBytes, rowBytes);
    }

    /** HWC samples to a CHW tensor with a per-channel {@code v * mul[c] + add[c]}. */
    static Tensor affineToChw(Image img, float[] mul, float[] add) {
        float[] out = new float[img.width() * img.height() * img.channels()];
        affineToChw(img, mul, add, out, 0);
        return Tensor.of(out, img.channels(), img.height(), img.width());
    }

    /** The values of {@link #affineToChw(Image, float[], float[])} written into {@code out} from {@code offset} on. */
    static void affineToChw(Image img, float[] mul, float[] add, float[] out, int offset) {
        int c = img.channels();
        int plane = img.width() * img.height();
        if (img.depth() == Image.Depth.U8) {
            PixelOps.u8ToPlanes(img.pixels(), plane, c, mul, add, out, offset);
            return;
        }
        if (offset < 0 || (long) offset + (long) plane * c > out.length) {
            throw new IndexOutOfBoundsException(plane * c + " values from offset " + offset + " do not fit in " + out.length + " floats");
        }
        ByteBuffer px = ByteBuffer.wrap(img.pixels()).order(ByteOrder.nativeOrder());
        boolean u16 = img.depth() == Image.Depth.U16;
        for (int i = 0, s = 0; i < plane; i++, s += c) {
            for (int ch = 0; ch < c; ch++) {
                float v = u16 ? px.getShort((s + ch) * 2) & 0xFFFF : px.getFloat((s + ch) * 4);
                out[offset + ch * plane + i] = v * mul[ch] + add[ch];
            }
        }
    }

    /**
     * A continuous 8-bit Mat of BGR (3 channels) or gray (1) pixels, as a decoder gives them, to
     * a {@code [3, H, W]} RGB tensor mapped by {@code scale}: read once from native memory, red and
     * blue swapped on the way; gray is replicated into the three planes (as GRAY2RGB does).
     */
    static Tensor bgrToRgbChw(Mat mat, Image.PixelScale scale) {
        int c = mat.channels(), w = mat.cols(), h = mat.rows(), plane = w * h;
        if (mat.depth() != Image.Depth.U8.cvDepth() || !mat.isContinuous() || (c != 1 && c != 3)) {
            throw new IllegalArgumentException("expected a continuous 8-bit gray or BGR Mat, got " + c + " channels of depth " + mat.depth());
        }
        double[] ab = scale.affine(Image.Depth.U8);
        float m = (float) ab[0], a = (float) ab[1];
        float[] mul = {m, m, m}, add = {a, a, a};
        float[] out = new float[3 * plane];
        MemorySegment px = MemorySegment.ofAddress(mat.data().address()).reinterpret((long) plane * c);
        PixelOps.u8ToPlanes(px, plane, c, true, mul, add, out);
        if (c == 1) {
            System.arraycopy(out, 0, out, plane, plane);
            System.arraycopy(out, 0, out, 2 * plane, plane);
        }
        return Tensor.of(out, 3, h, w);
    }
}
