package dev.cauce.train.regularize;

import dev.cauce.train.Param;

import java.util.List;

/**
 * L2 penalty (ridge, "weight decay" in its coupled form): Ω(θ) = λ/2 · ‖θ‖₂² = λ/2 · Σθᵢ², gradient
 * λ·θ. Adding it to the loss is exactly PyTorch's {@code weight_decay = λ} in SGD, RMSprop and Adam
 * (g ← g + λ·θ). With plain SGD it equals decoupled decay with factor (1 − lr·λ); with adaptive
 * optimizers it does not (see {@link DecoupledWeightDecay}).
 */
public record L2Penalty(double lambda) implements Penalty {
    public L2Penalty {
        RegularizeChecks.nonNegative("lambda", lambda);
    }

    @Override
    public double value(List<Param> params) {
        double sum = 0;
        for (Param p : params) {
            if (!p.decayed()) continue;
            for (float w : p.value) sum += (double) w * w;
        }
        return 0.5 * lambda * sum;
    }

    @Override
    public double apply(List<Param> params) {
        float l = (float) lambda;
        for (Param p : params) {
            if (!p.decayed()) continue;
            float[] w = p.value;
            float[] g = p.grad;
            for (int i = 0; i < w.length; i++) g[i] += l * w[i];
        }
        return value(params);
    }
}
