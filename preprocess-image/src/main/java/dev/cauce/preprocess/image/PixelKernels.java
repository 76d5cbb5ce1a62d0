package dev.cauce.preprocess.image;

import dev.cauce.core.Tensor;
import dev.cauce.core.simd.PixelOps;

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
        int c = img.channels();
        int plane = img.width() * img.height();
        float[] out = new float[plane * c];
        if (img.depth() == Image.Depth.U8) {
            PixelOps.u8ToPlanes(img.pixels(), plane, c, mul, add, out);
        } else {
            ByteBuffer px = ByteBuffer.wrap(img.pixels()).order(ByteOrder.nativeOrder());
            boolean u16 = img.depth() == Image.Depth.U16;
            for (int i = 0, s = 0; i < plane; i++, s += c) {
                for (int ch = 0; ch < c; ch++) {
                    float v = u16 ? px.getShort((s + ch) * 2) & 0xFFFF : px.getFloat((s + ch) * 4);
                    out[ch * plane + i] = v * mul[ch] + add[ch];
                }
            }
        }
        return Tensor.of(out, c, img.height(), img.width());
    }
}
