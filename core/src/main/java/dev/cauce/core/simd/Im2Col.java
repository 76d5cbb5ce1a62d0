package dev.cauce.core.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The im2col / col2im rearrangements that turn a 2-D convolution into one GEMM.
 *
 * <p>Geometry of one call: a batch of N images (C, H, W), row-major NCHW, a kernel (KH, KW),
 * stride S and zero padding P on every side; the output has
 * {@code OH = (H + 2P − KH)/S + 1} rows and {@code OW = (W + 2P − KW)/S + 1} columns. The column
 * matrix has {@code C·KH·KW} rows, indexed (c, kh, kw), and {@code N·OH·OW} columns, indexed
 * (n, oh, ow): {@code cols[(c,kh,kw)][(n,oh,ow)] = x[n, c, oh·S − P + kh, ow·S − P + kw]}, zero
 * outside the image. Work is split over the pool by disjoint output rows (im2col) or images
 * (col2im), so results do not depend on the thread count.
 */
public final class Im2Col {
    private Im2Col() {
    }

    /** ceil(a / b) for b > 0, and 0 when a <= 0. */
    private static int ceilDivNonNeg(int a, int b) {
        return a <= 0 ? 0 : (a + b - 1) / b;
    }

    /** Output size along one axis; throws when the kernel does not fit. */
    public static int outSize(int in, int kernel, int stride, int pad) {
        int span = in + 2 * pad - kernel;
        if (span < 0) {
            throw new IllegalArgumentException("kernel " + kernel + " is larger than the padded input " + (in + 2 * pad));
        }
        return span / stride + 1;
    }

    /** Fills {@code cols} (C·KH·KW x N·OH·OW) from {@code x} (N, C, H, W). */
    public static void im2col(ComputePool pool, float[] x, int n, int c, int h, int w, int kh, int kw, int stride, int pad,
                              float[] cols) {
        int oh = outSize(h, kh, stride, pad);
        int ow = outSize(w, kw, stride, pad);
        int rows = c * kh * kw;
        int width = n * oh * ow;
        pool.parallelFor(Math.min(rows, pool.threads() * 4), t -> {
            int per = Gemm.ceilDiv(rows, Math.min(rows, pool.threads() * 4));
            for (int r = t * per; r < Math.min(rows, (t + 1) * per); r++) {
                int ch = r / (kh * kw);
                int ky = (r / kw) % kh;
                int kx = r % kw;
                int dst = r * width;
                for (int img = 0; img < n; img++) {
                    int src = (img * c + ch) * h * w;
                    for (int y = 0; y < oh; y++) {
                        int iy = y * stride - pad + ky;
                        if (iy < 0 || iy >= h) {
                            java.util.Arrays.fill(cols, dst, dst + ow, 0f);
                            dst += ow;
                            continue;
                        }
                        int rowBase = src + iy * w;
                        if (stride == 1 && pad == 0) {
                            copyRow(x, rowBase + kx, cols, dst, ow);
                            dst += ow;
                        } else {
                            for (int xo = 0; xo < ow; xo++) {
                                int ix = xo * stride - pad + kx;
                                cols[dst++] = ix < 0 || ix >= w ? 0f : x[rowBase + ix];
                            }
                        }
                    }
                }
            }
        });
    }

    /** Images per col2im task: a task's share of one column row is this many images' outputs, contiguous. */
    static final int COL2IM_IMAGES = 32;

    /**
     * The adjoint of {@link #im2col}: {@code dx[n,c,iy,ix] = Σ cols[(c,kh,kw)][(n,oh,ow)]} over all
     * entries that im2col read from (n,c,iy,ix). {@code dx} is overwritten.
     *
     * <p>Tasks are (channel, block of {@value #COL2IM_IMAGES} images): each reads its KH·KW column
     * rows in order, a contiguous stretch of each, and adds into its own input planes (a few tens of
     * KB, cache-resident). Looping image by image instead read KH·KW·C rows per image at a stride of
     * the column matrix's width, a power of two on the MNIST CNN (32 KB), so every read fell into the
     * same cache sets: 1.3 ns per element, as long as the layer's whole GEMM. Every input element
     * still receives its terms in (kh, kw) order, so the sums are the same bits for any thread count.
     */
    public static void col2im(ComputePool pool, float[] cols, int n, int c, int h, int w, int kh, int kw, int stride, int pad,
                              float[] dx) {
        int oh = outSize(h, kh, stride, pad);
        int ow = outSize(w, kw, stride, pad);
        int width = n * oh * ow;
        int blocks = Gemm.ceilDiv(n, COL2IM_IMAGES);
        pool.parallelFor(c * blocks, t -> {
            int ch = t / blocks;
            int img0 = (t % blocks) * COL2IM_IMAGES;
            int img1 = Math.min(n, img0 + COL2IM_IMAGES);
            for (int img = img0; img < img1; img++) {
                int plane = (img * c + ch) * h * w;
                java.util.Arrays.fill(dx, plane, plane + h * w, 0f);
            }
            for (int ky = 0; ky < kh; ky++) {
                for (int kx = 0; kx < kw; kx++) {
                    // output columns whose input column ix = xo·stride − pad + kx is inside [0, w)
                    int x0 = Math.max(0, ceilDivNonNeg(pad - kx, stride));
                    int x1 = Math.min(ow, Math.floorDiv(w - 1 + pad - kx, stride) + 1);
                    int row = ((ch * kh + ky) * kw + kx) * width;
                    for (int img = img0; img < img1; img++) {
                        int plane = (img * c + ch) * h * w;
                        int src = row + img * oh * ow;
                        for (int y = 0; y < oh; y++) {
                            int iy = y * stride - pad + ky;
                            if (iy < 0 || iy >= h) continue;
                            int rowBase = plane + iy * w;
                            int s = src + y * ow;
                            if (stride == 1) {
                                addRow(cols, s + x0, dx, rowBase + kx - pad + x0, x1 - x0);
                            } else {
                                for (int xo = x0; xo < x1; xo++) dx[rowBase + xo * stride - pad + kx] += cols[s + xo];
                            }
                        }
                    }
                }
            }
        });
    }

    // Image rows are short (8 and 24 floats on the MNIST CNN): 256-bit vectors fit them better
    // than the preferred species (16 lanes with AVX-512) and than System.arraycopy's call.
    private static final VectorSpecies<Float> ROW = FloatVector.SPECIES_256;

    /** {@code dst[dOff, dOff+len) = src[sOff, sOff+len)}. */
    private static void copyRow(float[] src, int sOff, float[] dst, int dOff, int len) {
        int i = 0;
        for (; i + ROW.length() <= len; i += ROW.length()) FloatVector.fromArray(ROW, src, sOff + i).intoArray(dst, dOff + i);
        for (; i < len; i++) dst[dOff + i] = src[sOff + i];
    }

    /** {@code dst[dOff, dOff+len) += src[sOff, sOff+len)}, element by element (same bits as scalar adds). */
    private static void addRow(float[] src, int sOff, float[] dst, int dOff, int len) {
        int i = 0;
        for (; i + ROW.length() <= len; i += ROW.length()) {
            FloatVector.fromArray(ROW, dst, dOff + i).add(FloatVector.fromArray(ROW, src, sOff + i)).intoArray(dst, dOff + i);
        }
        for (; i < len; i++) dst[dOff + i] += src[sOff + i];
    }
}
