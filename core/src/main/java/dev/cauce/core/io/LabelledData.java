package dev.cauce.core.io;

import dev.cauce.core.Cursor;
import dev.cauce.core.DataStream;
import dev.cauce.core.Sample;
import dev.cauce.core.Tensor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;

/**
 * Inputs with one class label each, as loaded from a pair of files (MNIST's images and labels).
 *
 * @param inputs float32, shape (N, ...): one row per sample
 * @param labels N class indices
 * @param source the input file, used to name samples ({@code source#i}) in errors
 */
public record LabelledData(Tensor inputs, int[] labels, String source) {
    public LabelledData {
        if (inputs.rank() == 0 || inputs.dim(0) != labels.length) {
            throw new IllegalArgumentException(source + ": " + (inputs.rank() == 0 ? 0 : inputs.dim(0)) + " inputs but "
                    + labels.length + " labels");
        }
    }

    /** Number of samples. */
    public int size() {
        return labels.length;
    }

    /**
     * Loads inputs and labels, each an IDX file (plain or gzipped) or an NPY file, told apart by
     * their first bytes. NPY labels must have an integer dtype (NumPy writes int64 or uint8).
     *
     * @throws IOException naming the file and the problem, including a label count that differs
     *                     from the input count (both files and both counts are named)
     */
    public static LabelledData load(Path inputs, Path labels) throws IOException {
        Tensor x = isNpy(inputs) ? Npy.read(inputs).toTensor() : Idx.readImages(inputs);
        int[] y;
        if (isNpy(labels)) {
            NdArray a = Npy.read(labels);
            if (!a.dtype().isInteger() || a.rank() != 1) {
                throw new IOException(labels + ": labels must be a 1-d integer array, got " + a.dtype() + " with shape "
                        + java.util.Arrays.toString(a.shape()));
            }
            try {
                y = a.toInts();
            } catch (IllegalStateException e) {
                throw new IOException(labels + ": " + e.getMessage(), e);
            }
        } else {
            y = Idx.readLabels(labels);
        }
        return of(x, inputs, y, labels);
    }

    /** Pairs already-read inputs and labels, failing with both file names when the counts differ. */
    static LabelledData of(Tensor inputs, Path inputsFile, int[] labels, Path labelsFile) throws IOException {
        int n = inputs.rank() == 0 ? 0 : inputs.dim(0);
        if (n != labels.length) {
            throw new IOException(labelsFile + ": label count " + labels.length + " does not match the image count " + n
                    + " of " + inputsFile);
        }
        return new LabelledData(inputs, labels, inputsFile.toString());
    }

    private static boolean isNpy(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Npy.startsWithMagic(in.readNBytes(Npy.MAGIC.length));
        }
    }

    /**
     * The samples as a stream: sample {@code i} has index {@code i}, source {@code source#i}, value
     * the i-th row (a copy, shape {@code inputs.shape()[1..]}) and its label. Rows are sliced lazily.
     */
    public DataStream<Sample<Tensor>> stream() {
        return DataStream.from(() -> new Cursor<>() {
            int next;
            @Override public boolean hasNext() { return next < labels.length; }
            @Override public Sample<Tensor> next() {
                if (!hasNext()) throw new NoSuchElementException();
                int i = next++;
                return new Sample<>(i, source + "#" + i, inputs.slice(i), labels[i]);
            }
            @Override public void close() { }
        });
    }
}
