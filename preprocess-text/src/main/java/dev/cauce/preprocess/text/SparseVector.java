package dev.cauce.preprocess.text;

import java.util.Arrays;

/**
 * A sparse row of a document-term matrix: strictly increasing {@code indices} in {@code [0, dim)}
 * and their {@code values}. Bag-of-words rows are mostly zeros (a mail uses a few hundred of
 * thousands of terms), so they stay sparse until a dense tensor is asked for.
 */
public record SparseVector(int dim, int[] indices, double[] values) {
    public SparseVector {
        if (indices.length != values.length) {
            throw new IllegalArgumentException("indices (" + indices.length + ") and values (" + values.length + ") differ in length");
        }
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= dim || (i > 0 && indices[i] <= indices[i - 1])) {
                throw new IllegalArgumentException("indices must be strictly increasing in [0, " + dim + "), got " + Arrays.toString(indices));
            }
        }
    }

    public int nnz() {
        return indices.length;
    }

    /** The value at column {@code j} (0 when absent). */
    public double get(int j) {
        int k = Arrays.binarySearch(indices, j);
        return k >= 0 ? values[k] : 0.0;
    }

    public double[] toDense() {
        double[] out = new double[dim];
        for (int i = 0; i < indices.length; i++) out[indices[i]] = values[i];
        return out;
    }

    /** Writes the row as float32 into {@code out[offset .. offset+dim)}, which must be zero. */
    public void addTo(float[] out, int offset) {
        for (int i = 0; i < indices.length; i++) out[offset + indices[i]] += (float) values[i];
    }

    /** This row scaled to unit Euclidean length (an all-zero row stays zero, never NaN). */
    public SparseVector l2Normalized() {
        double ss = 0;
        for (double v : values) ss += v * v;
        if (ss == 0) return this;
        double inv = 1.0 / Math.sqrt(ss);
        double[] v = values.clone();
        for (int i = 0; i < v.length; i++) v[i] *= inv;
        return new SparseVector(dim, indices, v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseVector s && s.dim == dim && Arrays.equals(s.indices, indices) && Arrays.equals(s.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dim + Arrays.hashCode(indices)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "SparseVector[dim=" + dim + ", nnz=" + indices.length + "]";
    }
}
