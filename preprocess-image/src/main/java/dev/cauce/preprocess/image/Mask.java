package dev.cauce.preprocess.image;

/**
 * A per-pixel label map (segmentation) the same size as its image: one channel, 8-bit class ids
 * (or 16-bit for many classes). Geometric maps move it with NEAREST interpolation so no invented
 * in-between class appears; pixels uncovered by a warp get {@code 0} (background).
 */
public record Mask(Image labels) implements Target {
    public Mask {
        if (labels.channels() != 1 || labels.depth() == Image.Depth.F32) {
            throw new IllegalArgumentException("a mask is one 8- or 16-bit channel of class ids, got " + labels);
        }
    }

    @Override
    public String kind() {
        return "mask";
    }

    /** The mask warped by {@code m} into {@code width x height} (nearest, constant 0 border). */
    public Mask map(Affine m, int width, int height) {
        return new Mask(ImageOps.warpAffine(labels, m, width, height, Interpolation.NEAREST, BorderMode.CONSTANT, 0));
    }
}
