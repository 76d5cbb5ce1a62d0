package dev.cauce.augment.image;

import dev.cauce.augment.Probabilities;
import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;
import dev.cauce.preprocess.image.Affine;

import java.util.ArrayList;
import java.util.List;

/**
 * Several geometric augmentations sampled in order and COMPOSED into one 3x3 matrix, applied with a
 * single warp (one resampling, so no blur accumulates and it costs one warp, as albumentations
 * does). Part i samples from {@code rng.child(1 + i)}; the whole is applied with probability
 * {@code p} (coin from {@code rng.child(0)}). Each part's own warp options are ignored: this one's apply.
 */
public record RandomAffine(List<GeometricAugment> parts, double p, WarpOptions warp) implements GeometricAugment {
    public RandomAffine {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) throw new IllegalArgumentException("RandomAffine needs at least one part");
        Probabilities.check("p", p);
    }

    /**
     * torchvision-style random affine: shear (degrees, x and y), scale in [scaleMin, scaleMax] about
     * the centre, rotation in [-degrees, degrees], translation up to {@code translate} of the size.
     */
    public static RandomAffine of(double degrees, double translate, double scaleMin, double scaleMax, double shearDegrees,
                                  WarpOptions warp) {
        List<GeometricAugment> parts = new ArrayList<>();
        if (shearDegrees > 0) parts.add(new RandomShear(shearDegrees, shearDegrees, 1, warp));
        if (scaleMin != 1 || scaleMax != 1) parts.add(new RandomScale(scaleMin, scaleMax, 1, warp));
        if (degrees != 0) parts.add(new RandomRotation(-Math.abs(degrees), Math.abs(degrees), 1, warp));
        if (translate > 0) parts.add(new RandomTranslate(translate, translate, 1, warp));
        if (parts.isEmpty()) throw new IllegalArgumentException("RandomAffine.of: every range is empty, nothing to sample");
        return new RandomAffine(parts, 1, warp);
    }

    @Override
    public Affine sample(int width, int height, Rng rng) {
        if (!rng.child(0).bernoulli(p)) return Affine.IDENTITY;
        Affine m = Affine.IDENTITY;
        for (int i = 0; i < parts.size(); i++) m = m.then(parts.get(i).sample(width, height, rng.child(1 + i)));
        return m;
    }

    @Override
    public TransformSpec spec() {
        var params = new java.util.HashMap<String, Object>(warp.params());
        params.put("p", p);
        return new TransformSpec("random_affine", params, parts.stream().map(Transform::spec).toList());
    }
}
