package dev.cauce.core.simd;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Kernels on interleaved 8-bit pixels (HWC rows, as images hold them): mirroring a row and
 * splitting pixels (from a Java array or native memory) into per-channel float planes with a
 * per-channel affine map. They run on
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
    private static final int FL = F.length();

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
        int rowBytes = width * pixelBytes, k = pixelBytes < MIRROR.length ? BL / pixelBytes : 0;
        // n vector steps; step j writes output bytes [j*k*ps, +BL) from the k source pixels ending
        // k*j pixels before the row's end (the load starts BL - k*ps bytes early); both stay in the row
        int n = k == 0 || rowBytes < BL ? 0 : (rowBytes - BL) / (k * pixelBytes) + 1;
        int last = off + rowBytes - BL;
        switch (pixelBytes) {
            // one loop per common pixel size, each naming its shuffle constant: the JIT then folds
            // it into the instruction (a shuffle passed in as a value ran four times slower)
            case 1 -> {
                for (int j = 0; j < n; j++) ByteVector.fromArray(B, src, last - j * 16).rearrange(MIRROR_1).intoArray(dst, off + j * 16);
            }
            case 3 -> {
                for (int j = 0; j < n; j++) ByteVector.fromArray(B, src, last - j * 15).rearrange(MIRROR_3).intoArray(dst, off + j * 15);
            }
            case 4 -> {
                for (int j = 0; j < n; j++) ByteVector.fromArray(B, src, last - j * 16).rearrange(MIRROR_4).intoArray(dst, off + j * 16);
            }
            default -> {
                VectorShuffle<Byte> shuffle = n == 0 ? null : MIRROR[pixelBytes];
                int step = k * pixelBytes;
                for (int j = 0; j < n; j++) ByteVector.fromArray(B, src, last - j * step).rearrange(shuffle).intoArray(dst, off + j * step);
            }
        }
        for (int x = n * k; x < width; x++) {
            int from = off + (width - 1 - x) * pixelBytes, to = off + x * pixelBytes;
            for (int b = 0; b < pixelBytes; b++) dst[to + b] = src[from + b];
        }
    }

    /**
     * Splits {@code pixels} interleaved 8-bit pixels of {@code channels} samples into planes:
     * {@code planes[ch * pixels + i] = (hwc[i * channels + ch] & 0xFF) * mul[ch] + add[ch]}
     * (a multiply then an add, rounded separately, as written).
     */
    public static void u8ToPlanes(byte[] hwc, int pixels, int channels, float[] mul, float[] add, float[] planes) {
        u8ToPlanes(hwc, pixels, channels, mul, add, planes, 0);
    }

    /**
     * {@link #u8ToPlanes(byte[], int, int, float[], float[], float[])} writing the planes from
     * {@code planes[offset]} on: one sample's slice of a batch being filled.
     */
    public static void u8ToPlanes(byte[] hwc, int pixels, int channels, float[] mul, float[] add, float[] planes, int offset) {
        if (offset < 0 || (long) offset + (long) pixels * channels > planes.length) {
            throw new IndexOutOfBoundsException(pixels + " pixels of " + channels + " planes from offset " + offset
                    + " do not fit in " + planes.length + " floats");
        }
        split(hwc, pixels, channels, false, mul, add, planes, pixels, offset);
    }

    /** Pixels copied per step from a segment: 12 KB of RGB, which stays in the L1/L2 cache while it is split. */
    private static final int CHUNK = 4096;

    /**
     * {@link #u8ToPlanes(byte[], int, int, float[], float[], float[])} reading the pixels from a
     * segment (native memory such as an OpenCV Mat's data); with {@code swapFirstAndThird} the
     * first and third sample of each 3- or 4-channel pixel trade planes (BGR in, RGB planes out:
     * sample 0 goes to plane 2 and sample 2 to plane 0; mul and add are indexed by the output
     * plane). Why: a decoder's output is read once, straight into the float planes.
     *
     * <p>The pixels are copied a cache-sized chunk at a time into a small Java array and split
     * from there: vector loads from a segment ran three to four times slower than from an array
     * (JDK 25), and the chunk copy costs far less than that.
     */
    public static void u8ToPlanes(MemorySegment hwc, int pixels, int channels, boolean swapFirstAndThird,
                                  float[] mul, float[] add, float[] planes) {
        if (hwc.byteSize() < (long) pixels * channels) {
            throw new IndexOutOfBoundsException(pixels + " pixels of " + channels + " bytes need " + (long) pixels * channels
                    + " bytes, the segment has " + hwc.byteSize());
        }
        byte[] chunk = new byte[Math.min(CHUNK, pixels) * channels];
        for (int at = 0; at < pixels; at += CHUNK) {
            int n = Math.min(CHUNK, pixels - at);
            MemorySegment.copy(hwc, ValueLayout.JAVA_BYTE, (long) at * channels, chunk, 0, n * channels);
            split(chunk, n, channels, swapFirstAndThird, mul, add, planes, pixels, at);
        }
    }

    /**
     * The {@code pixels} pixels of {@code hwc} into {@code planes[plane * planeSize + at + i]}
     * (plane 2 - ch for samples 0 and 2 when {@code swap}).
     */
    private static void split(byte[] hwc, int pixels, int channels, boolean swap, float[] mul, float[] add,
                              float[] planes, int planeSize, int at) {
        int first = swap && channels >= 3 ? 2 : 0, third = 2 - first;
        int i = 0;
        if (channels == 1) {
            FloatVector m = FloatVector.broadcast(F, mul[0]), a = FloatVector.broadcast(F, add[0]);
            for (; i + BL <= pixels; i += BL) {
                ByteVector v = ByteVector.fromArray(B, hwc, i);
                widen(v, 0).mul(m).add(a).intoArray(planes, at + i);
                widen(v, 1).mul(m).add(a).intoArray(planes, at + i + FL);
            }
        } else if (channels == 3) {
            // one pass per plane, each its own method: one pass for all three made the compiled
            // method so large that C2 stopped inlining the Vector API calls, and vectors that are
            // not inlined are boxed on the heap (it ran at scalar speed)
            sample0(hwc, pixels, mul[first], add[first], planes, first * planeSize + at);
            sample1(hwc, pixels, mul[1], add[1], planes, planeSize + at);
            i = sample2(hwc, pixels, mul[third], add[third], planes, third * planeSize + at);
        }
        for (; i < pixels; i++) {
            for (int ch = 0, s = i * channels; ch < channels; ch++) {
                int plane = ch == 0 ? first : ch == 2 ? third : ch;
                planes[plane * planeSize + at + i] = (hwc[s + ch] & 0xFF) * mul[plane] + add[plane];
            }
        }
    }

    // sample0, sample1, sample2: sample ch of 16 RGB pixels at a time into planes[to..], each
    // naming its own constant shuffles (a shuffle passed in as a value is not folded into the
    // instruction); they return the pixels done

    private static int sample0(byte[] hwc, int pixels, float mul, float add, float[] planes, int to) {
        FloatVector m = FloatVector.broadcast(F, mul), a = FloatVector.broadcast(F, add);
        int i = 0;
        for (int s = 0; i + BL <= pixels; i += BL, s += 3 * BL) {
            ByteVector c = ByteVector.fromArray(B, hwc, s).rearrange(S0_0).blend(ByteVector.fromArray(B, hwc, s + BL).rearrange(S1_0), M1_0)
                    .blend(ByteVector.fromArray(B, hwc, s + 2 * BL).rearrange(S2_0), M2_0);
            widen(c, 0).mul(m).add(a).intoArray(planes, to + i);
            widen(c, 1).mul(m).add(a).intoArray(planes, to + i + FL);
        }
        return i;
    }

    private static int sample1(byte[] hwc, int pixels, float mul, float add, float[] planes, int to) {
        FloatVector m = FloatVector.broadcast(F, mul), a = FloatVector.broadcast(F, add);
        int i = 0;
        for (int s = 0; i + BL <= pixels; i += BL, s += 3 * BL) {
            ByteVector c = ByteVector.fromArray(B, hwc, s).rearrange(S0_1).blend(ByteVector.fromArray(B, hwc, s + BL).rearrange(S1_1), M1_1)
                    .blend(ByteVector.fromArray(B, hwc, s + 2 * BL).rearrange(S2_1), M2_1);
            widen(c, 0).mul(m).add(a).intoArray(planes, to + i);
            widen(c, 1).mul(m).add(a).intoArray(planes, to + i + FL);
        }
        return i;
    }

    private static int sample2(byte[] hwc, int pixels, float mul, float add, float[] planes, int to) {
        FloatVector m = FloatVector.broadcast(F, mul), a = FloatVector.broadcast(F, add);
        int i = 0;
        for (int s = 0; i + BL <= pixels; i += BL, s += 3 * BL) {
            ByteVector c = ByteVector.fromArray(B, hwc, s).rearrange(S0_2).blend(ByteVector.fromArray(B, hwc, s + BL).rearrange(S1_2), M1_2)
                    .blend(ByteVector.fromArray(B, hwc, s + 2 * BL).rearrange(S2_2), M2_2);
            widen(c, 0).mul(m).add(a).intoArray(planes, to + i);
            widen(c, 1).mul(m).add(a).intoArray(planes, to + i + FL);
        }
        return i;
    }

    /** Bytes {@code 8*part .. 8*part+7} of {@code v}, unsigned, as floats (tiny: always inlined). */
    private static FloatVector widen(ByteVector v, int part) {
        return (FloatVector) v.convertShape(VectorOperators.ZERO_EXTEND_B2I, I, part).convert(VectorOperators.I2F, 0);
    }
}
