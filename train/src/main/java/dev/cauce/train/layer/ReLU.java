package dev.cauce.train.layer;

import dev.cauce.core.Tensor;
import dev.cauce.core.simd.VectorOps;

/** Rectified linear unit {@code y = max(x, 0)}; derivative 1 where x > 0, else 0 (0 at x = 0, as PyTorch). */
public final class ReLU implements Layer {
    private final String name;
    private Tensor output;
    private final Buffers buffers = new Buffers(2);

    public ReLU(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        return inputShape.clone();
    }

    @Override
    public Tensor forward(Tensor x, Context ctx) {
        float[] y = buffers.get(0, x.size(), ctx);
        VectorOps.relu(y.length, x.data(), y);
        output = Tensor.of(y, x.shape());
        return output;
    }

    @Override
    public Tensor backward(Tensor gradOutput, Context ctx, boolean needInputGrad) {
        if (output == null) throw new IllegalStateException(name + ": backward called before forward");
        if (!needInputGrad) return null;
        float[] dx = buffers.get(1, output.size(), ctx);
        // y > 0 exactly where x > 0, so the cached output serves as the mask.
        VectorOps.reluBackward(dx.length, output.data(), gradOutput.data(), dx);
        return Tensor.of(dx, output.shape());
    }
}
