package dev.cauce.augment.image;

import dev.cauce.augment.Probabilities;
import dev.cauce.core.Rng;
import dev.cauce.core.TransformSpec;
import dev.cauce.preprocess.image.Affine;

import java.util.HashMap;

/**
 * Translation by {@code (tx, ty)} drawn uniformly from {@code [-maxX * W, maxX * W] x [-maxY * H, maxY * H]}
 * (fractions of the image size, like torchvision's {@code translate}), with probability {@code p}.
 */
public record RandomTranslate(double maxX, double maxY, double p, WarpOptions warp) implements GeometricAugment {
    public RandomTranslate {
        Probabilities.check("maxX", maxX);
        Probabilities.check("maxY", maxY);
        Probabilities.check("p", p);
    }

    @Override
    public Affine sample(int width, int height, Rng rng) {
        if (!rng.bernoulli(p)) return Affine.IDENTITY;
        double tx = rng.uniform(-maxX * width, maxX * width);
        double ty = rng.uniform(-maxY * height, maxY * height);
        return Affine.translation(tx, ty);
    }

    @Override
    public TransformSpec spec() {
        var m = new HashMap<String, Object>(warp.params());
        m.put("max_x", maxX);
        m.put("max_y", maxY);
        m.put("p", p);
        return TransformSpec.of("random_translate", m);
    }
}
