package dev.cauce.train.layer;

import dev.cauce.core.Tensor;
import java.util.Arrays;

/** Global average pooling: (N, C, H, W) → (N, C), the mean of each channel plane. */
public final class GlobalAvgPool implements Layer {
    private final String name;
    private final int c, plane;
    private int[] lastShape;

    public GlobalAvgPool(String name, int[] inputShape) {
        if (inputShape.length != 3) {
            throw new IllegalArgumentException(name + ": needs an input of shape (C, H, W), got " + Arrays.toString(inputShape));
        }
        this.name = name;
        this.c = inputShape[0];
        this.plane = inputShape[1] * inputShape[2];
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int[] outputShape(int[] inputShape) {
        if (Shapes.size(inputShape) != (long) c * plane) {
            throw new IllegalArgumentException(name + ": expects " + c * plane + " values per sample, got " + Arrays.toString(inputShape));
        }
        return new int[] {c};
    }

    @Override
    public Tensor forward(Tensor x, Context ctx) {
        int n = Shapes.batch(name, x, new int[] {c, plane});
        lastShape = x.shape();
        float[] in = x.data();
        float[] y = new float[n * c];
        for (int i = 0; i < n * c; i++) {
            double s = 0;
            for (int p = 0; p < plane; p++) s += in[i * plane + p];
            y[i] = (float) (s / plane);
        }
        return Tensor.of(y, n, c);
    }

    @Override
    public Tensor backward(Tensor gradOutput, Context ctx, boolean needInputGrad) {
        if (!needInputGrad) return null;
        float[] g = gradOutput.data();
        float[] dx = new float[lastShape[0] * c * plane];
        for (int i = 0; i < lastShape[0] * c; i++) Arrays.fill(dx, i * plane, (i + 1) * plane, g[i] / plane);
        return Tensor.of(dx, lastShape);
    }
}
