package dev.cauce.train.activation;

import org.apache.commons.math3.special.Erf;

/**
 * Gaussian error linear unit (Hendrycks and Gimpel, 2016), f(x) = x·Φ(x) with Φ the standard normal
 * CDF.
 * <ul>
 *   <li>exact ({@code tanhApproximation = false}, PyTorch's {@code approximate='none'}):
 *       Φ(x) = ½·erfc(−x/√2) = ½·(1 + erf(x/√2)); f'(x) = Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
 *       erfc from commons-math3 (the erfc form keeps precision for very negative x).</li>
 *   <li>tanh approximation ({@code approximate='tanh'}): f(x) = ½x·(1 + tanh u),
 *       u = √(2/π)·(x + 0.044715x³); f'(x) = ½(1 + tanh u) + ½x·(1 − tanh²u)·√(2/π)·(1 + 3·0.044715x²).</li>
 * </ul>
 */
public record Gelu(boolean tanhApproximation) implements Activation {
    private static final double SQRT_2 = Math.sqrt(2);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
    private static final double C = 0.044715;

    @Override
    public double value(double x) {
        if (tanhApproximation) return 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + C * x * x * x)));
        return x * 0.5 * Erf.erfc(-x / SQRT_2);
    }

    @Override
    public double derivative(double x) {
        if (tanhApproximation) {
            double t = Math.tanh(SQRT_2_OVER_PI * (x + C * x * x * x));
            return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * C * x * x);
        }
        return 0.5 * Erf.erfc(-x / SQRT_2) + x * INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    }

    @Override
    public String spec() {
        return tanhApproximation ? "gelu_tanh" : "gelu";
    }
}
