package dev.cauce.train.loss;

import dev.cauce.core.Tensor;
import java.util.Arrays;

/** Real-valued targets from integer labels: the label itself for one output column, else one-hot. */
final class Targets {
    private Targets() {
    }

    static float[] fromLabels(Tensor output, int[] labels, String loss) {
        int n = labels.length;
        if (output.rank() == 0 || output.dim(0) != n) {
            throw new IllegalArgumentException(loss + ": output " + Arrays.toString(output.shape()) + " for " + n + " labels");
        }
        int k = output.size() / n;
        float[] t = new float[output.size()];
        for (int i = 0; i < n; i++) {
            if (k == 1) {
                t[i] = labels[i];
            } else {
                if (labels[i] < 0 || labels[i] >= k) {
                    throw new IllegalArgumentException(loss + ": label " + labels[i] + " of row " + i + " is outside [0, " + k + ")");
                }
                t[i * k + labels[i]] = 1f;
            }
        }
        return t;
    }
}
