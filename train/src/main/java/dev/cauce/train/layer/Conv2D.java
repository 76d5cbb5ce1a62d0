package dev.cauce.train.layer;

import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.core.simd.ComputePool;
import dev.cauce.core.simd.Gemm;
import dev.cauce.core.simd.Im2Col;
import dev.cauce.train.Initializer;
import dev.cauce.train.Param;
import java.util.List;

/**
 * 2-D convolution (cross-correlation, as in PyTorch) over NCHW inputs, as GEMMs over the im2col
 * column matrix, which is never written out: the GEMM packs its panels straight from the images.
 *
 * <p>Weight layout (F, C, KH, KW) and bias (F), as PyTorch's {@code nn.Conv2d}. Output size
 * {@code OH = (H + 2·pad − KH)/stride + 1} (likewise OW), zero padding. Initialization uses
 * fanIn = C·KH·KW and fanOut = F·KH·KW.
 *
 * <p>With the column matrix {@code cols} (C·KH·KW, N·OH·OW) of {@link Im2Col}:
 * forward {@code Y' = W·cols} (F, N·OH·OW), then transposed to (N, F, OH, OW) plus bias;
 * backward {@code dW += dY'·colsᵀ}, {@code db += Σ dY'}, {@code dcols = Wᵀ·dY'} and
 * {@code dX = col2im(dcols)}. The batch is part of the GEMM's k dimension for dW, which the GEMM
 * never splits across threads, so gradients are bit-identical for any thread count.
 *
 * <p>Memory traffic, not arithmetic, was what the MNIST CNN's conv2 waited on: its column matrix
 * is 26 MB (25 copies of every input value), written by im2col, read back by the forward's
 * packing, again by dW's, and dcols (26 MB more) written by a GEMM and read back by col2im. Now
 * both products pack from the images ({@link Im2Col#columns}), the input kept by reference as the
 * {@link Layer} contract allows, and dX is made {@value #DX_IMAGES} images at a time, each slice
 * of dcols turned into dX while it is still in cache. Every product and sum is the same sequence
 * of operations as before, so the results are the same bits.
 */
public final class Conv2D implements Layer {
    private final String name;
    private final int c, h, w, filters, kh, kw, stride, pad, oh, ow;
    private final Param weight;
    private final Param bias;
    // Workspaces kept across batches (grown, never shrunk): allocating ~10-30 MB per batch made the
    // young collections promote live batch data, and the heap grew to 1.5 GB on the MNIST CNN.
    /** The input of the last training-mode forward (backward packs dW's columns from it). */
    private float[] input;
    /** The (F, N·OH·OW) product: Y' in forward, dY' in backward (forward's is dead by then). */
    private float[] fnp;
    /** Input images of one inference chunk. */
    private float[] chunk;
    private final Buffers buffers = new Buffers(2);
    /** Inference batches larger than this run in chunks of this many images. */
    static final int INFERENCE_CHUNK = 128;
    /** Images per slice of dcols in backward: 800 KB of dcols on the MNIST CNN's conv2, about L2. */
    static final int DX_IMAGES = 4;
    private int lastN;

