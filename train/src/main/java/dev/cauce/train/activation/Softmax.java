package dev.cauce.train.activation;

/**
 * Softmax over the last axis of a row-major [rows][cols] array, computed stably by subtracting each
 * row's maximum first (softmax is invariant to a shift, and e^(z − max) ≤ 1 cannot overflow):
 * <pre>
 *   softmax(z)_k = e^(z_k − m) / Σ_j e^(z_j − m),        m = max_j z_j
 *   log_softmax(z)_k = z_k − m − log Σ_j e^(z_j − m)
 * </pre>
 * Backward, with y = softmax(z) and upstream gradient G: ∂L/∂z_k = y_k·(G_k − Σ_j G_j·y_j) (the
 * Jacobian diag(y) − y·yᵀ applied to G). Sums are accumulated in double.
 */
public final class Softmax {
    private Softmax() {
    }

    /** out = softmax(z) row by row ({@code z} and {@code out} may be the same array). */
    public static void forward(float[] z, float[] out, int cols) {
        int rows = rows(z, out, cols);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            float max = rowMax(z, o, cols);
            double sum = 0;
            for (int k = 0; k < cols; k++) {
                float e = (float) Math.exp(z[o + k] - max);
                out[o + k] = e;
                sum += e;
            }
            float inv = (float) (1 / sum);
            for (int k = 0; k < cols; k++) out[o + k] *= inv;
        }
    }

    /** out = log_softmax(z) row by row (the stable input of a cross-entropy). */
    public static void logForward(float[] z, float[] out, int cols) {
        int rows = rows(z, out, cols);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            float max = rowMax(z, o, cols);
            double sum = 0;
            for (int k = 0; k < cols; k++) sum += Math.exp(z[o + k] - max);
            double logSum = Math.log(sum);
            for (int k = 0; k < cols; k++) out[o + k] = (float) (z[o + k] - max - logSum);
        }
    }

    /** gradIn = ∂L/∂z given y = softmax(z) and gradOut = ∂L/∂y, row by row. */
    public static void backward(float[] y, float[] gradOut, float[] gradIn, int cols) {
        int rows = rows(y, gradOut, cols);
        rows(y, gradIn, cols);
        for (int r = 0; r < rows; r++) {
            int o = r * cols;
            double dot = 0;
            for (int k = 0; k < cols; k++) dot += (double) gradOut[o + k] * y[o + k];
            for (int k = 0; k < cols; k++) gradIn[o + k] = (float) (y[o + k] * (gradOut[o + k] - dot));
        }
    }

    private static float rowMax(float[] z, int o, int cols) {
        float max = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < cols; k++) max = Math.max(max, z[o + k]);
        return max;
    }

    private static int rows(float[] a, float[] b, int cols) {
        if (cols <= 0) throw new IllegalArgumentException("cols must be > 0, got " + cols);
        if (a.length % cols != 0) throw new IllegalArgumentException("length " + a.length + " is not a multiple of cols " + cols);
        if (b.length != a.length) throw new IllegalArgumentException("output length " + b.length + " differs from input length " + a.length);
        return a.length / cols;
    }
}
