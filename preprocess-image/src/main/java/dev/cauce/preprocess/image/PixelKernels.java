package dev.cauce.preprocess.image;

import dev.cauce.core.Tensor;
import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Tight loops on the pixel arrays: flips and the pixel-to-tensor conversion. Written in Java
 * because a native call cannot beat them: a flip is a byte permutation (OpenCV's generic flip
 * moves a 3-byte pixel at a time), and the tensor conversion writes a Java float array anyway.
 */
final class PixelKernels {

    /** 16-byte vectors: one SSSE3/NEON byte shuffle per step, on every x86-64 and ARM machine. */
    private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_128;
    /** Mirror shuffles by pixel size in bytes (index 1..16); null where a vector holds fewer than 2 pixels. */
    private static final VectorShuffle<Byte>[] MIRROR = mirrorShuffles();

    private PixelKernels() {
    }

    @SuppressWarnings("unchecked")
    private static VectorShuffle<Byte>[] mirrorShuffles() {
        VectorShuffle<Byte>[] out = new VectorShuffle[BYTES.length() + 1];
        for (int pixel = 1; pixel <= BYTES.length() / 2; pixel++) {
            int k = BYTES.length() / pixel;       // whole pixels per vector
            int pad = BYTES.length() - k * pixel; // loads start this many bytes early so they end on a pixel
            int[] idx = new int[BYTES.length()];
            for (int j = 0; j < k * pixel; j++) idx[j] = (k - 1 - j / pixel) * pixel + j % pixel + pad;
            out[pixel] = VectorShuffle.fromArray(BYTES, idx, 0); // lanes past k pixels: rewritten by the next step
        }
        return out;
    }

    /** {@code out} = {@code in} mirrored left-right (same geometry). */
    static void mirrorRows(Image in, Image out) {
        byte[] src = in.pixels(), dst = out.pixels();
        int ps = in.pixelBytes(), w = in.width(), rowBytes = in.rowBytes();
        VectorShuffle<Byte> shuffle = ps < MIRROR.length ? MIRROR[ps] : null;
        int k = BYTES.length() / ps, pad = BYTES.length() - k * ps;
        for (int row = 0, base = 0; row < in.height(); row++, base += rowBytes) {
            int x = 0;
            if (shuffle != null) {
                // out pixels [x, x+k) are in pixels [w-k-x, w-x) reversed; the vector covers the row only
                for (; x * ps + BYTES.length() <= rowBytes && (w - k - x) * ps >= pad; x += k) {
                    ByteVector.fromArray(BYTES, src, base + (w - k - x) * ps - pad).rearrange(shuffle)
                            .intoArray(dst, base + x * ps);
                }
            }
            for (; x < w; x++) System.arraycopy(src, base + (w - 1 - x) * ps, dst, base + x * ps, ps);
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
            byte[] px = img.pixels();
            if (c == 3) {
                float m0 = mul[0], m1 = mul[1], m2 = mul[2], a0 = add[0], a1 = add[1], a2 = add[2];
                for (int i = 0, s = 0; i < plane; i++, s += 3) {
                    out[i] = (px[s] & 0xFF) * m0 + a0;
                    out[plane + i] = (px[s + 1] & 0xFF) * m1 + a1;
                    out[2 * plane + i] = (px[s + 2] & 0xFF) * m2 + a2;
                }
            } else {
                for (int i = 0, s = 0; i < plane; i++, s += c) {
                    for (int ch = 0; ch < c; ch++) out[ch * plane + i] = (px[s + ch] & 0xFF) * mul[ch] + add[ch];
                }
            }
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
