package dev.cauce.train.regularize;

import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;

import java.util.Map;

/**
 * Noise injection on the inputs: x̃ = x + ε, ε ~ N(0, σ²) per element, a fresh draw for every
 * sample and epoch (from the pipeline's {@link Rng}). For a linear model with squared loss this is
 * equivalent in expectation to an L2 penalty σ²·‖w‖² (Bishop, 1995). Training-time only; apply it
 * after normalization so σ is in the units the network sees. Returns a new tensor; the input is not
 * modified.
 */
public record GaussianInputNoise(double sigma) implements Transform<Tensor, Tensor> {
    public GaussianInputNoise {
        RegularizeChecks.nonNegative("sigma", sigma);
    }

    @Override
    public Tensor apply(Tensor x, Rng rng) {
        Tensor out = x.copy();
        WeightNoise.addGaussian(out.data(), sigma, rng);
        return out;
    }

    @Override
    public TransformSpec spec() {
        return TransformSpec.of("gaussian_input_noise", Map.of("sigma", sigma));
    }
}
