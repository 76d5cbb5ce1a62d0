package dev.cauce.preprocess.text;

import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Tokens to a fixed-length id sequence (Keras {@code pad_sequences} semantics): ids from the
 * vocabulary, then padded with {@link Vocabulary#PAD_ID} or truncated to {@code length}, each at
 * the chosen end. The vocabulary must have specials so that padding and unknown words have ids.
 */
public record SequenceEncoder(Vocabulary vocabulary, int length, Side padding, Side truncating)
        implements Transform<List<String>, int[]> {

    /** Which end of the sequence is padded or cut. */
    public enum Side { PRE, POST }

    public SequenceEncoder {
        Objects.requireNonNull(vocabulary, "vocabulary");
        if (!vocabulary.hasSpecials()) throw new IllegalArgumentException("vocabulary needs the PAD/OOV specials for sequences");
        if (length < 1) throw new IllegalArgumentException("length must be >= 1, got " + length);
    }

    public int[] encode(List<String> tokens) {
        int[] ids = vocabulary.encode(tokens);
        int[] out = new int[length]; // PAD_ID is 0
        int n = Math.min(ids.length, length);
        int from = (ids.length > length && truncating == Side.PRE) ? ids.length - length : 0;
        int to = padding == Side.PRE ? length - n : 0;
        System.arraycopy(ids, from, out, to, n);
        return out;
    }

    /** Several documents as a float32 tensor {@code [docs, length]} of ids. */
    public Tensor toTensor(List<? extends List<String>> docs) {
        Tensor t = Tensor.zeros(docs.size(), length);
        float[] d = t.data();
        for (int i = 0; i < docs.size(); i++) {
            int[] ids = encode(docs.get(i));
            for (int j = 0; j < length; j++) d[i * length + j] = ids[j];
        }
        return t;
    }

    @Override
    public int[] apply(List<String> input, Rng rng) {
        return encode(input);
    }

    @Override
    public TransformSpec spec() {
        return new TransformSpec("text.sequence", Map.of("length", length, "padding", padding.name(),
                "truncating", truncating.name()), List.of(vocabulary.spec()));
    }
}
