package dev.cauce.cli;

import dev.cauce.train.Param;
import dev.cauce.train.optim.StatefulOptimizer;
import dev.cauce.train.regularize.GradientClipping;
import dev.cauce.train.regularize.Penalty;
import dev.cauce.train.regularize.WeightNoise;
import java.util.List;
import java.util.Map;

/**
 * Wraps an optimizer with what must happen between backward and the update: put back the clean
 * weights when weight noise perturbed them, add the L1/L2 penalty gradients, clip (by global norm,
 * then by value), then step. Living in the optimizer keeps the trainer's loop unchanged.
 *
 * @param weightNoise null when off; its perturbation happens in {@link WeightNoiseListener}
 * @param clipNorm    0 = off
 * @param clipValue   0 = off
 */
record RegularizedOptimizer(StatefulOptimizer inner, List<Penalty> penalties, WeightNoise weightNoise,
                            double clipNorm, double clipValue) implements StatefulOptimizer {
    RegularizedOptimizer {
        penalties = List.copyOf(penalties);
    }

    @Override
    public void step(List<Param> params, double lr) {
        if (weightNoise != null) weightNoise.restore(params);
        for (Penalty p : penalties) p.apply(params);
        if (clipNorm > 0) GradientClipping.clipByGlobalNorm(params, clipNorm);
        if (clipValue > 0) GradientClipping.clipByValue(params, clipValue);
        inner.step(params, lr);
    }

    @Override
    public Map<String, float[]> state(List<Param> params) {
        return inner.state(params);
    }

    @Override
    public void loadState(List<Param> params, Map<String, float[]> state) {
        inner.loadState(params, state);
    }

    @Override
    public String describe() {
        StringBuilder s = new StringBuilder(inner.describe());
        for (Penalty p : penalties) s.append(" + ").append(p);
        if (weightNoise != null) s.append(" + weight noise");
        if (clipNorm > 0) s.append(" + clip norm ").append(clipNorm);
        if (clipValue > 0) s.append(" + clip value ").append(clipValue);
        return s.toString();
    }
}
