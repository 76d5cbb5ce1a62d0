package dev.cauce.augment.image;

import dev.cauce.augment.Probabilities;
import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;
import dev.cauce.preprocess.image.AnnotatedImage;
import dev.cauce.preprocess.image.ImageOps;

import java.util.Map;

/**
 * Additive Gaussian noise with standard deviation uniform in {@code [sigmaMin, sigmaMax]} (in the
 * image's units: levels for 8-bit), with probability {@code p}. Pixels only; targets unchanged.
 * Samples sigma and a noise seed, then calls {@link ImageOps#gaussianNoise}.
 */
public record GaussianNoise(double sigmaMin, double sigmaMax, double p) implements Transform<AnnotatedImage, AnnotatedImage> {
    public GaussianNoise {
        Probabilities.checkRange("sigma", sigmaMin, sigmaMax);
        if (sigmaMin < 0) throw new IllegalArgumentException("sigma must be >= 0, got " + sigmaMin);
        Probabilities.check("p", p);
    }

    @Override
    public AnnotatedImage apply(AnnotatedImage input, Rng rng) {
        if (!rng.bernoulli(p)) return input;
        double sigma = rng.uniform(sigmaMin, sigmaMax);
        return input.withImage(ImageOps.gaussianNoise(input.image(), sigma, rng.nextLong()));
    }

    @Override
    public TransformSpec spec() {
        return TransformSpec.of("gaussian_noise", Map.of("sigma_min", sigmaMin, "sigma_max", sigmaMax, "p", p));
    }
}
