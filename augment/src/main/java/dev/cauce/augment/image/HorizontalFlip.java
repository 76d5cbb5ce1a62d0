package dev.cauce.augment.image;

import dev.cauce.augment.Probabilities;
import dev.cauce.core.Rng;
import dev.cauce.core.TransformSpec;
import dev.cauce.preprocess.image.Affine;
import dev.cauce.preprocess.image.AnnotatedImage;

import java.util.Map;

/**
 * Mirror left-right with probability {@code p}; map {@link Affine#horizontalFlip}(W). Alone it uses
 * the exact {@link dev.cauce.preprocess.image.ImageOps#horizontalFlip} (a byte shuffle, equal to OpenCV's {@code flip});
 * inside {@link RandomAffine} its matrix joins the single warp.
 */
public record HorizontalFlip(double p) implements GeometricAugment {
    public HorizontalFlip {
        Probabilities.check("p", p);
    }

    @Override
    public Affine sample(int width, int height, Rng rng) {
        return rng.bernoulli(p) ? Affine.horizontalFlip(width) : Affine.IDENTITY;
    }

    @Override
    public WarpOptions warp() {
        return WarpOptions.DEFAULT;
    }

    @Override
    public AnnotatedImage apply(AnnotatedImage input, Rng rng) {
        return Flips.apply(this, input, rng, Flips.horizontal(), "horizontal_flip");
    }

    @Override
    public TransformSpec spec() {
        return TransformSpec.of("horizontal_flip", Map.of("p", p));
    }
}
