package dev.cauce.augment.image;

import dev.cauce.augment.Probabilities;
import dev.cauce.core.Rng;
import dev.cauce.core.TransformSpec;
import dev.cauce.preprocess.image.Affine;
import dev.cauce.preprocess.image.AnnotatedImage;

import java.util.Map;

/** Mirror top-bottom with probability {@code p}; map {@link Affine#verticalFlip}(H); exact. */
public record VerticalFlip(double p) implements GeometricAugment {
    public VerticalFlip {
        Probabilities.check("p", p);
    }

    @Override
    public Affine sample(int width, int height, Rng rng) {
        return rng.bernoulli(p) ? Affine.verticalFlip(height) : Affine.IDENTITY;
    }

    @Override
    public WarpOptions warp() {
        return WarpOptions.DEFAULT;
    }

    @Override
    public AnnotatedImage apply(AnnotatedImage input, Rng rng) {
        return Flips.apply(this, input, rng, Flips.vertical(), "vertical_flip");
    }

    @Override
    public TransformSpec spec() {
        return TransformSpec.of("vertical_flip", Map.of("p", p));
    }
}
