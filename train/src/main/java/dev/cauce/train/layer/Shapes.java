package dev.cauce.train.layer;

import dev.cauce.core.Tensor;
import java.util.Arrays;

/** Shape helpers shared by layers. */
final class Shapes {
    private Shapes() {
    }

    static long size(int[] shape) {
        long n = 1;
        for (int d : shape) n *= d;
        return n;
    }

    /** Checks that {@code x} holds N samples of {@code perSample} values each and returns N. */
    static int batch(String layer, Tensor x, int[] perSample) {
        long per = size(perSample);
        if (x.rank() < 1 || (long) x.dim(0) * per != x.size()) {
            throw new IllegalArgumentException(layer + ": expects input (N, " + Arrays.toString(perSample).replaceAll("[\\[\\]]", "")
                    + "), got " + Arrays.toString(x.shape()));
        }
        return x.dim(0);
    }

    /** Checks a per-sample input shape against the one a layer was built for. */
    static void expect(String layer, int[] expected, int[] got) {
        if (size(expected) != size(got) || (got.length == expected.length && !Arrays.equals(expected, got))) {
            throw new IllegalArgumentException(layer + ": expects input shape " + Arrays.toString(expected) + ", got "
                    + Arrays.toString(got));
        }
    }

    static int[] withBatch(int n, int... perSample) {
        int[] s = new int[perSample.length + 1];
        s[0] = n;
        System.arraycopy(perSample, 0, s, 1, perSample.length);
        return s;
    }
}
