package dev.cauce.train.activation;

/**
 * Logistic sigmoid σ(x) = 1/(1 + e^(−x)), σ'(x) = σ(x)·(1 − σ(x)) ≤ 1/4. Saturating: σ' &lt; 1e-4 for
 * |x| &gt; 9.2, and each sigmoid layer multiplies the backward signal by at most 1/4. Evaluated as
 * e^x/(1 + e^x) for x &lt; 0 so that e^(−x) never overflows.
 */
public record Sigmoid() implements Activation {
    @Override
    public double value(double x) {
        return of(x);
    }

    /** σ(x), the stable form (shared with {@link Softplus}'s derivative). */
    static double of(double x) {
        if (x >= 0) return 1 / (1 + Math.exp(-x));
        double e = Math.exp(x);
        return e / (1 + e);
    }

    @Override
    public double derivative(double x) {
        double s = of(x);
        return s * (1 - s);
    }

    @Override
    public String spec() {
        return "sigmoid";
    }
}
