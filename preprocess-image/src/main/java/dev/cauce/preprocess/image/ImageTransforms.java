package dev.cauce.preprocess.image;

import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The deterministic preprocessing steps as {@link Transform}s (each describes itself with a
 * {@link TransformSpec} so a pipeline can be written down and rebuilt): decode, resize, the two
 * uniform-aspect-ratio fits, centre crop, pixel scaling to a CHW tensor, per-channel
 * standardization, min-max scaling and unit norm.
 */
public final class ImageTransforms {

    private ImageTransforms() {
    }

    /** Decodes an image file ({@link ImageCodec#decode(Path)}). */
    public static Decode decode() {
        return new Decode();
    }

    /** Decodes a file; errors name the file. */
    public record Decode() implements Transform<Path, Image> {
        @Override public Image apply(Path file, Rng rng) {
            return ImageCodec.decode(file);
        }

        @Override public TransformSpec spec() {
            return TransformSpec.of("decode", Map.of());
        }
    }

    /** Converts to 3-channel RGB (gray replicated, alpha dropped), e.g. before a colour model. */
    public record ToRgb() implements Transform<Image, Image> {
        @Override public Image apply(Image img, Rng rng) {
            return img.toRgb();
        }

        @Override public TransformSpec spec() {
            return TransformSpec.of("to_rgb", Map.of());
        }
    }

    /** Converts to one gray channel. */
    public record ToGray() implements Transform<Image, Image> {
        @Override public Image apply(Image img, Rng rng) {
            return img.toGray();
        }

        @Override public TransformSpec spec() {
            return TransformSpec.of("to_gray", Map.of());
        }
    }

    /** Resize to a fixed size ({@link ImageOps#resize}); distorts the aspect ratio if it differs. */
    public record Resize(int width, int height, Interpolation interpolation) implements Transform<Image, Image> {
        public Resize {
            ImageOps.requirePositive("width", width);
            ImageOps.requirePositive("height", height);
        }

        @Override public Image apply(Image img, Rng rng) {
            return ImageOps.resize(img, width, height, interpolation);
        }

        @Override public TransformSpec spec() {
            return TransformSpec.of("resize", Map.of("width", width, "height", height, "interpolation", interpolation.name()));
        }
    }

    /** Resize so the shorter side is {@code size} ({@link ImageOps#resizeShortestSide}). */
    public record ResizeShortestSide(int size, Interpolation interpolation) implements Transform<Image, Image> {
        public ResizeShortestSide {
            ImageOps.requirePositive("size", size);
        }

        @Override public Image apply(Image img, Rng rng) {
            return ImageOps.resizeShortestSide(img, size, interpolation);
        }

        @Override public TransformSpec spec() {
            return TransformSpec.of("resize_shortest_side", Map.of("size", size, "interpolation", interpolation.name()));
        }
    }

    /** Centre crop ({@link ImageOps#centerCrop}). */
    public record CenterCrop(int width, int height) implements Transform<Image, Image> {
        public CenterCrop {
            ImageOps.requirePositive("width", width);
            ImageOps.requirePositive("height", height);
        }

        @Override public Image apply(Image img, Rng rng) {
            return ImageOps.centerCrop(img, width, height);
        }

        @Override public TransformSpec spec() {
            return TransformSpec.of("center_crop", Map.of("width", width, "height", height));
        }
    }

    /** Uniform aspect ratio by cropping: cover {@code width x height}, centre crop ({@link ImageOps#resizeAndCenterCrop}). */
    public record ResizeCenterCrop(int width, int height, Interpolation interpolation) implements Transform<Image, Image> {
        public ResizeCenterCrop {
            ImageOps.requirePositive("width", width);
            ImageOps.requirePositive("height", height);
        }

        @Override public Image apply(Image img, Rng rng) {
            return ImageOps.resizeAndCenterCrop(img, width, height, interpolation);
        }

        @Override public TransformSpec spec() {
            return TransformSpec.of("resize_center_crop", Map.of("width", width, "height", height, "interpolation", interpolation.name()));
        }
    }

    /** Uniform aspect ratio by padding: fit inside, pad with {@code fill} ({@link ImageOps#letterbox}). */
    public record Letterbox(int width, int height, Interpolation interpolation, double fill) implements Transform<Image, Image> {
        public Letterbox {
            ImageOps.requirePositive("width", width);
            ImageOps.requirePositive("height", height);
        }

        @Override public Image apply(Image img, Rng rng) {
            return ImageOps.letterbox(img, width, height, interpolation, fill);
        }

        @Override public TransformSpec spec() {
            return TransformSpec.of("letterbox", Map.of("width", width, "height", height, "interpolation", interpolation.name(), "fill", fill));
        }
    }

    /** HWC image to CHW float tensor with pixel scaling ({@link Image#toTensor(Image.PixelScale)}). */
    public record ToTensor(Image.PixelScale scale) implements Transform<Image, Tensor> {
        @Override public Tensor apply(Image img, Rng rng) {
            return img.toTensor(scale);
        }

        @Override public TransformSpec spec() {
            return TransformSpec.of("to_tensor", Map.of("scale", scale.name()));
        }
    }

