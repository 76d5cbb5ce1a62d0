package dev.cauce.preprocess.image;

import dev.cauce.core.Tensor;

/** Tight loops shared by the pixel-to-tensor transforms (plain Java: the JIT vectorizes the gray case). */
final class PixelKernels {

    private PixelKernels() {
    }

    /** HWC samples to a CHW tensor with a per-channel {@code v * mul[c] + add[c]}. */
    static Tensor affineToChw(Image img, float[] mul, float[] add) {
        int c = img.channels();
        int plane = img.width() * img.height();
        float[] out = new float[plane * c];
        if (img.depth() == Image.Depth.U8) {
            byte[] px = img.toBytes();
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
        } else if (img.depth() == Image.Depth.U16) {
            short[] px = img.toShorts();
            for (int i = 0, s = 0; i < plane; i++, s += c) {
                for (int ch = 0; ch < c; ch++) out[ch * plane + i] = (px[s + ch] & 0xFFFF) * mul[ch] + add[ch];
            }
        } else {
            float[] px = img.toFloats();
            for (int i = 0, s = 0; i < plane; i++, s += c) {
                for (int ch = 0; ch < c; ch++) out[ch * plane + i] = px[s + ch] * mul[ch] + add[ch];
            }
        }
        return Tensor.of(out, c, img.height(), img.width());
    }
}
