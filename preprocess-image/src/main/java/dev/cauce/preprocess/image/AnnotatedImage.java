package dev.cauce.preprocess.image;

import java.util.ArrayList;
import java.util.List;

/**
 * An image with the targets that must stay in step with it (boxes, keypoints, masks).
 * Augmentations take and return this, so one call moves pixels and every target with the same
 * sampled parameters.
 */
public record AnnotatedImage(Image image, List<Target> targets) {
    public AnnotatedImage {
        targets = List.copyOf(targets);
        for (Target t : targets) {
            if (t instanceof Mask m && (m.labels().width() != image.width() || m.labels().height() != image.height())) {
                throw new IllegalArgumentException("mask " + m.labels() + " does not match image " + image);
            }
        }
    }

    /** An image with no targets. */
    public static AnnotatedImage of(Image image) {
        return new AnnotatedImage(image, List.of());
    }

    /** Same targets, new pixels (for transforms that do not move geometry). */
    public AnnotatedImage withImage(Image newImage) {
        return new AnnotatedImage(newImage, targets);
    }

    /**
     * Pixels warped by {@code m} into {@code width x height} and every target moved by the same map.
     * Unknown target kinds are refused.
     *
     * @throws IllegalArgumentException for a target kind this map cannot move
     */
    public AnnotatedImage warp(Affine m, int width, int height, Interpolation interpolation, BorderMode border, double fill) {
        Image warped = ImageOps.warpAffine(image, m, width, height, interpolation, border, fill);
        return new AnnotatedImage(warped, mapTargets(m, width, height, "warp"));
    }

    /** Every target moved by {@code m} into a {@code width x height} frame; used by ops whose pixels are computed otherwise. */
    public List<Target> mapTargets(Affine m, int width, int height, String opName) {
        List<Target> out = new ArrayList<>(targets.size());
        for (Target t : targets) {
            out.add(switch (t) {
                case Boxes b -> b.map(m, width, height);
                case Keypoints k -> k.map(m);
                case Mask mask -> mask.map(m, width, height);
                default -> throw new IllegalArgumentException(opName + " cannot move a '" + t.kind()
                        + "' target (supported: boxes, keypoints, mask); refusing rather than leaving it out of step");
            });
        }
        return out;
    }

    /** The first target of a type, or null. */
    public <T extends Target> T target(Class<T> type) {
        for (Target t : targets) if (type.isInstance(t)) return type.cast(t);
        return null;
    }
}
