package dev.cauce.core.simd;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels on interleaved 8-bit pixels (HWC rows, as images hold them): mirroring a row and
 * splitting pixels into per-channel float planes with a per-channel affine map. They run on
 * 16-byte vectors, whose byte shuffles are single instructions on every x86-64 (SSSE3) and ARM
 * (NEON) machine, and fall back to scalar tails; results equal the scalar definitions exactly.
 * They allocate nothing.
 */
public final class PixelOps {
    private static final VectorSpecies<Byte> B = ByteVector.SPECIES_128;
    private static final int BL = B.length();
    /** Eight floats per 8 bytes widened: the 256-bit shape AVX2 has (still correct, if slower, elsewhere). */
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_256;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_256;

    /** Mirror shuffles by pixel size in bytes (1..8); null where a vector holds fewer than 2 pixels. */
    private static final VectorShuffle<Byte>[] MIRROR = mirrorShuffles();
    private static final VectorShuffle<Byte> MIRROR_1 = MIRROR[1], MIRROR_3 = MIRROR[3], MIRROR_4 = MIRROR[4];
    /*
     * For RGB, channel ch of 16 pixels is gathered from the 48 bytes in vectors v0, v1, v2 by three
     * one-vector byte shuffles (S0_ch, S1_ch, S2_ch: one instruction each) and two blends (M1_ch,
     * M2_ch mark the lanes whose byte lies in v1, v2). Separate constants, not arrays: the JIT
     * folds a static final shuffle into the instruction but reloads one read from an array.
     */
    private static final VectorShuffle<Byte> S0_0 = gather(0, 0), S1_0 = gather(0, 1), S2_0 = gather(0, 2);
    private static final VectorShuffle<Byte> S0_1 = gather(1, 0), S1_1 = gather(1, 1), S2_1 = gather(1, 2);
    private static final VectorShuffle<Byte> S0_2 = gather(2, 0), S1_2 = gather(2, 1), S2_2 = gather(2, 2);
    private static final VectorMask<Byte> M1_0 = from(0, 1), M2_0 = from(0, 2);
    private static final VectorMask<Byte> M1_1 = from(1, 1), M2_1 = from(1, 2);
    private static final VectorMask<Byte> M1_2 = from(2, 1), M2_2 = from(2, 2);

    /** Lane j takes byte 3j+ch when that byte lies in vector {@code v} (other lanes: don't care). */
    private static VectorShuffle<Byte> gather(int ch, int v) {
        return VectorShuffle.fromOp(B, j -> (3 * j + ch) / BL == v ? (3 * j + ch) % BL : 0);
    }

    /** The lanes whose byte 3j+ch lies in vector {@code v}. */
    private static VectorMask<Byte> from(int ch, int v) {
        boolean[] m = new boolean[BL];
        for (int j = 0; j < BL; j++) m[j] = (3 * j + ch) / BL == v;
        return VectorMask.fromArray(B, m, 0);
    }

    private PixelOps() {
    }

    @SuppressWarnings("unchecked")
    private static VectorShuffle<Byte>[] mirrorShuffles() {
        VectorShuffle<Byte>[] out = new VectorShuffle[BL / 2 + 1];
        for (int pixel = 1; pixel <= BL / 2; pixel++) {
            int k = BL / pixel;       // whole pixels per vector
            int pad = BL - k * pixel; // loads start this many bytes early so they end on a pixel
            int[] idx = new int[BL];
            for (int j = 0; j < k * pixel; j++) idx[j] = (k - 1 - j / pixel) * pixel + j % pixel + pad;
            out[pixel] = VectorShuffle.fromArray(B, idx, 0); // lanes past k pixels: rewritten by the next step
        }
        return out;
    }

    /**
     * Writes the row of {@code width} pixels of {@code pixelBytes} bytes at {@code src[off..]}
     * mirrored left to right into {@code dst[off..]} (distinct arrays).
     */
    public static void mirrorRow(byte[] src, byte[] dst, int off, int width, int pixelBytes) {
        int done = switch (pixelBytes) {
            // the common pixel sizes get a constant shuffle the JIT folds into the instruction
            case 1 -> mirrorVectors(src, dst, off, width, 1, MIRROR_1);
            case 3 -> mirrorVectors(src, dst, off, width, 3, MIRROR_3);
            case 4 -> mirrorVectors(src, dst, off, width, 4, MIRROR_4);
            default -> pixelBytes < MIRROR.length ? mirrorVectors(src, dst, off, width, pixelBytes, MIRROR[pixelBytes]) : 0;
        };
        for (int x = done; x < width; x++) {
            System.arraycopy(src, off + (width - 1 - x) * pixelBytes, dst, off + x * pixelBytes, pixelBytes);
        }
    }

