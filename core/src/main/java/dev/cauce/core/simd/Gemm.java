package dev.cauce.core.simd;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Single-precision matrix multiply {@code C = beta·C + op(A)·op(B)} on row-major arrays, with the
 * Vector API ({@link FloatVector#SPECIES_PREFERRED}).
 *
 * <p>Scheme (after GotoBLAS/BLIS): the k dimension is cut into blocks of {@value #KC}; for each
 * block, a panel of B is packed into column micro-panels of {@code NR = 2·lanes} and a block of A
 * into row micro-panels of {@code MR = 4}, both zero-padded, so one register-tiled micro-kernel
 * (4 rows x 2 vectors = 8 accumulators, spill-free with C2) covers every shape and transpose.
 *
 * <p><b>Determinism.</b> Work is split across the {@link ComputePool} only over blocks of the
 * output C (rows or columns, aligned to the tile), never over k: every element of C is computed by
 * the same sequence of fused multiply-adds in the same k order, whatever the thread count or which
 * thread ran it. Results are bit-identical for 1 and N threads.
 *
 * <p>Packing buffers are per-thread scratch arrays of the pool, reused across calls: nothing is
 * allocated in the hot loops, and nothing per call once the buffers have grown.
 */
public final class Gemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** Rows of the register tile. */
    static final int MR = 4;
    /** Columns of the register tile: two vectors. */
    static final int NR = 2 * L;
    /** Depth of one k block (the packed B micro-panel, KC·NR floats, stays in L1). */
    static final int KC = 256;
    /** Rows of one packed A block (MC·KC floats, stays in L2). */
    static final int MC = 128;
    /** Columns of one packed B panel. */
    static final int NC = 1024;
    /** Below this many multiply-adds a product runs on one thread (hand-off costs more). */
    private static final long PARALLEL_MIN_WORK = 1L << 17;

    private Gemm() {
    }

    /** {@code C[m,n] = beta·C + A[m,k]·B[k,n]}, all dense row-major. */
    public static void nn(ComputePool pool, int m, int n, int k, float[] a, float[] b, float[] c, float beta) {
        gemm(pool, false, false, m, n, k, a, 0, k, b, 0, n, c, 0, n, beta);
    }

    /** {@code C[m,n] = beta·C + Aᵀ·B} with A stored as (k, m) and B as (k, n), row-major. */
    public static void tn(ComputePool pool, int m, int n, int k, float[] a, float[] b, float[] c, float beta) {
        gemm(pool, true, false, m, n, k, a, 0, m, b, 0, n, c, 0, n, beta);
    }

    /** {@code C[m,n] = beta·C + A·Bᵀ} with A stored as (m, k) and B as (n, k), row-major. */
    public static void nt(ComputePool pool, int m, int n, int k, float[] a, float[] b, float[] c, float beta) {
        gemm(pool, false, true, m, n, k, a, 0, k, b, 0, k, c, 0, n, beta);
    }

    /**
     * General form with offsets and leading dimensions (row strides), as BLAS sgemm in row-major.
     * op(A) is (m, k): A(i,p) = {@code a[aOff + i·lda + p]}, or {@code a[aOff + p·lda + i]} when
     * {@code transA}. op(B) is (k, n): B(p,j) = {@code b[bOff + p·ldb + j]}, or
     * {@code b[bOff + j·ldb + p]} when {@code transB}. C(i,j) = {@code c[cOff + i·ldc + j]}.
     * With {@code beta == 0} the old contents of C are ignored (even NaN).
     */
    public static void gemm(ComputePool pool, boolean transA, boolean transB, int m, int n, int k,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                            float[] c, int cOff, int ldc, float beta) {
        run(pool, false, transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, null, c, cOff, ldc, beta);
    }

    /**
     * {@code C[m,n] = beta·C + op(A)·B} where B packs its own panels ({@link PackedOperand}: the
     * im2col columns of a convolution, read straight from the images, never written out).
     */
    public static void gemm(ComputePool pool, boolean transA, int m, int n, int k, float[] a, int aOff, int lda,
                            PackedOperand b, float[] c, int cOff, int ldc, float beta) {
        b.checkShape(k, n);
        run(pool, false, transA, false, m, n, k, a, aOff, lda, null, 0, 0, b, c, cOff, ldc, beta);
    }

    /**
     * As {@link #gemm(ComputePool, boolean, boolean, int, int, int, float[], int, int, float[], int, int, float[], int, int, float)},
     * on the calling thread only: for a product inside a task of {@code pool}, which lends the
     * calling thread's packing buffers. Same bits as the parallel form (that one never splits k).
     */
    public static void serial(ComputePool pool, boolean transA, boolean transB, int m, int n, int k,
                              float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
                              float[] c, int cOff, int ldc, float beta) {
        run(pool, true, transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, null, c, cOff, ldc, beta);
    }

    /** Checks the operands and runs the product; B is {@code src} when that is not null, else the array {@code b}. */
    private static void run(ComputePool pool, boolean serial, boolean transA, boolean transB, int m, int n, int k,
                            float[] a, int aOff, int lda, float[] b, int bOff, int ldb, PackedOperand src,
                            float[] c, int cOff, int ldc, float beta) {
        if (m < 0 || n < 0 || k < 0) throw new IllegalArgumentException("gemm: negative size m=" + m + " n=" + n + " k=" + k);
        if (m == 0 || n == 0) return;
        checkExtent("A", a, aOff, transA ? k : m, transA ? m : k, lda);
        if (src == null) checkExtent("B", b, bOff, transB ? n : k, transB ? k : n, ldb);
        checkExtent("C", c, cOff, m, n, ldc);
        if (k == 0) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) c[cOff + i * ldc + j] = beta == 0f ? 0f : beta * c[cOff + i * ldc + j];
            }
            return;
        }
        int threads = serial || (long) m * n * k < PARALLEL_MIN_WORK ? 1 : pool.threads();
        if (threads == 1) {
            block(pool, transA, transB, 0, m, 0, n, k, a, aOff, lda, b, bOff, ldb, src, c, cOff, ldc, beta);
            return;
        }
        // Split the larger output dimension; the other operand is packed by every task, so
        // splitting along the larger side duplicates the smaller packing work. One task per
        // thread: with two per thread, the MNIST MLP's X (128x784) was packed four times per
        // forward product, and packing A was a fifth of the GEMM time (JFR); 2-thread GFLOP/s
        // 127 -> 141 (nn), 97 -> 115 (tn), 103 -> 135 (nt) at 128x784x256.
        int tasksWanted = threads;
        if (n >= m) {
            int chunk = Math.max(2 * NR, roundUp(ceilDiv(n, tasksWanted), NR));
            int tasks = ceilDiv(n, chunk);
            pool.parallelFor(tasks, t -> block(pool, transA, transB, 0, m, t * chunk, Math.min(n, (t + 1) * chunk), k,
                    a, aOff, lda, b, bOff, ldb, src, c, cOff, ldc, beta));
        } else {
            int chunk = Math.max(4 * MR, roundUp(ceilDiv(m, tasksWanted), MR));
            int tasks = ceilDiv(m, chunk);
            pool.parallelFor(tasks, t -> block(pool, transA, transB, t * chunk, Math.min(m, (t + 1) * chunk), 0, n, k,
                    a, aOff, lda, b, bOff, ldb, src, c, cOff, ldc, beta));
        }
    }

    private static void checkExtent(String name, float[] arr, int off, int rows, int cols, int ld) {
        if (ld < cols) throw new IllegalArgumentException("gemm: leading dimension of " + name + " is " + ld + " < " + cols + " columns");
        long last = (long) off + (long) (rows - 1) * ld + cols;
        if (off < 0 || (rows > 0 && cols > 0 && last > arr.length)) {
            throw new IllegalArgumentException("gemm: " + name + " (" + rows + "x" + cols + ", ld " + ld + ", offset " + off
                    + ") does not fit in an array of " + arr.length);
        }
    }

    static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    static int roundUp(int a, int b) {
        return ceilDiv(a, b) * b;
    }

    /** Computes the output block rows [i0, i1) x columns [j0, j1) over the whole k range. */
    private static void block(ComputePool pool, boolean transA, boolean transB, int i0, int i1, int j0, int j1, int k,
                              float[] a, int aOff, int lda, float[] b, int bOff, int ldb, PackedOperand src,
                              float[] c, int cOff, int ldc, float beta) {
        int kcMax = Math.min(KC, k);
        int ncMax = Math.min(NC, roundUp(j1 - j0, NR));
        int mcMax = Math.min(MC, roundUp(i1 - i0, MR));
        float[] bp = pool.scratch(0, kcMax * ncMax);
        float[] ap = pool.scratch(1, kcMax * mcMax);
        float[] tile = pool.scratch(2, MR * NR);
        for (int jc = j0; jc < j1; jc += NC) {
            int nc = Math.min(NC, j1 - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int kc = Math.min(KC, k - pc);
                boolean first = pc == 0;
                if (src != null) src.pack(pc, kc, jc, nc, bp);
                else packB(transB, b, bOff, ldb, pc, kc, jc, nc, bp);
                for (int ic = i0; ic < i1; ic += MC) {
                    int mc = Math.min(MC, i1 - ic);
                    packA(transA, a, aOff, lda, ic, mc, pc, kc, ap);
                    for (int jr = 0; jr < nc; jr += NR) {
                        int nr = Math.min(NR, nc - jr);
                        int bpOff = (jr / NR) * kc * NR;
                        for (int ir = 0; ir < mc; ir += MR) {
                            int mr = Math.min(MR, mc - ir);
                            kernel(kc, ap, (ir / MR) * kc * MR, bp, bpOff, c, cOff + (ic + ir) * ldc + jc + jr, ldc,
                                    beta, first, mr, nr, tile);
                        }
                    }
                }
            }
        }
    }

    /**
     * A B operand that packs its own panels: op(B)[p0..p0+kc, j0..j0+nc] into NR-column
     * micro-panels, {@code bp[panel][kk][col]}, zero-padded, exactly as {@code packB} packs an
     * array. Implemented in this package only (the layout is the kernel's).
     */
    public abstract static class PackedOperand {
        PackedOperand() {
        }

        /** Rows (the product's k) and columns (its n) of op(B). */
        abstract int rows();

        abstract int cols();

        abstract void pack(int p0, int kc, int j0, int nc, float[] bp);

        final void checkShape(int k, int n) {
            if (rows() != k || cols() != n) {
                throw new IllegalArgumentException("gemm: B is " + rows() + "x" + cols() + ", the product needs " + k + "x" + n);
            }
        }
    }

    /** Packs op(A)[i0..i0+mc, p0..p0+kc] into MR-row micro-panels: ap[panel][kk][r], zero-padded. */
    private static void packA(boolean transA, float[] a, int aOff, int lda, int i0, int mc, int p0, int kc, float[] ap) {
        int panels = ceilDiv(mc, MR);
        for (int pnl = 0; pnl < panels; pnl++) {
            int base = pnl * kc * MR;
            int rows = Math.min(MR, mc - pnl * MR);
            int i = i0 + pnl * MR;
            if (transA) {
                for (int kk = 0; kk < kc; kk++) {
                    int src = aOff + (p0 + kk) * lda + i;
                    int dst = base + kk * MR;
                    for (int r = 0; r < rows; r++) ap[dst + r] = a[src + r];
                    for (int r = rows; r < MR; r++) ap[dst + r] = 0f;
                }
            } else if (rows == MR) {
                // a full panel: four rows read side by side, the panel written in order
                int s0 = aOff + i * lda + p0;
                int s1 = s0 + lda;
                int s2 = s1 + lda;
                int s3 = s2 + lda;
                for (int kk = 0; kk < kc; kk++) {
                    int dst = base + kk * MR;
                    ap[dst] = a[s0 + kk];
                    ap[dst + 1] = a[s1 + kk];
                    ap[dst + 2] = a[s2 + kk];
                    ap[dst + 3] = a[s3 + kk];
                }
            } else {
                for (int r = 0; r < MR; r++) {
                    if (r < rows) {
                        int src = aOff + (i + r) * lda + p0;
                        for (int kk = 0; kk < kc; kk++) ap[base + kk * MR + r] = a[src + kk];
                    } else {
                        for (int kk = 0; kk < kc; kk++) ap[base + kk * MR + r] = 0f;
                    }
                }
            }
        }
    }

    /** Packs op(B)[p0..p0+kc, j0..j0+nc] into NR-column micro-panels: bp[panel][kk][col], zero-padded. */
    private static void packB(boolean transB, float[] b, int bOff, int ldb, int p0, int kc, int j0, int nc, float[] bp) {
        int panels = ceilDiv(nc, NR);
        for (int pnl = 0; pnl < panels; pnl++) {
            int base = pnl * kc * NR;
            int cols = Math.min(NR, nc - pnl * NR);
            int j = j0 + pnl * NR;
            if (transB) {
                for (int col = 0; col < NR; col++) {
                    if (col < cols) {
                        int src = bOff + (j + col) * ldb + p0;
                        for (int kk = 0; kk < kc; kk++) bp[base + kk * NR + col] = b[src + kk];
                    } else {
                        for (int kk = 0; kk < kc; kk++) bp[base + kk * NR + col] = 0f;
                    }
                }
            } else if (cols == NR) {
                // two vector moves per row: cheaper than System.arraycopy for 2·lanes floats
                for (int kk = 0; kk < kc; kk++) {
                    int src = bOff + (p0 + kk) * ldb + j;
                    int dst = base + kk * NR;
                    FloatVector.fromArray(S, b, src).intoArray(bp, dst);
                    FloatVector.fromArray(S, b, src + L).intoArray(bp, dst + L);
                }
            } else {
                for (int kk = 0; kk < kc; kk++) {
                    int dst = base + kk * NR;
                    System.arraycopy(b, bOff + (p0 + kk) * ldb + j, bp, dst, cols);
                    for (int col = cols; col < NR; col++) bp[dst + col] = 0f;
                }
            }
        }
    }

    /**
     * The register-tiled micro-kernel: an MR x NR tile of A·B over kc, then stored into C
     * ({@code first}: C = beta·C + acc, otherwise C += acc); partial tiles (mr < MR or nr < NR)
     * store only their mr x nr part, with the same arithmetic as full ones.
     */
    private static void kernel(int kc, float[] ap, int apOff, float[] bp, int bpOff, float[] c, int cOff, int ldc,
                               float beta, boolean first, int mr, int nr, float[] tile) {
        FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
        FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
        FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
        FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
        for (int kk = 0; kk < kc; kk++) {
            int bi = bpOff + kk * NR;
            int ai = apOff + kk * MR;
            FloatVector b0 = FloatVector.fromArray(S, bp, bi);
            FloatVector b1 = FloatVector.fromArray(S, bp, bi + L);
            FloatVector a0 = FloatVector.broadcast(S, ap[ai]);
            c00 = a0.fma(b0, c00);
            c01 = a0.fma(b1, c01);
            FloatVector a1 = FloatVector.broadcast(S, ap[ai + 1]);
            c10 = a1.fma(b0, c10);
            c11 = a1.fma(b1, c11);
            FloatVector a2 = FloatVector.broadcast(S, ap[ai + 2]);
            c20 = a2.fma(b0, c20);
            c21 = a2.fma(b1, c21);
            FloatVector a3 = FloatVector.broadcast(S, ap[ai + 3]);
            c30 = a3.fma(b0, c30);
            c31 = a3.fma(b1, c31);
        }
        // The accumulators go through the tile so that every branch (edges, beta, first k block)
        // lives in storeTile: branches inside this method would let C2 compile it with uncommon
        // traps that deoptimize it back to slow, boxed Vector-API code when first taken.
        c00.intoArray(tile, 0);
        c01.intoArray(tile, L);
        c10.intoArray(tile, NR);
        c11.intoArray(tile, NR + L);
        c20.intoArray(tile, 2 * NR);
        c21.intoArray(tile, 2 * NR + L);
        c30.intoArray(tile, 3 * NR);
        c31.intoArray(tile, 3 * NR + L);
        storeTile(tile, c, cOff, ldc, mr, nr, beta, first);
    }

    /** C = beta·C + tile (first k block; C = tile when beta is 0) or C += tile, for mr x nr entries. */
    private static void storeTile(float[] tile, float[] c, int cOff, int ldc, int mr, int nr, float beta, boolean first) {
        if (nr == NR && !(first && beta != 0f)) {
            // full rows, the common cases C = tile and C += tile: two vector moves or adds per row
            for (int r = 0; r < mr; r++) {
                int row = cOff + r * ldc;
                int t = r * NR;
                FloatVector t0 = FloatVector.fromArray(S, tile, t);
                FloatVector t1 = FloatVector.fromArray(S, tile, t + L);
                if (!first) {
                    t0 = t0.add(FloatVector.fromArray(S, c, row));
                    t1 = t1.add(FloatVector.fromArray(S, c, row + L));
                }
                t0.intoArray(c, row);
                t1.intoArray(c, row + L);
            }
            return;
        }
        for (int r = 0; r < mr; r++) {
            int row = cOff + r * ldc;
            int t = r * NR;
            if (!first) {
                for (int col = 0; col < nr; col++) c[row + col] += tile[t + col];
            } else if (beta == 0f) {
                System.arraycopy(tile, t, c, row, nr);
            } else {
                for (int col = 0; col < nr; col++) c[row + col] = Math.fma(c[row + col], beta, tile[t + col]);
            }
        }
    }
}
