package dev.cauce.preprocess.text;

import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hashing trick, as scikit-learn's {@code HashingVectorizer}: no vocabulary to fit; a term's
 * column is {@code |murmur3_32(utf8(term), seed 0)| mod nFeatures}, and with {@code alternateSign}
 * its value is added with the hash's sign so that collisions cancel on average. Rows are L2
 * normalised when {@code l2} is set.
 */
public record HashingVectorizer(int nFeatures, boolean alternateSign, boolean l2) implements Transform<java.util.List<String>, SparseVector> {
    public HashingVectorizer {
        if (nFeatures < 1) throw new IllegalArgumentException("nFeatures must be >= 1, got " + nFeatures);
    }

    public SparseVector transform(java.util.List<String> tokens) {
        TreeMap<Integer, double[]> acc = new TreeMap<>();
        for (String t : tokens) {
            int h = murmur3(t.getBytes(StandardCharsets.UTF_8), 0);
            int col = (int) (Math.abs((long) h) % nFeatures);
            double v = alternateSign && h < 0 ? -1.0 : 1.0;
            acc.computeIfAbsent(col, k -> new double[1])[0] += v;
        }
        int[] idx = new int[acc.size()];
        double[] val = new double[acc.size()];
        int k = 0;
        for (Map.Entry<Integer, double[]> e : acc.entrySet()) {
            if (e.getValue()[0] == 0) continue; // exact cancellation: scikit-learn drops explicit zeros too
            idx[k] = e.getKey();
            val[k++] = e.getValue()[0];
        }
        SparseVector row = new SparseVector(nFeatures, Arrays.copyOf(idx, k), Arrays.copyOf(val, k));
        return l2 ? row.l2Normalized() : row;
    }

    /** MurmurHash3 x86 32-bit (Austin Appleby), the hash scikit-learn uses. */
    static int murmur3(byte[] data, int seed) {
        final int c1 = 0xcc9e2d51;
        final int c2 = 0x1b873593;
        int h = seed;
        int n = data.length & ~3;
        for (int i = 0; i < n; i += 4) {
            int k = (data[i] & 0xff) | (data[i + 1] & 0xff) << 8 | (data[i + 2] & 0xff) << 16 | (data[i + 3] & 0xff) << 24;
            k *= c1;
            k = Integer.rotateLeft(k, 15);
            k *= c2;
            h ^= k;
            h = Integer.rotateLeft(h, 13);
            h = h * 5 + 0xe6546b64;
        }
        int k = 0;
        switch (data.length & 3) {
            case 3: k ^= (data[n + 2] & 0xff) << 16; // fall through
            case 2: k ^= (data[n + 1] & 0xff) << 8;  // fall through
            case 1:
                k ^= data[n] & 0xff;
                k *= c1;
                k = Integer.rotateLeft(k, 15);
                k *= c2;
                h ^= k;
                break;
            default:
                break;
        }
        h ^= data.length;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }

    @Override
    public SparseVector apply(java.util.List<String> input, Rng rng) {
        return transform(input);
    }

    @Override
    public TransformSpec spec() {
        return TransformSpec.of("text.hashing", Map.of("nFeatures", nFeatures, "alternateSign", alternateSign, "l2", l2));
    }
}
