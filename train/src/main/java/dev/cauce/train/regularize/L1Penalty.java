package dev.cauce.train.regularize;

import dev.cauce.train.Param;

import java.util.List;

/**
 * L1 penalty (lasso): Ω(θ) = λ · ‖θ‖₁ = λ · Σ|θᵢ|, (sub)gradient λ·sign(θ) with sign(0) = 0. It
 * pushes every weight towards zero by the same amount per step whatever its size, so small weights
 * reach (and oscillate around) zero: sparse solutions. Written λ‖θ‖₁ (no ½) because there is no
 * square to cancel; PyTorch has no built-in L1 term, so this follows the textbook (Goodfellow et
 * al., §7.1.2).
 */
public record L1Penalty(double lambda) implements Penalty {
    public L1Penalty {
        RegularizeChecks.nonNegative("lambda", lambda);
    }

    @Override
    public double value(List<Param> params) {
        double sum = 0;
        for (Param p : params) {
            if (!p.decayed()) continue;
            for (float w : p.value) sum += Math.abs(w);
        }
        return lambda * sum;
    }

    @Override
    public double apply(List<Param> params) {
        float l = (float) lambda;
        for (Param p : params) {
            if (!p.decayed()) continue;
            float[] w = p.value;
            float[] g = p.grad;
            for (int i = 0; i < w.length; i++) g[i] += l * Math.signum(w[i]);
        }
        return value(params);
    }
}
