package dev.cauce.train.regularize;

import dev.cauce.core.Rng;
import dev.cauce.train.Param;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gaussian noise injection on weights (Graves, 2011; Goodfellow et al. §7.5): the forward and
 * backward pass of a batch see perturbed weights θ + ε, ε ~ N(0, σ²) per element, while the update
 * is applied to the clean weights. For small σ this approximately adds σ²·Σ(∂f/∂θ)²-type curvature
 * penalties, favouring flat minima. Only decayed params are perturbed (weights, not biases or
 * normalization scales).
 *
 * <p>Use per batch: {@link #perturb} before forward, {@link #restore} after backward and before the
 * optimizer step. The clean copies live in buffers allocated once per param. The noise comes from
 * the given {@link Rng} (one per batch, e.g. {@code Rng.of(seed, epoch, batch, op)}), drawn per param
 * from {@code rng.child(i)} for the param's position i, so it is reproducible.
 */
public final class WeightNoise {
    private final double sigma;
    private final Map<Param, float[]> clean = new IdentityHashMap<>();
    private boolean perturbed;

    /** @param sigma standard deviation σ ≥ 0 of the added noise */
    public WeightNoise(double sigma) {
        this.sigma = RegularizeChecks.nonNegative("sigma", sigma);
    }

    /** Saves the clean weights and adds N(0, σ²) noise to every decayed param. */
    public void perturb(List<Param> params, Rng rng) {
        if (perturbed) throw new IllegalStateException("weights are already perturbed: call restore() first");
        for (int k = 0; k < params.size(); k++) {
            Param p = params.get(k);
            if (!p.decayed()) continue;
            float[] copy = clean.computeIfAbsent(p, q -> new float[q.size()]);
            System.arraycopy(p.value, 0, copy, 0, copy.length);
            addGaussian(p.value, sigma, rng.child(k));
        }
        perturbed = true;
    }

    /** Puts back the clean weights saved by {@link #perturb} (the gradients stay as computed). */
    public void restore(List<Param> params) {
        if (!perturbed) throw new IllegalStateException("restore() without a preceding perturb()");
        for (Param p : params) {
            if (!p.decayed()) continue;
            float[] copy = clean.get(p);
            if (copy == null) throw new IllegalArgumentException(p.name() + ": was not perturbed (different param list?)");
            System.arraycopy(copy, 0, p.value, 0, copy.length);
        }
        perturbed = false;
    }

    /**
     * Adds N(0, σ²) to every element of {@code data} (a pure functional op over the given Rng; also
     * usable for noise on inputs).
     */
    public static void addGaussian(float[] data, double sigma, Rng rng) {
        if (sigma == 0) return;
        for (int i = 0; i < data.length; i++) data[i] += (float) (sigma * rng.nextGaussian());
    }
}