    /**
     * @param inputShape (C, H, W) of one sample
     */
    public Conv2D(String name, int[] inputShape, int filters, int kernel, int stride, int padding, Initializer init, Rng rng) {
        if (inputShape.length != 3) {
            throw new IllegalArgumentException(name + ": needs an input of shape (C, H, W), got " + java.util.Arrays.toString(inputShape));
        }
        if (filters < 1) throw new IllegalArgumentException(name + ": filters must be >= 1, got " + filters);
        if (kernel < 1) throw new IllegalArgumentException(name + ": kernel size must be >= 1, got " + kernel);
        if (stride < 1) throw new IllegalArgumentException(name + ": stride must be >= 1, got " + stride);
        if (padding < 0) throw new IllegalArgumentException(name + ": padding must be >= 0, got " + padding);
        this.name = name;
        this.c = inputShape[0];
        this.h = inputShape[1];
        this.w = inputShape[2];
        this.filters = filters;
        this.kh = kernel;
        this.kw = kernel;
        this.stride = stride;
        this.pad = padding;
        try {
            this.oh = Im2Col.outSize(h, kh, stride, pad);
            this.ow = Im2Col.outSize(w, kw, stride, pad);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": input " + h + "x" + w + " is too small for a " + kernel + "x" + kernel
                    + " kernel with padding " + padding, e);
        }
        this.weight = new Param(name + ".weight", true, filters, c, kh, kw);
        this.bias = new Param(name + ".bias", false, filters);
        init.fill(weight.value, c * kh * kw, filters * kh * kw, rng);
    }

    public Param weight() {
        return weight;
    }

    public Param bias() {
        return bias;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Param> params() {
        return List.of(weight, bias);
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        Shapes.expect(name, new int[] {c, h, w}, inputShape);
        return new int[] {filters, oh, ow};
    }

    @Override
    public Tensor forward(Tensor x, Context ctx) {
        int n = Shapes.batch(name, x, new int[] {c, h, w});
        float[] y = buffers.get(0, n * filters * oh * ow, ctx);
        if (ctx.training() || n <= INFERENCE_CHUNK) {
            lastN = ctx.training() ? n : -1;
            input = ctx.training() ? x.data() : null;
            convolve(x.data(), n, y, 0, ctx);
        } else {
            // Inference keeps nothing for backward: run the batch in chunks so that the (F, N·OH·OW)
            // product buffer stays at training-batch size (a 500-image evaluation batch needs 4x more).
            lastN = -1;
            input = null;
            int per = c * h * w;
            for (int i0 = 0; i0 < n; i0 += INFERENCE_CHUNK) {
                int m = Math.min(INFERENCE_CHUNK, n - i0);
                chunk = grow(chunk, m * per);
                System.arraycopy(x.data(), i0 * per, chunk, 0, m * per);
                convolve(chunk, m, y, i0 * filters * oh * ow, ctx);
            }
        }
        return Tensor.of(y, n, filters, oh, ow);
    }

    /** Convolves {@code n} images of {@code x} into {@code y} from {@code yOff} (NCHW): one GEMM over their columns. */
    private void convolve(float[] x, int n, float[] y, int yOff, Context ctx) {
        int ckk = c * kh * kw;
        int plane = oh * ow;
        int width = n * plane;
        float[] yt = fnp = grow(fnp, filters * width);
        Gemm.gemm(ctx.pool(), false, filters, width, ckk, weight.value, 0, ckk,
                Im2Col.columns(x, n, c, h, w, kh, kw, stride, pad), yt, 0, width, 0f);
        ctx.pool().parallelFor(n, img -> {
            for (int f = 0; f < filters; f++) {
                int src = f * width + img * plane;
                int dst = yOff + (img * filters + f) * plane;
                float b = bias.value[f];
                for (int p = 0; p < plane; p++) y[dst + p] = yt[src + p] + b;
            }
        });
    }

    @Override
    public Tensor backward(Tensor gradOutput, Context ctx, boolean needInputGrad) {
        if (input == null || lastN < 0) throw new IllegalStateException(name + ": backward needs a training-mode forward of the same batch first");
        int n = lastN;
        int ckk = c * kh * kw;
        int plane = oh * ow;
        int width = n * plane;
        if (gradOutput.size() != filters * width) {
            throw new IllegalArgumentException(name + ": gradient of " + gradOutput.size() + " values, expected " + filters * width);
        }
        float[] dy = gradOutput.data();
        float[] dyt = fnp = grow(fnp, filters * width);
        // transpose dY to (F, N·OH·OW) and sum each filter's row for the bias gradient in the same
        // pass, per filter in parallel (the sum was a serial loop of ~3 ms per MNIST CNN step);
        // the summation order is unchanged, so the gradient is too
        ctx.pool().parallelFor(filters, f -> {
            double s = 0;
            for (int img = 0; img < n; img++) {
                int src = (img * filters + f) * plane;
                System.arraycopy(dy, src, dyt, f * width + img * plane, plane);
                for (int p = 0; p < plane; p++) s += dy[src + p];
            }
            bias.grad[f] += (float) s;
        });
        Gemm.gemm(ctx.pool(), false, filters, ckk, width, dyt, 0, width,
                Im2Col.columnsTransposed(input, n, c, h, w, kh, kw, stride, pad), weight.grad, 0, ckk, 1f);
        if (!needInputGrad) return null;
        float[] dx = buffers.get(1, n * c * h * w, ctx);
        // dcols = Wᵀ·dY' a slice of images at a time (a column split: the same products), each
        // slice scattered into dX by its own task while it is in cache
        ComputePool pool = ctx.pool();
        pool.parallelFor((n + DX_IMAGES - 1) / DX_IMAGES, t -> {
            int img0 = t * DX_IMAGES;
            int m = Math.min(DX_IMAGES, n - img0);
            float[] dcols = pool.scratch(3, ckk * m * plane);
            Gemm.serial(pool, true, false, ckk, m * plane, filters, weight.value, 0, ckk, dyt, img0 * plane, width,
                    dcols, 0, m * plane, 0f);
            Im2Col.col2imSerial(dcols, m, c, h, w, kh, kw, stride, pad, dx, img0 * c * h * w);
        });
        return Tensor.of(dx, n, c, h, w);
    }

    /** {@code buf} if it holds at least {@code size} floats, else a new array of that size. */
    private static float[] grow(float[] buf, int size) {
        return buf != null && buf.length >= size ? buf : new float[size];
    }
}
