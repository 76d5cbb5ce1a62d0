package dev.cauce.core.simd;


/**
 * The im2col / col2im rearrangements that turn a 2-D convolution into one GEMM.
 *
 * <p>Geometry of one call: a batch of N images (C, H, W), row-major NCHW, a kernel (KH, KW),
 * stride S and zero padding P on every side; the output has
 * {@code OH = (H + 2P − KH)/S + 1} rows and {@code OW = (W + 2P − KW)/S + 1} columns. The column
 * matrix has {@code C·KH·KW} rows, indexed (c, kh, kw), and {@code N·OH·OW} columns, indexed
 * (n, oh, ow): {@code cols[(c,kh,kw)][(n,oh,ow)] = x[n, c, oh·S − P + kh, ow·S − P + kw]}, zero
 * outside the image. Work is split over the pool by disjoint output rows (im2col) or (channel,
 * image block) pairs (col2im), so results do not depend on the thread count. A convolution need not
 * write the column matrix at all: {@link #columns} hands it to {@link Gemm} as an operand that
 * packs its panels straight from the images.
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
        Geometry g = new Geometry(n, c, h, w, kh, kw, stride, pad);
        int rows = g.rows();
        int width = g.width();
        pool.parallelFor(Math.min(rows, pool.threads() * 4), t -> {
            int per = Gemm.ceilDiv(rows, Math.min(rows, pool.threads() * 4));
            for (int r = t * per; r < Math.min(rows, (t + 1) * per); r++) g.gather(x, r, 0, width, cols, r * width, 1);
        });
    }

    /**
     * The column matrix of {@link #im2col} (C·KH·KW x N·OH·OW) as a GEMM operand that packs its
     * panels straight from {@code x}: the product reads the images (11x smaller than the columns
     * with a 5x5 kernel, and cache-resident) instead of a column matrix written out and read back.
     * Same values, so the same products bit for bit.
     */
    public static Gemm.PackedOperand columns(float[] x, int n, int c, int h, int w, int kh, int kw, int stride, int pad) {
        return new Columns(x, new Geometry(n, c, h, w, kh, kw, stride, pad), false);
    }

    /** The transpose of {@link #columns} (N·OH·OW x C·KH·KW), for the weight gradient dY·colsᵀ. */
    public static Gemm.PackedOperand columnsTransposed(float[] x, int n, int c, int h, int w, int kh, int kw, int stride, int pad) {
        return new Columns(x, new Geometry(n, c, h, w, kh, kw, stride, pad), true);
    }

    /** One call's geometry (see the class comment). */
    private record Geometry(int n, int c, int h, int w, int kh, int kw, int stride, int pad, int oh, int ow) {
        Geometry(int n, int c, int h, int w, int kh, int kw, int stride, int pad) {
            this(n, c, h, w, kh, kw, stride, pad, outSize(h, kh, stride, pad), outSize(w, kw, stride, pad));
        }

        /** Rows of the column matrix, C·KH·KW. */
        int rows() {
            return c * kh * kw;
        }

        /** Columns of the column matrix, N·OH·OW. */
        int width() {
            return n * oh * ow;
        }

        /**
         * Column-matrix entries of row {@code r} = (c, kh, kw) at the {@code count} positions from
         * {@code p} = (n, oh, ow), written to {@code out[off + t·step]}: walked one output row at
         * a time, each a run of one input row (contiguous when the stride is 1).
         */
        void gather(float[] x, int r, int p, int count, float[] out, int off, int step) {
            int ch = r / (kh * kw);
            int ky = (r / kw) % kh;
            int kx = r % kw;
            int plane = oh * ow;
            int img = p / plane;
            int oy = (p % plane) / ow;
            int ox = p % ow;
            for (int done = 0; done < count; ) {
                int run = Math.min(ow - ox, count - done);
                gatherRun(x, img, ch, oy * stride - pad + ky, ox, kx, run, out, off + done * step, step);
                done += run;
                ox = 0;
                if (++oy == oh) {
                    oy = 0;
                    img++;
                }
            }
        }

        /**
         * Sets the planes of channel {@code ch}, images [img0, img1), of {@code dx} (from
         * {@code dxOff}) to the sum of their column-matrix entries, in (kh, kw) order.
         */
        void scatter(float[] cols, int ch, int img0, int img1, float[] dx, int dxOff) {
            int width = width();
            for (int img = img0; img < img1; img++) {
                int plane = dxOff + (img * c + ch) * h * w;
                java.util.Arrays.fill(dx, plane, plane + h * w, 0f);
            }
            for (int ky = 0; ky < kh; ky++) {
                for (int kx = 0; kx < kw; kx++) {
                    // output columns whose input column ix = xo·stride − pad + kx is inside [0, w)
                    int x0 = Math.max(0, ceilDivNonNeg(pad - kx, stride));
                    int x1 = Math.min(ow, Math.floorDiv(w - 1 + pad - kx, stride) + 1);
                    int row = ((ch * kh + ky) * kw + kx) * width;
                    for (int img = img0; img < img1; img++) {
                        int plane = dxOff + (img * c + ch) * h * w;
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
        }

        /** {@code run} entries of output row positions ox0.. at input row iy, zero outside the image. */
        private void gatherRun(float[] x, int img, int ch, int iy, int ox0, int kx, int run, float[] out, int off, int step) {
            if (iy < 0 || iy >= h) {
                for (int t = 0; t < run; t++) out[off + t * step] = 0f;
                return;
            }
            int rowBase = ((img * c + ch) * h + iy) * w;
            if (stride != 1) {
                for (int t = 0; t < run; t++) {
                    int ix = (ox0 + t) * stride - pad + kx;
                    out[off + t * step] = ix < 0 || ix >= w ? 0f : x[rowBase + ix];
                }
                return;
            }
            int ix0 = ox0 - pad + kx;   // input column of the first entry
            int lo = Math.min(run, Math.max(0, -ix0));
            int hi = Math.max(lo, Math.min(run, w - ix0));
            for (int t = 0; t < lo; t++) out[off + t * step] = 0f;
            if (step == 1) {
                copyRow(x, rowBase + ix0 + lo, out, off + lo, hi - lo);
            } else {
                for (int t = lo; t < hi; t++) out[off + t * step] = x[rowBase + ix0 + t];
            }
            for (int t = hi; t < run; t++) out[off + t * step] = 0f;
        }
    }

    /** The column matrix (or its transpose) of images {@code x}, packed panel by panel. */
    private static final class Columns extends Gemm.PackedOperand {
        private final float[] x;
        private final Geometry g;
        private final boolean transposed;

        Columns(float[] x, Geometry g, boolean transposed) {
            if (x.length < (long) g.n() * g.c() * g.h() * g.w()) {
                throw new IllegalArgumentException("im2col: " + x.length + " values for " + g.n() + " images of " + g.c() + "x" + g.h() + "x" + g.w());
            }
            this.x = x;
            this.g = g;
            this.transposed = transposed;
        }

        @Override
        int rows() {
            return transposed ? g.width() : g.rows();
        }

        @Override
        int cols() {
            return transposed ? g.rows() : g.width();
        }

        @Override
        void pack(int p0, int kc, int j0, int nc, float[] bp) {
            if (g.stride() == 1 && g.pad() == 0) {
                packValid(p0, kc, j0, nc, bp);
                return;
            }
            int nr = Gemm.NR;
            for (int pnl = 0; pnl < Gemm.ceilDiv(nc, nr); pnl++) {
                int base = pnl * kc * nr;
                int cols = Math.min(nr, nc - pnl * nr);
                int j = j0 + pnl * nr;
                if (transposed) {
                    // panel column col is column-matrix row j + col, read at positions p0..p0+kc
                    for (int col = 0; col < cols; col++) g.gather(x, j + col, p0, kc, bp, base + col, nr);
                    for (int kk = 0; kk < kc; kk++) java.util.Arrays.fill(bp, base + kk * nr + cols, base + (kk + 1) * nr, 0f);
                } else {
                    // panel row kk is column-matrix row p0 + kk, read at positions j..j+cols
                    for (int kk = 0; kk < kc; kk++) {
                        int dst = base + kk * nr;
                        g.gather(x, p0 + kk, j, cols, bp, dst, 1);
                        java.util.Arrays.fill(bp, dst + cols, dst + nr, 0f);
                    }
                }
            }
        }

        /**
         * The common valid convolution (stride 1, no padding), where every entry is inside its
         * image: entry (r, p) is {@code x[start(p) + shift(r)]}, with start(p) the offset of
         * position p's window and shift(r) = c·H·W + kh·W + kw. The offsets are worked out once per
         * call, not per entry (the general walk cost a quarter of a CNN step).
         */
        private void packValid(int p0, int kc, int j0, int nc, float[] bp) {
            int nr = Gemm.NR;
            int[] start = new int[transposed ? kc : nc];
            int first = transposed ? p0 : j0;
            int plane = g.oh() * g.ow();
            for (int t = 0; t < start.length; t++) {
                int p = first + t;
                int img = p / plane;
                int oy = (p % plane) / g.ow();
                start[t] = (img * g.c() * g.h() + oy) * g.w() + p % g.ow();
            }
            for (int pnl = 0; pnl < Gemm.ceilDiv(nc, nr); pnl++) {
                int base = pnl * kc * nr;
                int cols = Math.min(nr, nc - pnl * nr);
                int j = j0 + pnl * nr;
                if (transposed) {
                    int[] shift = new int[cols];
                    for (int col = 0; col < cols; col++) shift[col] = shift(j + col);
                    for (int kk = 0; kk < kc; kk++) {
                        int dst = base + kk * nr;
                        int at = start[kk];
                        for (int col = 0; col < cols; col++) bp[dst + col] = x[at + shift[col]];
                        for (int col = cols; col < nr; col++) bp[dst + col] = 0f;
                    }
                } else {
                    // runs of consecutive window starts (one output row each) copy as a block; the
                    // runs are the same for every row of the panel
                    int s0 = pnl * nr;   // this panel's first entry in start[]
                    int[] runCol = new int[cols];
                    int[] runLen = new int[cols];
                    int runs = 0;
                    for (int col = 0; col < cols; runs++) {
                        int len = 1;
                        while (col + len < cols && start[s0 + col + len] == start[s0 + col] + len) len++;
                        runCol[runs] = col;
                        runLen[runs] = len;
                        col += len;
                    }
                    for (int kk = 0; kk < kc; kk++) {
                        int dst = base + kk * nr;
                        int sh = shift(p0 + kk);
                        for (int r = 0; r < runs; r++) copyRow(x, start[s0 + runCol[r]] + sh, bp, dst + runCol[r], runLen[r]);
                        for (int col = cols; col < nr; col++) bp[dst + col] = 0f;
                    }
                }
            }
        }

        /** Offset of column-matrix row r = (c, kh, kw) from its window's start: c·H·W + kh·W + kw. */
        private int shift(int r) {
            int ch = r / (g.kh() * g.kw());
            int ky = (r / g.kw()) % g.kh();
            int kx = r % g.kw();
            return (ch * g.h() + ky) * g.w() + kx;
        }
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
        Geometry g = new Geometry(n, c, h, w, kh, kw, stride, pad);
        int blocks = Gemm.ceilDiv(n, COL2IM_IMAGES);
        pool.parallelFor(c * blocks, t -> {
            int img0 = (t % blocks) * COL2IM_IMAGES;
            g.scatter(cols, t / blocks, img0, Math.min(n, img0 + COL2IM_IMAGES), dx, 0);
        });
    }

    /**
     * {@link #col2im} of {@code n} images on the calling thread, into {@code dx} from {@code dxOff}:
     * for a column matrix made a few images at a time, while it is in cache (same bits).
     */
    public static void col2imSerial(float[] cols, int n, int c, int h, int w, int kh, int kw, int stride, int pad,
                                    float[] dx, int dxOff) {
        Geometry g = new Geometry(n, c, h, w, kh, kw, stride, pad);
        for (int ch = 0; ch < c; ch++) g.scatter(cols, ch, 0, n, dx, dxOff);
    }

    // Plain loops and System.arraycopy, not the Vector API: these run inside large compiled methods
    // (the GEMM's packing, col2im's scatter), and there C2 sometimes stopped inlining the Vector
    // API's templates, leaving a vector load as an uncompiled Java fallback: 1 CNN run in 3 spent
    // 13% of its time in FloatVector.fromArray0Template (JFR) and ran 15% slower.

    /** {@code dst[dOff, dOff+len) = src[sOff, sOff+len)}. */
    private static void copyRow(float[] src, int sOff, float[] dst, int dOff, int len) {
        System.arraycopy(src, sOff, dst, dOff, len);
    }

    /** {@code dst[dOff, dOff+len) += src[sOff, sOff+len)}, element by element. */
    private static void addRow(float[] src, int sOff, float[] dst, int dOff, int len) {
        for (int i = 0; i < len; i++) dst[dOff + i] += src[sOff + i];
    }
}
