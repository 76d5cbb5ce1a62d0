package dev.cauce.train.activation;

/**
 * Exponential linear unit (Clevert et al., 2016): x for x &gt; 0, α·(e^x − 1) otherwise (computed
 * with expm1, exact near 0); derivative 1 for x &gt; 0, α·e^x otherwise (α at x = 0, as PyTorch).
 * Negative outputs push mean activations towards zero.
 */
public record Elu(double alpha) implements Activation {
    public Elu {
        if (!(alpha > 0) || Double.isInfinite(alpha)) throw new IllegalArgumentException("alpha must be > 0 and finite, got " + alpha);
    }

    @Override
    public double value(double x) {
        return x > 0 ? x : alpha * Math.expm1(x);
    }

    @Override
    public double derivative(double x) {
        return x > 0 ? 1 : alpha * Math.exp(x);
    }

    @Override
    public String spec() {
        return "elu(" + alpha + ")";
    }
}
