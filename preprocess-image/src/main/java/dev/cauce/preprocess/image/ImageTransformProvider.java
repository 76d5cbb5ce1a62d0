package dev.cauce.preprocess.image;

import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;
import dev.cauce.core.spec.Encoded;
import dev.cauce.core.spec.Params;
import dev.cauce.core.spec.TransformFactory;
import dev.cauce.core.spec.TransformProvider;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The image module's transforms for {@link dev.cauce.core.spec.TransformRegistry}: every step of
 * {@link ImageTransforms}, plus {@code read_image}, the reader a pipeline starts with.
 */
public final class ImageTransformProvider implements TransformProvider {
    /** Largest side a spec may ask for; far above any real image, it catches typos like 2240000. */
    static final int MAX_SIDE = 1 << 16;

    /** Decodes a file's bytes ({@link ImageCodec#decode(byte[], String)}); errors name the file. */
    public record ReadImage() implements Transform<Encoded, Image> {
        @Override public Image apply(Encoded file, Rng rng) {
            return ImageCodec.decode(file.bytes(), file.source());
        }

        @Override public TransformSpec spec() {
            return TransformSpec.of("read_image", Map.of());
        }
    }

    @Override
    public List<TransformFactory> transforms() {
        return List.of(
                TransformFactory.of("read_image", Encoded.class, Image.class, "decode a file's bytes (JPEG, PNG, BMP, WebP, TIFF); keeps its channels (gray 1, RGB 3, RGBA 4)",
                        p -> new ReadImage()),
                TransformFactory.of("decode", Path.class, Image.class, "decode an image file by path", p -> new ImageTransforms.Decode()),
                TransformFactory.of("to_rgb", Image.class, Image.class, "3-channel RGB", p -> new ImageTransforms.ToRgb()),
                TransformFactory.of("to_gray", Image.class, Image.class, "one gray channel", p -> new ImageTransforms.ToGray()),
                TransformFactory.of("resize", Image.class, Image.class, "resize to width x height",
                        p -> new ImageTransforms.Resize(side(p, "width"), side(p, "height"), interpolation(p))),
                TransformFactory.of("resize_shortest_side", Image.class, Image.class, "resize so the shorter side is size",
                        p -> new ImageTransforms.ResizeShortestSide(side(p, "size"), interpolation(p))),
                TransformFactory.of("center_crop", Image.class, Image.class, "centre crop to width x height",
                        p -> new ImageTransforms.CenterCrop(side(p, "width"), side(p, "height"))),
                TransformFactory.of("resize_center_crop", Image.class, Image.class, "cover width x height, then centre crop",
                        p -> new ImageTransforms.ResizeCenterCrop(side(p, "width"), side(p, "height"), interpolation(p))),
                TransformFactory.of("letterbox", Image.class, Image.class, "fit inside width x height, pad with fill",
                        p -> new ImageTransforms.Letterbox(side(p, "width"), side(p, "height"), interpolation(p),
                                p.number("fill", 0, 65535, 0))),
                TransformFactory.of("to_tensor", Image.class, Tensor.class, "HWC image to CHW float tensor with pixel scaling",
                        p -> new ImageTransforms.ToTensor(p.enumValue("scale", Image.PixelScale.class, Image.PixelScale.UNIT))),
                TransformFactory.of("normalize", Image.class, Tensor.class, "pixel scaling then per-channel (v - mean) / std",
                        p -> new ImageTransforms.Normalize(p.numbers("mean", 1), p.numbers("std", 1),
                                p.enumValue("scale", Image.PixelScale.class, Image.PixelScale.UNIT))),
                TransformFactory.of("min_max", Image.class, Tensor.class, "per-channel (v - min) / (max - min)",
                        p -> new ImageTransforms.MinMax(p.numbers("min", 1), p.numbers("max", 1))),
                TransformFactory.of("unit_norm", Tensor.class, Tensor.class, "scale a tensor to unit L2 norm", p -> new ImageTransforms.UnitNorm()));
    }

    static int side(Params p, String key) {
        return p.integer(key, 1, MAX_SIDE);
    }

    static Interpolation interpolation(Params p) {
        return p.enumValue("interpolation", Interpolation.class, Interpolation.BILINEAR);
    }
}
