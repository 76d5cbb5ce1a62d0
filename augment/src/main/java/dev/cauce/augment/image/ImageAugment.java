package dev.cauce.augment.image;

import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;
import dev.cauce.preprocess.image.AnnotatedImage;
import dev.cauce.preprocess.image.Image;

import java.util.List;
import java.util.Map;

/**
 * Adapters that run an augmentation (written for {@link AnnotatedImage}) on plain images and on
 * image tensors, e.g. MNIST digits held as {@code [784]} or {@code [1, 28, 28]} float tensors.
 */
public final class ImageAugment {

    private ImageAugment() {
    }

    /** The augmentation on an image without targets. */
    public static Transform<Image, Image> onImages(Transform<AnnotatedImage, AnnotatedImage> aug) {
        return new OnImages(aug);
    }

    /** {@link #onImages} as a record so it describes itself. */
    public record OnImages(Transform<AnnotatedImage, AnnotatedImage> aug) implements Transform<Image, Image> {
        @Override public Image apply(Image img, Rng rng) {
            return aug.apply(AnnotatedImage.of(img), rng).image();
        }

        @Override public TransformSpec spec() {
            return new TransformSpec("on_images", Map.of(), List.of(aug.spec()));
        }
    }

    /**
     * The augmentation on image tensors of shape {@code [C, H, W]} or flat {@code [C*H*W]} (then
     * {@code height x width} with {@code C = size / (H*W)}): the tensor becomes a float32 image (no
     * quantization), is augmented, and comes back in the input's shape and units. This is how the
     * trainer's MNIST tensors get random affine augmentation.
     */
    public record OnTensors(Transform<AnnotatedImage, AnnotatedImage> aug, int height, int width) implements Transform<Tensor, Tensor> {
        public OnTensors {
            if (height < 1 || width < 1) throw new IllegalArgumentException("height and width must be >= 1, got " + height + "x" + width);
        }

        @Override public Tensor apply(Tensor t, Rng rng) {
            int plane = height * width;
            if (t.size() % plane != 0) {
                throw new IllegalArgumentException("tensor of " + t.size() + " values is not a stack of " + height + "x" + width + " planes");
            }
            int c = t.size() / plane;
            if (c != 1 && c != 3 && c != 4) throw new IllegalArgumentException("expected 1, 3 or 4 channels, got " + c);
            float[] chw = t.data();
            float[] hwc = new float[chw.length];
            for (int ch = 0; ch < c; ch++) for (int i = 0; i < plane; i++) hwc[i * c + ch] = chw[ch * plane + i];
            Image out = aug.apply(AnnotatedImage.of(Image.ofFloats(width, height, c, hwc)), rng).image();
            if (out.width() != width || out.height() != height) {
                throw new IllegalArgumentException("OnTensors needs a size-preserving augmentation, got " + out);
            }
            return out.toTensor(Image.PixelScale.RAW).reshape(t.shape());
        }

        @Override public TransformSpec spec() {
            return new TransformSpec("on_tensors", Map.of("height", height, "width", width), List.of(aug.spec()));
        }
    }
}
