package dev.cauce.augment.image;

import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.preprocess.image.Affine;
import dev.cauce.preprocess.image.AnnotatedImage;

/**
 * A random geometric augmentation that keeps the image size: it only SAMPLES a 3x3 map (continuous
 * pixel coordinates, centre of the top-left pixel at (0.5, 0.5)) and the pixels and every target
 * (boxes, keypoints, mask) are moved by that one map with a single warp. Several of these are
 * composed into one matrix and one warp by {@link RandomAffine}.
 */
public interface GeometricAugment extends Transform<AnnotatedImage, AnnotatedImage> {

    /** The map for a {@code width x height} image; the identity when the transform's coin says no. */
    Affine sample(int width, int height, Rng rng);

    /** How pixels are resampled. */
    WarpOptions warp();

    @Override
    default AnnotatedImage apply(AnnotatedImage input, Rng rng) {
        int w = input.image().width(), h = input.image().height();
        Affine m = sample(w, h, rng);
        if (m.isIdentity()) return input;
        WarpOptions o = warp();
        return input.warp(m, w, h, o.interpolation(), o.border(), o.fill());
    }
}
