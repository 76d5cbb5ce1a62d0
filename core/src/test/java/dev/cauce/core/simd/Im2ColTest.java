package dev.cauce.core.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cauce.core.io.Idx;
import dev.cauce.core.io.TestResources;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * im2col against its definition, col2im against the definition's scatter-add (same bits: each
 * input element receives its terms in (kh, kw) order), the adjoint identity, and thread-count
 * independence, on real MNIST digits (40 images, viewed as 10 images of 4 channels).
 */
class Im2ColTest {
    private static final int N = 10, C = 4, H = 28, W = 28;
    private static float[] x;
    private static final ComputePool one = TestPools.ONE, two = TestPools.TWO, three = TestPools.THREE;

    @BeforeAll
    static void load() throws IOException {
        float[] all = Idx.readImages(TestResources.path("mnist/test-images-idx3-ubyte.gz")).data();
        x = Arrays.copyOf(all, N * C * H * W);
    }

    private static float pixel(float[] img, int n, int c, int iy, int ix) {
        return iy < 0 || iy >= H || ix < 0 || ix >= W ? 0f : img[((n * C + c) * H + iy) * W + ix];
    }

    @ParameterizedTest(name = "kernel {0}, stride {1}, pad {2}")
    @CsvSource({"5, 1, 0", "3, 1, 1", "3, 2, 1", "2, 2, 0", "5, 1, 2", "4, 3, 2"})
    void matchesTheDefinitionAndItsAdjointForAnyThreadCount(int k, int stride, int pad) {
        int oh = Im2Col.outSize(H, k, stride, pad), ow = Im2Col.outSize(W, k, stride, pad);
        int width = N * oh * ow;
        float[] want = new float[C * k * k * width];
        for (int c = 0; c < C; c++) {
            for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                    for (int n = 0; n < N; n++) {
                        for (int y = 0; y < oh; y++) {
                            for (int xo = 0; xo < ow; xo++) {
                                want[((c * k + ky) * k + kx) * width + (n * oh + y) * ow + xo] =
                                        pixel(x, n, c, y * stride - pad + ky, xo * stride - pad + kx);
                            }
                        }
                    }
                }
            }
        }
        // col2im of real values: the digits' columns in reverse order, divided by 1..7 so that the
        // sums are inexact and a different order of terms would show in the bits
        float[] cols = new float[want.length];
        for (int i = 0; i < cols.length; i++) cols[i] = want[cols.length - 1 - i] / (1 + i % 7);
        float[] wantDx = new float[x.length];
        for (int n = 0; n < N; n++) {
            for (int c = 0; c < C; c++) {
                for (int ky = 0; ky < k; ky++) {
                    for (int kx = 0; kx < k; kx++) {
                        for (int y = 0; y < oh; y++) {
                            for (int xo = 0; xo < ow; xo++) {
                                int iy = y * stride - pad + ky, ix = xo * stride - pad + kx;
                                if (iy < 0 || iy >= H || ix < 0 || ix >= W) continue;
                                wantDx[((n * C + c) * H + iy) * W + ix] += cols[((c * k + ky) * k + kx) * width + (n * oh + y) * ow + xo];
                            }
                        }
                    }
                }
            }
        }
        for (ComputePool pool : new ComputePool[] {one, two, three}) {
            float[] got = new float[want.length];
            Arrays.fill(got, Float.NaN);
            Im2Col.im2col(pool, x, N, C, H, W, k, k, stride, pad, got);
            assertArrayEquals(want, got, 0f, pool.threads() + " threads");
            float[] dx = new float[x.length];
            Arrays.fill(dx, Float.NaN);   // overwritten, not accumulated into
            Im2Col.col2im(pool, cols, N, C, H, W, k, k, stride, pad, dx);
            assertArrayEquals(wantDx, dx, 0f, pool.threads() + " threads");
        }
        // adjoint: <im2col(x), cols> = <x, col2im(cols)>
        double lhs = 0, rhs = 0;
        for (int i = 0; i < want.length; i++) lhs += (double) want[i] * cols[i];
        for (int i = 0; i < x.length; i++) rhs += (double) x[i] * wantDx[i];
        assertEquals(lhs, rhs, 1e-6 * Math.abs(lhs));
    }

    @ParameterizedTest(name = "kernel {0}, stride {1}, pad {2}")
    @CsvSource({"5, 1, 0", "3, 1, 1", "3, 2, 1", "2, 2, 0", "5, 1, 2", "4, 3, 2"})
    void productsOverThePackedColumnsEqualProductsOverTheColumnMatrix(int k, int stride, int pad) {
        int oh = Im2Col.outSize(H, k, stride, pad), ow = Im2Col.outSize(W, k, stride, pad);
        int rows = C * k * k, width = N * oh * ow;
        float[] cols = new float[rows * width];
        Im2Col.im2col(one, x, N, C, H, W, k, k, stride, pad, cols);
        // weights and output gradients from the digits too (scaled, so that sums are inexact)
        int f = 7;
        float[] wts = new float[f * rows], dy = new float[f * width];
        for (int i = 0; i < wts.length; i++) wts[i] = x[(i * 31) % x.length] / 3 - 0.1f;
        for (int i = 0; i < dy.length; i++) dy[i] = x[(i * 17 + 5) % x.length] / 7 - 0.05f;
        for (ComputePool pool : new ComputePool[] {one, two, three}) {
            // forward: W·cols
            float[] want = new float[f * width], got = new float[f * width];
            Gemm.gemm(pool, false, false, f, width, rows, wts, 0, rows, cols, 0, width, want, 0, width, 0f);
            Gemm.gemm(pool, false, f, width, rows, wts, 0, rows, Im2Col.columns(x, N, C, H, W, k, k, stride, pad), got, 0, width, 0f);
            assertArrayEquals(want, got, 0f, "forward, " + pool.threads() + " threads");
            // weight gradient: dY·colsᵀ, accumulated (beta 1)
            float[] wantGrad = wts.clone(), gotGrad = wts.clone();
            Gemm.gemm(pool, false, true, f, rows, width, dy, 0, width, cols, 0, width, wantGrad, 0, rows, 1f);
            Gemm.gemm(pool, false, f, rows, width, dy, 0, width, Im2Col.columnsTransposed(x, N, C, H, W, k, k, stride, pad),
                    gotGrad, 0, rows, 1f);
            assertArrayEquals(wantGrad, gotGrad, 0f, "weight gradient, " + pool.threads() + " threads");
        }
    }

    @org.junit.jupiter.api.Test
    void col2imOfAFewImagesAtATimeEqualsTheWholeBatch() {
        int k = 5, oh = H - k + 1, plane = oh * oh, rows = C * k * k;
        float[] cols = new float[rows * N * plane];
        Im2Col.im2col(two, x, N, C, H, W, k, k, 1, 0, cols);
        float[] whole = new float[x.length];
        Im2Col.col2im(two, cols, N, C, H, W, k, k, 1, 0, whole);
        float[] sliced = new float[x.length];
        Arrays.fill(sliced, Float.NaN);
        for (int img0 = 0; img0 < N; img0 += 3) {
            int m = Math.min(3, N - img0);
            float[] slice = new float[rows * m * plane];
            for (int r = 0; r < rows; r++) System.arraycopy(cols, r * N * plane + img0 * plane, slice, r * m * plane, m * plane);
            Im2Col.col2imSerial(slice, m, C, H, W, k, k, 1, 0, sliced, img0 * C * H * W);
        }
        assertArrayEquals(whole, sliced, 0f);
    }

    @org.junit.jupiter.api.Test
    void packedColumnsRefuseAProductOfAnotherShape() {
        var cols = Im2Col.columns(x, N, C, H, W, 5, 5, 1, 0);
        float[] a = new float[3 * 99], c = new float[3 * N * 24 * 24];
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Gemm.gemm(one, false, 3, N * 24 * 24, 99, a, 0, 99, cols, c, 0, N * 24 * 24, 0f));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("B is 100x5760, the product needs 99x5760"), e.getMessage());
    }
}
