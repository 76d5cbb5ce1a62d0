package dev.cauce.augment.image;

import dev.cauce.augment.Probabilities;
import dev.cauce.core.Rng;
import dev.cauce.core.TransformSpec;
import dev.cauce.preprocess.image.Affine;

import java.util.HashMap;

/**
 * Shear about the image centre: angles drawn uniformly from {@code [-maxXDegrees, maxXDegrees]} and
 * {@code [-maxYDegrees, maxYDegrees]}, matrix {@link Affine#shear}(tan ax, tan ay), with probability {@code p}.
 */
public record RandomShear(double maxXDegrees, double maxYDegrees, double p, WarpOptions warp) implements GeometricAugment {
    public RandomShear {
        if (!(maxXDegrees >= 0 && maxXDegrees < 90) || !(maxYDegrees >= 0 && maxYDegrees < 90)) {
            throw new IllegalArgumentException("shear angles must be in [0, 90) degrees, got " + maxXDegrees + ", " + maxYDegrees);
        }
        Probabilities.check("p", p);
    }

    @Override
    public Affine sample(int width, int height, Rng rng) {
        if (!rng.bernoulli(p)) return Affine.IDENTITY;
        double ax = rng.uniform(-maxXDegrees, maxXDegrees);
        double ay = rng.uniform(-maxYDegrees, maxYDegrees);
        return Affine.shear(Math.tan(Math.toRadians(ax)), Math.tan(Math.toRadians(ay))).about(width / 2.0, height / 2.0);
    }

    @Override
    public TransformSpec spec() {
        var m = new HashMap<String, Object>(warp.params());
        m.put("max_x_degrees", maxXDegrees);
        m.put("max_y_degrees", maxYDegrees);
        m.put("p", p);
        return TransformSpec.of("random_shear", m);
    }
}