    /**
     * Pixel scaling then per-channel standardization in one pass, HWC image to CHW tensor:
     * {@code out[c] = (scaled(v) - mean[c]) / std[c]}. A channel with std 0 (constant in the fitted
     * data) maps to 0 rather than NaN, as scikit-learn's StandardScaler does.
     *
     * @param mean  per-channel mean, in the units after {@code scale}
     * @param std   per-channel standard deviation (>= 0)
     * @param scale the pixel scaling applied first
     */
    public record Normalize(double[] mean, double[] std, Image.PixelScale scale) implements Transform<Image, Tensor> {
        public Normalize {
            if (mean.length != std.length || mean.length == 0) {
                throw new IllegalArgumentException("mean and std need one value per channel, got " + mean.length + " and " + std.length);
            }
            for (double s : std) {
                if (!(s >= 0) || Double.isInfinite(s)) throw new IllegalArgumentException("std values must be finite and >= 0, got " + Arrays.toString(std));
            }
            mean = mean.clone();
            std = std.clone();
        }

        /** Standardization with statistics fitted over a data set ({@link ChannelStats}, same scale). */
        public static Normalize fitted(ChannelStats stats, Image.PixelScale scale) {
            return new Normalize(stats.mean(), stats.std(), scale);
        }

        /** ImageNet's mean and std on [0,1]-scaled RGB (the values torchvision's models expect). */
        public static Normalize imagenet() {
            return new Normalize(new double[] {0.485, 0.456, 0.406}, new double[] {0.229, 0.224, 0.225}, Image.PixelScale.UNIT);
        }

        @Override public Tensor apply(Image img, Rng rng) {
            float[][] mulAdd = mulAdd(img);
            return PixelKernels.affineToChw(img, mulAdd[0], mulAdd[1]);
        }

        /**
         * The values of {@code apply(img, rng)}, bit for bit, written into {@code out[offset ..
         * offset + C*H*W)} instead of a new tensor. Why: a collator filling a batch
         * ({@link ImageBatches#normalizing}) then writes each sample once, where a per-sample tensor
         * is written, then read and copied into the batch.
         *
         * @throws IndexOutOfBoundsException if the image's values do not fit from {@code offset}
         */
        public void applyInto(Image img, float[] out, int offset) {
            float[][] mulAdd = mulAdd(img);
            PixelKernels.affineToChw(img, mulAdd[0], mulAdd[1], out, offset);
        }

        /** (v * a + b - mean) / std folded into v * mul + add, per channel. */
        private float[][] mulAdd(Image img) {
            if (img.channels() != mean.length) {
                throw new IllegalArgumentException("normalize has " + mean.length + " channel statistics but the image has "
                        + img.channels() + " channels");
            }
            double[] ab = scale.affine(img.depth());
            int c = img.channels();
            float[] mul = new float[c];
            float[] add = new float[c];
            for (int ch = 0; ch < c; ch++) {
                mul[ch] = std[ch] == 0 ? 0f : (float) (ab[0] / std[ch]);
                add[ch] = std[ch] == 0 ? 0f : (float) ((ab[1] - mean[ch]) / std[ch]);
            }
            return new float[][] {mul, add};
        }

        @Override public TransformSpec spec() {
            return TransformSpec.of("normalize", Map.of("mean", toList(mean), "std", toList(std), "scale", scale.name()));
        }
    }

    /**
     * Per-channel min-max scaling to [0, 1]: {@code (v - min[c]) / (max[c] - min[c])}, a constant
     * channel maps to 0. HWC image (raw values) to CHW tensor.
     */
    public record MinMax(double[] min, double[] max) implements Transform<Image, Tensor> {
        public MinMax {
            if (min.length != max.length || min.length == 0) throw new IllegalArgumentException("min and max need one value per channel");
            for (int i = 0; i < min.length; i++) {
                if (!(max[i] >= min[i])) throw new IllegalArgumentException("max[" + i + "]=" + max[i] + " < min[" + i + "]=" + min[i]);
            }
            min = min.clone();
            max = max.clone();
        }

        /** Min-max scaling with the range fitted over a data set (statistics taken with {@code PixelScale.RAW}). */
        public static MinMax fitted(ChannelStats rawStats) {
            return new MinMax(rawStats.min(), rawStats.max());
        }

        @Override public Tensor apply(Image img, Rng rng) {
            int c = img.channels();
            if (c != min.length) throw new IllegalArgumentException("min-max has " + min.length + " channels, image " + c);
            float[] mul = new float[c];
            float[] add = new float[c];
            for (int ch = 0; ch < c; ch++) {
                double range = max[ch] - min[ch];
                mul[ch] = range == 0 ? 0f : (float) (1 / range);
                add[ch] = range == 0 ? 0f : (float) (-min[ch] / range);
            }
            return PixelKernels.affineToChw(img, mul, add);
        }

        @Override public TransformSpec spec() {
            return TransformSpec.of("min_max", Map.of("min", toList(min), "max", toList(max)));
        }
    }

    /** Scales a tensor to unit L2 norm (per sample); an all-zero tensor stays zero. */
    public record UnitNorm() implements Transform<Tensor, Tensor> {
        @Override public Tensor apply(Tensor t, Rng rng) {
            float[] x = t.data();
            double ss = 0;
            for (float v : x) ss += (double) v * v;
            float[] out = new float[x.length];
            if (ss > 0) {
                float inv = (float) (1 / Math.sqrt(ss));
                for (int i = 0; i < x.length; i++) out[i] = x[i] * inv;
            }
            return Tensor.of(out, t.shape());
        }

        @Override public TransformSpec spec() {
            return TransformSpec.of("unit_norm", Map.of());
        }
    }

    static List<Double> toList(double[] v) {
        return Arrays.stream(v).boxed().toList();
    }
}
