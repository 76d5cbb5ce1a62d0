package dev.cauce.preprocess.image;

import dev.cauce.core.Batch;
import dev.cauce.core.Sample;
import dev.cauce.core.SampleException;
import dev.cauce.core.Tensor;

import java.util.List;
import java.util.function.Function;

/**
 * Collate functions that make a batch tensor straight from images.
 *
 * <p>Why: {@code stream.map(normalize).batch(n, Batch::collate)} writes every sample's floats
 * twice into memory that is not in cache (its own tensor, then the copy into the batch) and reads
 * them once more; {@code stream.batch(n, ImageBatches.normalizing(normalize))} writes them once,
 * into the batch. The values are the same bit for bit.
 */
public final class ImageBatches {

    private ImageBatches() {
    }

    /**
     * Collates image samples of one geometry into an {@code (N, C, H, W)} batch of
     * {@code normalize}'s values, written in place: the same batch as mapping each sample through
     * {@code normalize} and then {@link Batch#collate}.
     *
     * @throws SampleException naming the sample when its size or channel count differs from the
     *                         batch's first image
     */
    public static Function<List<Sample<Image>>, Batch> normalizing(ImageTransforms.Normalize normalize) {
        return samples -> {
            if (samples.isEmpty()) throw new IllegalArgumentException("a batch needs at least one sample");
            Image first = samples.getFirst().value();
            int c = first.channels(), h = first.height(), w = first.width();
            int per = c * h * w;
            float[] out = new float[Math.multiplyExact(per, samples.size())];
            int[] labels = new int[samples.size()];
            for (int i = 0; i < labels.length; i++) {
                Sample<Image> s = samples.get(i);
                Image img = s.value();
                if (img.channels() != c || img.height() != h || img.width() != w) {
                    throw new SampleException(s.source(), "image is " + img.width() + "x" + img.height() + "x" + img.channels()
                            + " but the batch's first (" + samples.getFirst().source() + ") is " + w + "x" + h + "x" + c
                            + "; resize or crop to one size before batching");
                }
                normalize.applyInto(img, out, i * per);
                labels[i] = s.label();
            }
            return new Batch(Tensor.of(out, samples.size(), c, h, w), labels, samples.getFirst().index());
        };
    }
}
