package dev.cauce.train.layer;

import dev.cauce.core.Tensor;
import dev.cauce.core.simd.Im2Col;
import java.util.Arrays;

/**
 * Max or average pooling over NCHW inputs with a square window, a stride and no padding:
 * {@code OH = (H − k)/stride + 1} (floor, as PyTorch's default {@code ceil_mode=False}).
 *
 * <p>Max: each output is the largest input of its window (the first one on ties); the gradient
 * flows only to that input. Average: each output is the window mean; the gradient is spread
 * evenly over the window.
 */
public final class Pool2D implements Layer {
    /** Which reduction the window applies. */
    public enum Kind { MAX, AVG }

    private final String name;
    private final Kind kind;
    private final int c, h, w, k, stride, oh, ow;
    private int[] argmax;
    private final Buffers buffers = new Buffers(2);
    private int lastN;

    public Pool2D(String name, Kind kind, int[] inputShape, int window, int stride) {
        if (inputShape.length != 3) {
            throw new IllegalArgumentException(name + ": needs an input of shape (C, H, W), got " + Arrays.toString(inputShape));
        }
        if (window < 1) throw new IllegalArgumentException(name + ": window must be >= 1, got " + window);
        if (stride < 1) throw new IllegalArgumentException(name + ": stride must be >= 1, got " + stride);
        this.name = name;
        this.kind = kind;
        this.c = inputShape[0];
        this.h = inputShape[1];
        this.w = inputShape[2];
        this.k = window;
        this.stride = stride;
        try {
            this.oh = Im2Col.outSize(h, k, stride, 0);
            this.ow = Im2Col.outSize(w, k, stride, 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": input " + h + "x" + w + " is smaller than the " + k + "x" + k + " window", e);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        Shapes.expect(name, new int[] {c, h, w}, inputShape);
        return new int[] {c, oh, ow};
    }

    @Override
    public Tensor forward(Tensor x, Context ctx) {
        int n = Shapes.batch(name, x, new int[] {c, h, w});
        lastN = n;
        float[] in = x.data();
        float[] y = buffers.get(0, n * c * oh * ow, ctx);
        // grown, never shrunk: a smaller last batch uses its prefix (argmax is not a tensor)
        if (kind == Kind.MAX && (argmax == null || argmax.length < y.length)) argmax = new int[y.length];
        float inv = 1f / (k * k);
        ctx.pool().parallelFor(n, img -> {
            for (int ch = 0; ch < c; ch++) {
                int plane = (img * c + ch) * h * w;
                int out = (img * c + ch) * oh * ow;
                if (kind == Kind.MAX && k == 2 && stride == 2) {
                    max2x2(in, plane, y, argmax, out);
                    continue;
                }
                for (int yo = 0; yo < oh; yo++) {
                    for (int xo = 0; xo < ow; xo++) {
                        int top = plane + yo * stride * w + xo * stride;
                        if (kind == Kind.MAX) {
                            int best = top;
                            for (int dy = 0; dy < k; dy++) {
                                for (int dx = 0; dx < k; dx++) if (in[top + dy * w + dx] > in[best]) best = top + dy * w + dx;
                            }
                            y[out] = in[best];
                            argmax[out] = best;
                        } else {
                            float s = 0;
                            for (int dy = 0; dy < k; dy++) for (int dx = 0; dx < k; dx++) s += in[top + dy * w + dx];
                            y[out] = s * inv;
                        }
                        out++;
                    }
                }
            }
        });
        return Tensor.of(y, n, c, oh, ow);
    }

    /**
     * The common 2x2, stride-2 max pool of one plane, unrolled (the general loop above spent ~10% of
     * a CNN training step on its window bounds and re-reads); same comparisons in the same order,
     * so the same outputs and argmax (the first maximum on ties).
     */
    private void max2x2(float[] in, int plane, float[] y, int[] argmax, int out) {
        for (int yo = 0; yo < oh; yo++) {
            int top = plane + 2 * yo * w;
            for (int xo = 0; xo < ow; xo++, out++, top += 2) {
                int best = top;
                float v = in[top];
                if (in[top + 1] > v) { best = top + 1; v = in[best]; }
                if (in[top + w] > v) { best = top + w; v = in[best]; }
                if (in[top + w + 1] > v) { best = top + w + 1; v = in[best]; }
                y[out] = v;
                argmax[out] = best;
            }
        }
    }

    @Override
    public Tensor backward(Tensor gradOutput, Context ctx, boolean needInputGrad) {
        if (!needInputGrad) return null;
        int n = lastN;
        float[] g = gradOutput.data();
        float[] dx = buffers.get(1, n * c * h * w, ctx);
        boolean clear = Buffers.stale(ctx);
        float inv = 1f / (k * k);
        // per image: windows of one image only touch that image, so images run in parallel
        ctx.pool().parallelFor(n, img -> {
            if (clear) java.util.Arrays.fill(dx, img * c * h * w, (img + 1) * c * h * w, 0f);
            int from = img * c * oh * ow;
            int to = from + c * oh * ow;
            if (kind == Kind.MAX) {
                for (int o = from; o < to; o++) dx[argmax[o]] += g[o];
                return;
            }
            for (int ch = 0; ch < c; ch++) {
                int plane = (img * c + ch) * h * w;
                int out = (img * c + ch) * oh * ow;
                for (int yo = 0; yo < oh; yo++) {
                    for (int xo = 0; xo < ow; xo++) {
                        int top = plane + yo * stride * w + xo * stride;
                        float v = g[out++] * inv;
                        for (int dy = 0; dy < k; dy++) for (int dx2 = 0; dx2 < k; dx2++) dx[top + dy * w + dx2] += v;
                    }
                }
            }
        });
        return Tensor.of(dx, n, c, h, w);
    }
}
