package dev.cauce.augment.image;

import dev.cauce.core.Rng;
import dev.cauce.preprocess.image.Affine;
import dev.cauce.preprocess.image.AnnotatedImage;
import dev.cauce.preprocess.image.Image;
import dev.cauce.preprocess.image.ImageOps;

import java.util.function.UnaryOperator;

/** What the two flips share: sample the map, then flip the pixels exactly with OpenCV and move the targets by the map. */
final class Flips {

    private Flips() {
    }

    static AnnotatedImage apply(GeometricAugment flip, AnnotatedImage input, Rng rng, UnaryOperator<Image> pixels, String name) {
        int w = input.image().width(), h = input.image().height();
        Affine m = flip.sample(w, h, rng);
        if (m.isIdentity()) return input;
        return new AnnotatedImage(pixels.apply(input.image()), input.mapTargets(m, w, h, name));
    }

    static UnaryOperator<Image> horizontal() {
        return ImageOps::horizontalFlip;
    }

    static UnaryOperator<Image> vertical() {
        return ImageOps::verticalFlip;
    }
}
