package dev.cauce.core;

/**
 * A collated batch: inputs with a leading batch axis, and one label per row.
 *
 * @param x       inputs, shape (N, ...)
 * @param labels  class index per row (length N)
 * @param first   index of the first sample in its source, for error messages
 */
public record Batch(Tensor x, int[] labels, long first) {
    public Batch {
        if (x.rank() == 0 || x.dim(0) != labels.length) {
            throw new IllegalArgumentException("batch of " + (x.rank() == 0 ? 0 : x.dim(0)) + " inputs has " + labels.length + " labels");
        }
    }

    public int size() {
        return labels.length;
    }

    /** Stacks the tensor values of labelled samples into one batch (the usual collate function). */
    public static Batch collate(java.util.List<Sample<Tensor>> samples) {
        int[] labels = new int[samples.size()];
        java.util.List<Tensor> xs = new java.util.ArrayList<>(samples.size());
        for (int i = 0; i < labels.length; i++) {
            labels[i] = samples.get(i).label();
            xs.add(samples.get(i).value());
        }
        return new Batch(Tensor.stack(xs), labels, samples.getFirst().index());
    }
}
