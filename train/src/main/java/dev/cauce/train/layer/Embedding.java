package dev.cauce.train.layer;

import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.train.Param;
import java.util.Arrays;
import java.util.List;

/**
 * A lookup table of learned vectors: input (N, T) token ids (stored as floats, exact integers),
 * output (N, T, D) with row {@code weight[id]}; weight (vocab, D) initialized N(0, 1) as PyTorch's
 * {@code nn.Embedding}. Backward adds each output gradient row into the row of its id (ids seen
 * twice accumulate); ids are not differentiable, so there is no input gradient.
 */
public final class Embedding implements Layer {
    private final String name;
    private final int vocab;
    private final int dim;
    private final Param weight;
    private int[] ids;
    private int[] lastShape;

    public Embedding(String name, int vocab, int dim, Rng rng) {
        if (vocab < 1) throw new IllegalArgumentException(name + ": vocabulary size must be >= 1, got " + vocab);
        if (dim < 1) throw new IllegalArgumentException(name + ": dimension must be >= 1, got " + dim);
        this.name = name;
        this.vocab = vocab;
        this.dim = dim;
        this.weight = new Param(name + ".weight", true, vocab, dim);
        for (int i = 0; i < weight.value.length; i++) weight.value[i] = (float) rng.nextGaussian();
    }

    public Param weight() {
        return weight;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Param> params() {
        return List.of(weight);
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        int[] out = Arrays.copyOf(inputShape, inputShape.length + 1);
        out[inputShape.length] = dim;
        return out;
    }

    @Override
    public Tensor forward(Tensor x, Context ctx) {
        float[] in = x.data();
        ids = new int[in.length];
        float[] y = new float[in.length * dim];
        for (int i = 0; i < in.length; i++) {
            float v = in[i];
            if (v != Math.rint(v) || v < 0 || v >= vocab) {
                throw new IllegalArgumentException(name + ": token id " + v + " at position " + i + " is not an integer in [0, " + vocab + ")");
            }
            ids[i] = (int) v;
            System.arraycopy(weight.value, ids[i] * dim, y, i * dim, dim);
        }
        lastShape = x.shape();
        return Tensor.of(y, outputShapeWithBatch());
    }

    private int[] outputShapeWithBatch() {
        int[] s = Arrays.copyOf(lastShape, lastShape.length + 1);
        s[lastShape.length] = dim;
        return s;
    }

    @Override
    public Tensor backward(Tensor gradOutput, Context ctx, boolean needInputGrad) {
        if (ids == null) throw new IllegalStateException(name + ": backward called before forward");
        float[] g = gradOutput.data();
        for (int i = 0; i < ids.length; i++) {
            int row = ids[i] * dim;
            for (int j = 0; j < dim; j++) weight.grad[row + j] += g[i * dim + j];
        }
        return needInputGrad ? Tensor.zeros(lastShape) : null;
    }
}
