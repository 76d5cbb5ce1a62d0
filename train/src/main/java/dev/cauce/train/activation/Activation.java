package dev.cauce.train.activation;

import java.util.Locale;

/**
 * An elementwise activation function f with its derivative f'. The scalar forms work in double;
 * the array forms take float32 tensors' backing arrays (in place allowed: {@code in == out}).
 * Derivatives are taken with respect to the input x, with PyTorch's conventions at the kinks
 * (ReLU'(0) = 0, LeakyReLU'(0) = slope, ELU'(0) = α).
 *
 * <p>Saturating: {@link Sigmoid}, {@link Tanh} (f' → 0 for large |x|: gradients vanish in deep
 * stacks). Non-saturating: {@link Relu}, {@link LeakyRelu}, {@link Elu}, {@link Gelu},
 * {@link Softplus}. Softmax is not elementwise: see {@link Softmax}.
 */
public sealed interface Activation permits Sigmoid, Tanh, Relu, LeakyRelu, Elu, Gelu, Softplus {
    /** f(x). */
    double value(double x);

    /** f'(x), the derivative at the input x. */
    double derivative(double x);

    /** The name used in model specs, e.g. {@code relu} or {@code leakyrelu(0.1)}. */
    String spec();

    /** out[i] = f(in[i]) for every i ({@code in} and {@code out} may be the same array). */
    default void forward(float[] in, float[] out) {
        checkLengths(in.length, out.length, "out");
        for (int i = 0; i < in.length; i++) out[i] = (float) value(in[i]);
    }

    /** gradIn[i] = gradOut[i]·f'(in[i]): the chain rule through f, given the forward input. */
    default void backward(float[] in, float[] gradOut, float[] gradIn) {
        checkLengths(in.length, gradOut.length, "gradOut");
        checkLengths(in.length, gradIn.length, "gradIn");
        for (int i = 0; i < in.length; i++) gradIn[i] = (float) (gradOut[i] * derivative(in[i]));
    }

    private static void checkLengths(int expected, int actual, String name) {
        if (expected != actual) throw new IllegalArgumentException(name + " has length " + actual + ", expected " + expected + " (the input's length)");
    }

    /**
     * Parses a spec name: {@code sigmoid, tanh, relu, leakyrelu[(slope)], elu[(alpha)], gelu,
     * gelu_tanh, softplus} (case-insensitive; defaults slope 0.01, alpha 1).
     */
    static Activation of(String spec) {
        String s = spec.strip().toLowerCase(Locale.ROOT);
        String name = s;
        Double arg = null;
        int open = s.indexOf('(');
        if (open >= 0) {
            if (!s.endsWith(")")) throw new IllegalArgumentException("activation '" + spec + "': missing ')'");
            name = s.substring(0, open).strip();
            try {
                arg = Double.parseDouble(s.substring(open + 1, s.length() - 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("activation '" + spec + "': the argument is not a number");
            }
        }
        Activation a = switch (name) {
            case "sigmoid" -> new Sigmoid();
            case "tanh" -> new Tanh();
            case "relu" -> new Relu();
            case "leakyrelu", "leaky_relu" -> new LeakyRelu(arg == null ? 0.01 : arg);
            case "elu" -> new Elu(arg == null ? 1.0 : arg);
            case "gelu" -> new Gelu(false);
            case "gelu_tanh" -> new Gelu(true);
            case "softplus" -> new Softplus();
            default -> throw new IllegalArgumentException("unknown activation '" + spec
                    + "'; known: sigmoid, tanh, relu, leakyrelu(slope), elu(alpha), gelu, gelu_tanh, softplus");
        };
        if (arg != null && !(a instanceof LeakyRelu || a instanceof Elu)) {
            throw new IllegalArgumentException("activation '" + spec + "' takes no argument");
        }
        return a;
    }
}
