package dev.cauce.train.activation;

/**
 * Softplus, log(1 + eˣ), a smooth ReLU; derivative σ(x). Evaluated stably as
 * max(x, 0) + log1p(e^(−|x|)), which neither overflows for large x nor loses the tiny value for
 * very negative x. Like PyTorch (beta 1, threshold 20) it returns x itself for x &gt; 20, where
 * log1p(e^(−x)) &lt; 2.1e-9 is below float precision of x.
 */
public record Softplus() implements Activation {
    private static final double THRESHOLD = 20;

    @Override
    public double value(double x) {
        if (x > THRESHOLD) return x;
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    @Override
    public double derivative(double x) {
        if (x > THRESHOLD) return 1;
        return Sigmoid.of(x);
    }

    @Override
    public String spec() {
        return "softplus";
    }
}
