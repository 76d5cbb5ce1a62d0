package dev.cauce.augment.image;

import dev.cauce.augment.Probabilities;
import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;
import dev.cauce.preprocess.image.AnnotatedImage;
import dev.cauce.preprocess.image.Image;
import dev.cauce.preprocess.image.ImageOps;

import java.util.Map;

/**
 * Random erasing (Zhong et al. 2017, torchvision's parameters): with probability {@code p} a
 * rectangle of area fraction in {@code [scaleMin, scaleMax]} and aspect ratio (log-uniform) in
 * {@code [ratioMin, ratioMax]} is set to {@code fill}. Pixels only: geometry is unchanged, so boxes,
 * keypoints and masks stay as they are (an object may be partly hidden; that is the point).
 */
public record RandomErasing(double p, double scaleMin, double scaleMax, double ratioMin, double ratioMax, double fill)
        implements Transform<AnnotatedImage, AnnotatedImage> {
    public RandomErasing {
        Probabilities.check("p", p);
        Probabilities.checkRange("scale", scaleMin, scaleMax);
        if (scaleMin <= 0 || scaleMax > 1) throw new IllegalArgumentException("scale must lie in (0, 1], got [" + scaleMin + ", " + scaleMax + "]");
        Probabilities.checkRange("ratio", ratioMin, ratioMax);
        if (ratioMin <= 0) throw new IllegalArgumentException("ratio must be > 0, got " + ratioMin);
    }

    /** torchvision's defaults: scale (0.02, 0.33), ratio (0.3, 3.3), fill 0. */
    public static RandomErasing of(double p) {
        return new RandomErasing(p, 0.02, 0.33, 0.3, 3.3, 0);
    }

    @Override
    public AnnotatedImage apply(AnnotatedImage input, Rng rng) {
        if (!rng.bernoulli(p)) return input;
        Image img = input.image();
        double area = (double) img.width() * img.height();
        for (int attempt = 0; attempt < 10; attempt++) {
            double target = area * rng.uniform(scaleMin, scaleMax);
            double ratio = Math.exp(rng.uniform(Math.log(ratioMin), Math.log(ratioMax)));
            int h = (int) Math.round(Math.sqrt(target * ratio));
            int w = (int) Math.round(Math.sqrt(target / ratio));
            if (h < img.height() && w < img.width() && h > 0 && w > 0) {
                int y = rng.nextInt(0, img.height() - h);
                int x = rng.nextInt(0, img.width() - w);
                return input.withImage(ImageOps.erase(img, x, y, w, h, fill));
            }
        }
        return input;
    }

    @Override
    public TransformSpec spec() {
        return TransformSpec.of("random_erasing", Map.of("p", p, "scale_min", scaleMin, "scale_max", scaleMax,
                "ratio_min", ratioMin, "ratio_max", ratioMax, "fill", fill));
    }
}
