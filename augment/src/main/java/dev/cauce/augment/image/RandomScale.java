package dev.cauce.augment.image;

import dev.cauce.augment.Probabilities;
import dev.cauce.core.Rng;
import dev.cauce.core.TransformSpec;
import dev.cauce.preprocess.image.Affine;

import java.util.HashMap;

/** Isotropic scaling about the image centre by a factor uniform in {@code [min, max]}, with probability {@code p}. */
public record RandomScale(double min, double max, double p, WarpOptions warp) implements GeometricAugment {
    public RandomScale {
        Probabilities.checkRange("scale", min, max);
        if (min <= 0) throw new IllegalArgumentException("scale factors must be > 0, got min " + min);
        Probabilities.check("p", p);
    }

    @Override
    public Affine sample(int width, int height, Rng rng) {
        if (!rng.bernoulli(p)) return Affine.IDENTITY;
        double s = rng.uniform(min, max);
        return Affine.scaling(s, s).about(width / 2.0, height / 2.0);
    }

    @Override
    public TransformSpec spec() {
        var m = new HashMap<String, Object>(warp.params());
        m.put("min", min);
        m.put("max", max);
        m.put("p", p);
        return TransformSpec.of("random_scale", m);
    }
}
