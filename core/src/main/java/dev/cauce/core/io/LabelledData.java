package dev.cauce.core.io;

import dev.cauce.core.Cursor;
import dev.cauce.core.DataStream;
import dev.cauce.core.Sample;
import dev.cauce.core.Tensor;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /**
     * Loads one split (e.g. {@code "train"} or {@code "test"}) from a folder, trying these file
     * pairs in order (the first whose input file exists is used):
     * <ol>
     *   <li>{@code SPLIT-images-idx3-ubyte.gz} and {@code SPLIT-labels-idx1-ubyte.gz} (MNIST's names; also without {@code .gz});</li>
     *   <li>{@code SPLIT-images.npy} and {@code SPLIT-labels.npy};</li>
     *   <li>{@code x_SPLIT.npy} and {@code y_SPLIT.npy} (Keras' names).</li>
     * </ol>
     *
     * @throws IOException naming the folder and the names tried when no pair is found, or the
     *                     problem with the files found (see {@link #load})
     */
    public static LabelledData loadSplit(Path dir, String split) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": " + (Files.exists(dir) ? "is a file, not a data folder" : "no such data folder")
                    + " (it should hold " + SPLIT_FILES + ")");
        }
        // MNIST's own distribution names its test split "t10k".
        List<String> names = split.equals("test") ? List.of("test", "t10k") : List.of(split);
        StringBuilder tried = new StringBuilder();
        for (String name : names) {
            String[][] pairs = {
                    {name + "-images-idx3-ubyte.gz", name + "-labels-idx1-ubyte.gz"},
                    {name + "-images-idx3-ubyte", name + "-labels-idx1-ubyte"},
                    {name + "-images.npy", name + "-labels.npy"},
                    {"x_" + name + ".npy", "y_" + name + ".npy"}};
            for (String[] pair : pairs) {
                Path inputs = dir.resolve(pair[0]);
                if (Files.isRegularFile(inputs)) {
                    Path labels = dir.resolve(pair[1]);
                    if (!Files.isRegularFile(labels)) {
                        throw new IOException(dir + ": found " + pair[0] + " but not its labels file " + pair[1]);
                    }
                    return load(inputs, labels);
                }
                tried.append(tried.isEmpty() ? "" : ", ").append(pair[0]);
            }
        }
        throw new IOException(dir + ": no " + split + " split found (looked for " + tried + ")");
    }

    /** The file names {@link #loadSplit} accepts, for help texts. */
    public static final String SPLIT_FILES = "SPLIT-images-idx3-ubyte[.gz] + SPLIT-labels-idx1-ubyte[.gz] (IDX), "
            + "SPLIT-images.npy + SPLIT-labels.npy, or x_SPLIT.npy + y_SPLIT.npy, where SPLIT is train or test (or t10k)";

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
