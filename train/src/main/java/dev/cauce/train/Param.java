package dev.cauce.train;

import java.util.Arrays;

/**
 * A trainable tensor: its values and the gradient of the loss with respect to them, both flat
 * row-major float arrays of the same length. Layers own their params and write {@link #grad} in
 * backward; optimizers read the gradient and update {@link #value} in place.
 */
public final class Param {
    private final String name;
    private final int[] shape;
    /** Current values (updated in place by optimizers). */
    public final float[] value;
    /** Gradient of the loss, written by backward, zeroed by {@link #zeroGrad()}. */
    public final float[] grad;
    private final boolean decayed;
    /** The largest array HotSpot allocates ({@code Integer.MAX_VALUE - 8}, as in {@code ArraysSupport.SOFT_MAX_ARRAY_LENGTH}). */
    static final long MAX_VALUES = Integer.MAX_VALUE - 8;

    /**
     * @param name    for messages, checkpoints and plots, e.g. {@code "dense1.weight"}
     * @param decayed whether weight decay and L1/L2 penalties apply (weights yes; biases and
     *                normalization scales usually no)
     */
    public Param(String name, boolean decayed, int... shape) {
        long n = 1;
        for (int d : shape) {
            if (d <= 0) throw new IllegalArgumentException(name + ": dimensions must be positive, got " + Arrays.toString(shape));
            n = n > Long.MAX_VALUE / d ? Long.MAX_VALUE : n * d;
        }
        if (n > MAX_VALUES) {
            throw new IllegalArgumentException(name + ": shape " + Arrays.toString(shape) + " is "
                    + (n == Long.MAX_VALUE ? "more than 2^63" : String.format(java.util.Locale.ROOT, "%,d", n))
                    + " values, more than one Java array holds (" + String.format(java.util.Locale.ROOT, "%,d", MAX_VALUES) + ")");
        }
        this.name = name;
        this.shape = shape.clone();
        this.value = new float[Math.toIntExact(n)];
        this.grad = new float[value.length];
        this.decayed = decayed;
    }

    public String name() {
        return name;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int size() {
        return value.length;
    }

    public boolean decayed() {
        return decayed;
    }

    public void zeroGrad() {
        Arrays.fill(grad, 0f);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