    /** The vector part of {@link #mirrorRow}: returns how many output pixels it wrote. */
    private static int mirrorVectors(byte[] src, byte[] dst, int off, int width, int ps, VectorShuffle<Byte> shuffle) {
        int k = BL / ps, pad = BL - k * ps, step = k * ps, rowBytes = width * ps, x = 0;
        // output bytes [o, o+BL) hold source pixels [w-k-x, w-x) reversed; the store must stay in
        // the row, and the load (which starts pad bytes early) too
        for (int o = 0, in = rowBytes - step - pad; o + BL <= rowBytes && in >= 0; o += step, in -= step, x += k) {
            ByteVector.fromArray(B, src, off + in).rearrange(shuffle).intoArray(dst, off + o);
        }
        return x;
    }

    /**
     * Splits {@code pixels} interleaved 8-bit pixels of {@code channels} samples into planes:
     * {@code planes[ch * pixels + i] = (hwc[i * channels + ch] & 0xFF) * mul[ch] + add[ch]}
     * (a multiply then an add, rounded separately, as written).
     */
    public static void u8ToPlanes(byte[] hwc, int pixels, int channels, float[] mul, float[] add, float[] planes) {
        int i = 0;
        if (channels == 1) {
            FloatVector m = FloatVector.broadcast(F, mul[0]), a = FloatVector.broadcast(F, add[0]);
            for (; i + BL <= pixels; i += BL) {
                widenAffine(ByteVector.fromArray(B, hwc, i), m, a, planes, i);
            }
        } else if (channels == 3) {
            FloatVector m0 = FloatVector.broadcast(F, mul[0]), a0 = FloatVector.broadcast(F, add[0]);
            FloatVector m1 = FloatVector.broadcast(F, mul[1]), a1 = FloatVector.broadcast(F, add[1]);
            FloatVector m2 = FloatVector.broadcast(F, mul[2]), a2 = FloatVector.broadcast(F, add[2]);
            for (int s = 0; i + BL <= pixels; i += BL, s += 3 * BL) {
                ByteVector v0 = ByteVector.fromArray(B, hwc, s);
                ByteVector v1 = ByteVector.fromArray(B, hwc, s + BL);
                ByteVector v2 = ByteVector.fromArray(B, hwc, s + 2 * BL);
                widenAffine(v0.rearrange(S0_0).blend(v1.rearrange(S1_0), M1_0).blend(v2.rearrange(S2_0), M2_0), m0, a0, planes, i);
                widenAffine(v0.rearrange(S0_1).blend(v1.rearrange(S1_1), M1_1).blend(v2.rearrange(S2_1), M2_1), m1, a1, planes, pixels + i);
                widenAffine(v0.rearrange(S0_2).blend(v1.rearrange(S1_2), M1_2).blend(v2.rearrange(S2_2), M2_2), m2, a2, planes, 2 * pixels + i);
            }
        }
        for (; i < pixels; i++) {
            for (int ch = 0, s = i * channels; ch < channels; ch++) {
                planes[ch * pixels + i] = (hwc[s + ch] & 0xFF) * mul[ch] + add[ch];
            }
        }
    }

    /** 16 unsigned bytes to floats, {@code v * m + a}, stored at {@code out[off..off+16)}. */
    private static void widenAffine(ByteVector v, FloatVector m, FloatVector a, float[] out, int off) {
        IntVector lo = (IntVector) v.convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 0);
        IntVector hi = (IntVector) v.convertShape(VectorOperators.ZERO_EXTEND_B2I, I, 1);
        ((FloatVector) lo.convert(VectorOperators.I2F, 0)).mul(m).add(a).intoArray(out, off);
        ((FloatVector) hi.convert(VectorOperators.I2F, 0)).mul(m).add(a).intoArray(out, off + F.length());
    }
}
