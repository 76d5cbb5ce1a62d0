package dev.cauce.train.layer;

import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.core.simd.Gemm;
import dev.cauce.core.simd.Im2Col;
import dev.cauce.train.Initializer;
import dev.cauce.train.Param;
import java.util.List;

/**
 * 2-D convolution (cross-correlation, as in PyTorch) over NCHW inputs, by im2col and one GEMM per
 * batch.
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
 */
public final class Conv2D implements Layer {
    private final String name;
    private final int c, h, w, filters, kh, kw, stride, pad, oh, ow;
    private final Param weight;
    private final Param bias;
    // Workspaces kept across batches (grown, never shrunk): allocating ~10-30 MB per batch made the
    // young collections promote live batch data, and the heap grew to 1.5 GB on the MNIST CNN.
    // cols also holds dcols in backward: cols is dead once dW is accumulated (the next forward
    // rebuilds it), and a second (C·KH·KW, N·OH·OW) array was 26 MB on the MNIST CNN's conv2.
    private float[] cols;
    /** The (F, N·OH·OW) product: Y' in forward, dY' in backward (forward's is dead by then). */
    private float[] fnp;
    /** Input images of one inference chunk. */
    private float[] chunk;
    private final Buffers buffers = new Buffers(2);
    /** Inference batches larger than this run in chunks of this many images. */
    static final int INFERENCE_CHUNK = 128;
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
            lastN = n;
            convolve(x.data(), n, y, 0, ctx);
        } else {
            // Inference keeps nothing for backward: run the batch in chunks so that the column
            // buffer stays at training-batch size (a 500-image evaluation batch needs 4x more).
            lastN = -1;
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

    /** Convolves {@code n} images of {@code x} into {@code y} from {@code yOff} (NCHW), via im2col and one GEMM. */
    private void convolve(float[] x, int n, float[] y, int yOff, Context ctx) {
        int ckk = c * kh * kw;
        int plane = oh * ow;
        int width = n * plane;
        cols = grow(cols, ckk * width);
        Im2Col.im2col(ctx.pool(), x, n, c, h, w, kh, kw, stride, pad, cols);
        float[] yt = fnp = grow(fnp, filters * width);
        Gemm.nn(ctx.pool(), filters, width, ckk, weight.value, cols, yt, 0f);
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
        if (cols == null || lastN < 0) throw new IllegalStateException(name + ": backward needs a training-mode forward of the same batch first");
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
        Gemm.gemm(ctx.pool(), false, true, filters, ckk, width, dyt, 0, width, cols, 0, width, weight.grad, 0, ckk, 1f);
        if (!needInputGrad) return null;
        // dcols overwrites cols (dW above was its last use); cols is stale until the next forward
        float[] dcols = cols;
        lastN = -1;
        Gemm.gemm(ctx.pool(), true, false, ckk, width, filters, weight.value, 0, ckk, dyt, 0, width, dcols, 0, width, 0f);
        float[] dx = buffers.get(1, n * c * h * w, ctx);
        Im2Col.col2im(ctx.pool(), dcols, n, c, h, w, kh, kw, stride, pad, dx);
        return Tensor.of(dx, n, c, h, w);
    }

    /** {@code buf} if it holds at least {@code size} floats, else a new array of that size. */
    private static float[] grow(float[] buf, int size) {
        return buf != null && buf.length >= size ? buf : new float[size];
    }
}
