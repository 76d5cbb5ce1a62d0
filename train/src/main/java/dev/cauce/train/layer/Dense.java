package dev.cauce.train.layer;

import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.core.simd.Gemm;
import dev.cauce.core.simd.VectorOps;
import dev.cauce.train.Initializer;
import dev.cauce.train.Param;
import java.util.Arrays;
import java.util.List;

/**
 * Fully connected layer {@code y = x·W + b}.
 *
 * <p>Layout: the weight is stored <b>(in, out)</b>, row-major, so the forward pass is a plain
 * {@code X[N,in]·W[in,out]} product and the weight gradient {@code Xᵀ·dY} has the weight's own
 * layout. (PyTorch's {@code nn.Linear.weight} is (out, in): transpose when exchanging weights.)
 * Inputs of any rank are read as (N, product of the other dimensions).
 *
 * <p>Backward: {@code dW += Xᵀ·dY}, {@code db += Σ_n dY[n,:]}, {@code dX = dY·Wᵀ}.
 */
public final class Dense implements Layer {
    private final String name;
    private final int in;
    private final int out;
    private final Param weight;
    private final Param bias;
    private Tensor input;
    private final Buffers buffers = new Buffers(2);

    /**
     * @param init weight initializer (fanIn = in, fanOut = out); biases start at 0
     * @param rng  the stream that draws this layer's initial weights
     */
    public Dense(String name, int in, int out, Initializer init, Rng rng) {
        if (in < 1) throw new IllegalArgumentException(name + ": input size must be >= 1, got " + in);
        if (out < 1) throw new IllegalArgumentException(name + ": output size must be >= 1, got " + out);
        this.name = name;
        this.in = in;
        this.out = out;
        this.weight = new Param(name + ".weight", true, in, out);
        this.bias = new Param(name + ".bias", false, out);
        init.fill(weight.value, in, out, rng);
    }

    public int inputSize() {
        return in;
    }

    public int outputSize() {
        return out;
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
        long n = 1;
        for (int d : inputShape) n *= d;
        if (n != in) {
            throw new IllegalArgumentException(name + ": expects " + in + " input features, got shape "
                    + Arrays.toString(inputShape) + " (" + n + " features)");
        }
        return new int[] {out};
    }

    private int rows(Tensor x) {
        if (x.rank() < 2 || x.size() != x.dim(0) * in) {
            throw new IllegalArgumentException(name + ": expects input (N, " + in + "), got " + Arrays.toString(x.shape()));
        }
        return x.dim(0);
    }

    @Override
    public Tensor forward(Tensor x, Context ctx) {
        int n = rows(x);
        input = x;
        float[] y = buffers.get(0, n * out, ctx);
        Gemm.nn(ctx.pool(), n, out, in, x.data(), weight.value, y, 0f);
        VectorOps.addRow(n, out, y, bias.value);
        return Tensor.of(y, n, out);
    }

    @Override
    public Tensor backward(Tensor gradOutput, Context ctx, boolean needInputGrad) {
        if (input == null) throw new IllegalStateException(name + ": backward called before forward");
        int n = input.dim(0);
        if (gradOutput.size() != n * out) {
            throw new IllegalArgumentException(name + ": gradient shape " + Arrays.toString(gradOutput.shape())
                    + " does not match output (" + n + ", " + out + ")");
        }
        float[] dy = gradOutput.data();
        Gemm.tn(ctx.pool(), in, out, n, input.data(), dy, weight.grad, 1f);
        VectorOps.addColumnSums(n, out, dy, bias.grad);
        if (!needInputGrad) return null;
        float[] dx = buffers.get(1, n * in, ctx);
        Gemm.nt(ctx.pool(), n, in, out, dy, weight.value, dx, 0f);
        return Tensor.of(dx, input.shape());
    }
}
