package dev.cauce.train.ensemble;

import dev.cauce.core.Tensor;

import java.util.Arrays;
import java.util.List;

/**
 * Model averaging: the ensemble's probability for each class is the (weighted) mean of its
 * members' probabilities,
 * <pre>
 *   p(y | x) = Σ_k w_k · p_k(y | x),    Σ_k w_k = 1   (equal weights 1/K by default)
 * </pre>
 * For K members trained from different seeds whose errors are not perfectly correlated, the expected
 * squared error of the average is below the members' average (Goodfellow et al. §7.11); averaging
 * probabilities (not logits or votes) keeps a calibrated output. Members run in order on the
 * calling thread; the sum is accumulated in double.
 */
public final class Ensemble implements Predictor {
    private final List<Predictor> members;
    private final double[] weights;

    /** Equal weights 1/K. */
    public Ensemble(List<? extends Predictor> members) {
        this(members, equal(members.size()));
    }

    /**
     * @param weights one non-negative weight per member, not all zero; normalized to sum to 1
     */
    public Ensemble(List<? extends Predictor> members, double[] weights) {
        if (members.isEmpty()) throw new IllegalArgumentException("an ensemble needs at least one member");
        if (weights.length != members.size()) {
            throw new IllegalArgumentException("weights has " + weights.length + " entries for " + members.size() + " members");
        }
        double sum = 0;
        for (int k = 0; k < weights.length; k++) {
            if (!(weights[k] >= 0) || Double.isInfinite(weights[k])) {
                throw new IllegalArgumentException("weight " + k + " must be >= 0 and finite, got " + weights[k]);
            }
            sum += weights[k];
        }
        if (sum == 0) throw new IllegalArgumentException("weights must not all be zero");
        this.members = List.copyOf(members);
        this.weights = new double[weights.length];
        for (int k = 0; k < weights.length; k++) this.weights[k] = weights[k] / sum;
    }

    private static double[] equal(int k) {
        double[] w = new double[k];
        Arrays.fill(w, 1.0);
        return w;
    }

    public int size() {
        return members.size();
    }

    @Override
    public Tensor predictProba(Tensor x) {
        int[] shape = null;
        double[] acc = null;
        for (int k = 0; k < members.size(); k++) {
            Tensor p = members.get(k).predictProba(x);
            if (shape == null) {
                shape = p.shape();
                acc = new double[p.size()];
            } else if (!Arrays.equals(shape, p.shape())) {
                throw new IllegalArgumentException("ensemble member " + k + " predicted shape " + Arrays.toString(p.shape())
                        + ", member 0 predicted " + Arrays.toString(shape));
            }
            float[] d = p.data();
            double w = weights[k];
            for (int i = 0; i < acc.length; i++) acc[i] += w * d[i];
        }
        float[] out = new float[acc.length];
        for (int i = 0; i < out.length; i++) out[i] = (float) acc[i];
        return Tensor.of(out, shape);
    }

    /** The most probable class of each row of an [N, K] probability tensor (first one on ties). */
    public static int[] argmax(Tensor proba) {
        if (proba.rank() != 2) throw new IllegalArgumentException("argmax needs an [N, K] tensor, got shape " + Arrays.toString(proba.shape()));
        return dev.cauce.train.loss.Loss.argmaxRows(proba);
    }

    @Override
    public String toString() {
        return "Ensemble(" + members.size() + " members, weights " + Arrays.toString(weights) + ")";
    }
}
