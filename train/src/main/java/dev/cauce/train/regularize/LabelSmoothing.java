package dev.cauce.train.regularize;

/**
 * Label smoothing (Szegedy et al., 2016), noise injection on the outputs: the one-hot target of
 * class y over K classes becomes
 * <pre>
 *   q_k = (1 − ε)·[k = y] + ε/K
 * </pre>
 * (PyTorch's {@code cross_entropy(label_smoothing=ε)} convention: the ε/K share also goes to the
 * true class, so q_y = 1 − ε + ε/K). Cross-entropy against q is −Σ q_k log softmax(z)_k and its
 * gradient with respect to the logits is softmax(z) − q per row.
 */
public final class LabelSmoothing {
    private LabelSmoothing() {
    }

    /**
     * Smoothed targets for a batch: a row-major [labels.length][numClasses] array.
     *
     * @param epsilon ε in [0, 1]; 0 gives plain one-hot
     */
    public static float[] targets(int[] labels, int numClasses, double epsilon) {
        if (numClasses < 2) throw new IllegalArgumentException("numClasses must be >= 2, got " + numClasses);
        if (!(epsilon >= 0 && epsilon <= 1)) throw new IllegalArgumentException("epsilon must be in [0, 1], got " + epsilon);
        float off = (float) (epsilon / numClasses);
        float on = (float) (1 - epsilon + epsilon / numClasses);
        float[] q = new float[labels.length * numClasses];
        java.util.Arrays.fill(q, off);
        for (int i = 0; i < labels.length; i++) {
            int y = labels[i];
            if (y < 0 || y >= numClasses) throw new IllegalArgumentException("label " + y + " at row " + i + " is outside [0, " + numClasses + ")");
            q[i * numClasses + y] = on;
        }
        return q;
    }
}
