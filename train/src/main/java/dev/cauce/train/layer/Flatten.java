package dev.cauce.train.layer;

import dev.cauce.core.Tensor;

/** (N, d1, d2, ...) → (N, d1·d2·...), sharing the data; backward restores the input shape. */
public final class Flatten implements Layer {
    private final String name;
    private int[] lastShape;

    public Flatten(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        return new int[] {Math.toIntExact(Shapes.size(inputShape))};
    }

    @Override
    public Tensor forward(Tensor x, Context ctx) {
        lastShape = x.shape();
        return x.reshape(x.dim(0), -1);
    }

    @Override
    public Tensor backward(Tensor gradOutput, Context ctx, boolean needInputGrad) {
        return needInputGrad ? gradOutput.reshape(lastShape) : null;
    }
}
