package dev.cauce.train.activation;

/** Hyperbolic tangent, tanh(x) = 2σ(2x) − 1, derivative 1 − tanh²(x) ≤ 1. Saturating, zero-centred. */
public record Tanh() implements Activation {
    @Override
    public double value(double x) {
        return Math.tanh(x);
    }

    @Override
    public double derivative(double x) {
        double t = Math.tanh(x);
        return 1 - t * t;
    }

    @Override
    public String spec() {
        return "tanh";
    }
}
