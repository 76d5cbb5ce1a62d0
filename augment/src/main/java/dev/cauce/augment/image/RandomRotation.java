package dev.cauce.augment.image;

import dev.cauce.augment.Probabilities;
import dev.cauce.core.Rng;
import dev.cauce.core.TransformSpec;
import dev.cauce.preprocess.image.Affine;
import dev.cauce.preprocess.image.ImageOps;

import java.util.HashMap;

/**
 * Rotation about the image centre by an angle drawn uniformly from {@code [minDegrees, maxDegrees]}
 * (positive = counter-clockwise on screen), with probability {@code p}. Map:
 * {@link ImageOps#rotationAboutCentre}.
 */
public record RandomRotation(double minDegrees, double maxDegrees, double p, WarpOptions warp) implements GeometricAugment {
    public RandomRotation {
        Probabilities.checkRange("degrees", minDegrees, maxDegrees);
        Probabilities.check("p", p);
    }

    /** Uniform in [-degrees, degrees], always applied, default warp. */
    public static RandomRotation of(double degrees) {
        return new RandomRotation(-Math.abs(degrees), Math.abs(degrees), 1.0, WarpOptions.DEFAULT);
    }

    @Override
    public Affine sample(int width, int height, Rng rng) {
        if (!rng.bernoulli(p)) return Affine.IDENTITY;
        return ImageOps.rotationAboutCentre(width, height, rng.uniform(minDegrees, maxDegrees));
    }

    @Override
    public TransformSpec spec() {
        var m = new HashMap<String, Object>(warp.params());
        m.put("min_degrees", minDegrees);
        m.put("max_degrees", maxDegrees);
        m.put("p", p);
        return TransformSpec.of("random_rotation", m);
    }
}
