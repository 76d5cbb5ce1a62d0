package dev.cauce.train.layer;

import dev.cauce.core.Tensor;
import dev.cauce.train.activation.Activation;

/**
 * Applies an element-wise {@link Activation} (sigmoid, tanh, LeakyReLU, ELU, GELU, softplus, ...);
 * backward is {@code dx = dy·f'(x)} at the cached input. (Plain ReLU has its own SIMD layer, {@link ReLU}.)
 */
public final class ActivationLayer implements Layer {
    private final String name;
    private final Activation f;
    private Tensor input;

    public ActivationLayer(String name, Activation f) {
        this.name = name;
        this.f = f;
    }

    public Activation activation() {
        return f;
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
        input = x;
        float[] y = new float[x.size()];
        f.forward(x.data(), y);
        return Tensor.of(y, x.shape());
    }

    @Override
    public Tensor backward(Tensor gradOutput, Context ctx, boolean needInputGrad) {
        if (input == null) throw new IllegalStateException(name + ": backward called before forward");
        if (!needInputGrad) return null;
        float[] dx = new float[input.size()];
        f.backward(input.data(), gradOutput.data(), dx);
        return Tensor.of(dx, input.shape());
    }
}
