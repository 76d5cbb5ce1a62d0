package dev.cauce.augment.image;

import dev.cauce.augment.Probabilities;
import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;
import dev.cauce.preprocess.image.Affine;
import dev.cauce.preprocess.image.AnnotatedImage;
import dev.cauce.preprocess.image.Image;
import dev.cauce.preprocess.image.ImageOps;
import dev.cauce.preprocess.image.Interpolation;

import java.util.Map;

/**
 * torchvision's RandomResizedCrop: a crop of area fraction in {@code [scaleMin, scaleMax]} and
 * aspect ratio (log-uniform) in {@code [ratioMin, ratioMax]} (10 tries, then the largest centred
 * crop of allowed ratio), resized to {@code width x height}. With probability {@code 1 - p} the
 * whole image is resized instead (the output size never depends on the coin). Targets move by
 * {@link ImageOps#resizedCropAffine}.
 */
public record RandomResizedCrop(int width, int height, double scaleMin, double scaleMax, double ratioMin, double ratioMax,
                                Interpolation interpolation, double p) implements Transform<AnnotatedImage, AnnotatedImage> {
    public RandomResizedCrop {
        if (width < 1 || height < 1) throw new IllegalArgumentException("output size must be >= 1, got " + width + "x" + height);
        Probabilities.checkRange("scale", scaleMin, scaleMax);
        if (scaleMin <= 0 || scaleMax > 1) throw new IllegalArgumentException("scale must lie in (0, 1], got [" + scaleMin + ", " + scaleMax + "]");
        Probabilities.checkRange("ratio", ratioMin, ratioMax);
        if (ratioMin <= 0) throw new IllegalArgumentException("ratio must be > 0, got " + ratioMin);
        Probabilities.check("p", p);
    }

    /** torchvision's defaults: scale (0.08, 1), ratio (3/4, 4/3), bilinear. */
    public static RandomResizedCrop of(int width, int height) {
        return new RandomResizedCrop(width, height, 0.08, 1.0, 3.0 / 4, 4.0 / 3, Interpolation.BILINEAR, 1.0);
    }

    /** The crop rectangle {x, y, w, h} for a {@code W x H} image. */
    public int[] sampleCrop(int imgWidth, int imgHeight, Rng rng) {
        if (!rng.bernoulli(p)) return new int[] {0, 0, imgWidth, imgHeight};
        double area = (double) imgWidth * imgHeight;
        double logLo = Math.log(ratioMin), logHi = Math.log(ratioMax);
        for (int attempt = 0; attempt < 10; attempt++) {
            double target = area * rng.uniform(scaleMin, scaleMax);
            double ratio = Math.exp(rng.uniform(logLo, logHi));
            int w = (int) Math.round(Math.sqrt(target * ratio));
            int h = (int) Math.round(Math.sqrt(target / ratio));
            if (w > 0 && h > 0 && w <= imgWidth && h <= imgHeight) {
                return new int[] {rng.nextInt(0, imgWidth - w), rng.nextInt(0, imgHeight - h), w, h};
            }
        }
        double inRatio = (double) imgWidth / imgHeight;
        int w = imgWidth, h = imgHeight;
        if (inRatio < ratioMin) h = Math.max(1, (int) Math.round(w / ratioMin));
        else if (inRatio > ratioMax) w = Math.max(1, (int) Math.round(h * ratioMax));
        return new int[] {(imgWidth - w) / 2, (imgHeight - h) / 2, w, h};
    }

    @Override
    public AnnotatedImage apply(AnnotatedImage input, Rng rng) {
        Image img = input.image();
        int[] c = sampleCrop(img.width(), img.height(), rng);
        Image out = ImageOps.resizedCrop(img, c[0], c[1], c[2], c[3], width, height, interpolation);
        Affine m = ImageOps.resizedCropAffine(c[0], c[1], c[2], c[3], width, height);
        return new AnnotatedImage(out, input.mapTargets(m, width, height, "random_resized_crop"));
    }

    @Override
    public TransformSpec spec() {
        return TransformSpec.of("random_resized_crop", Map.of("width", width, "height", height, "scale_min", scaleMin,
                "scale_max", scaleMax, "ratio_min", ratioMin, "ratio_max", ratioMax, "interpolation", interpolation.name(), "p", p));
    }
}
