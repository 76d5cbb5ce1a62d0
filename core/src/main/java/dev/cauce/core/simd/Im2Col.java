package dev.cauce.core.simd;

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
                            System.arraycopy(x, rowBase + kx, cols, dst, ow);
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

    /**
     * The adjoint of {@link #im2col}: {@code dx[n,c,iy,ix] = Σ cols[(c,kh,kw)][(n,oh,ow)]} over all
     * entries that im2col read from (n,c,iy,ix). {@code dx} is overwritten.
     */
    public static void col2im(ComputePool pool, float[] cols, int n, int c, int h, int w, int kh, int kw, int stride, int pad,
                              float[] dx) {
        int oh = outSize(h, kh, stride, pad);
        int ow = outSize(w, kw, stride, pad);
        int width = n * oh * ow;
        pool.parallelFor(n, img -> {
            java.util.Arrays.fill(dx, img * c * h * w, (img + 1) * c * h * w, 0f);
            for (int ch = 0; ch < c; ch++) {
                int plane = (img * c + ch) * h * w;
                for (int ky = 0; ky < kh; ky++) {
                    for (int kx = 0; kx < kw; kx++) {
                        int src = ((ch * kh + ky) * kw + kx) * width + img * oh * ow;
                        for (int y = 0; y < oh; y++) {
                            int iy = y * stride - pad + ky;
                            if (iy < 0 || iy >= h) continue;
                            int rowBase = plane + iy * w;
                            int s = src + y * ow;
                            // output columns whose input column ix = xo·stride − pad + kx is inside [0, w)
                            int x0 = Math.max(0, ceilDivNonNeg(pad - kx, stride));
                            int x1 = Math.min(ow, Math.floorDiv(w - 1 + pad - kx, stride) + 1);
                            if (stride == 1) {
                                int off = rowBase + kx - pad;
                                for (int xo = x0; xo < x1; xo++) dx[off + xo] += cols[s + xo];
                            } else {
                                for (int xo = x0; xo < x1; xo++) dx[rowBase + xo * stride - pad + kx] += cols[s + xo];
                            }
                        }
                    }
                }
            }
        });
    }
}
