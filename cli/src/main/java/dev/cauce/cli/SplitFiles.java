package dev.cauce.cli;

import dev.cauce.core.io.LabelledData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Finds the train and test splits in a data folder. Accepted names, per split ({@code train} or
 * {@code test}; MNIST's own {@code t10k} counts as test):
 * <ul>
 *   <li>IDX, plain or gzipped: {@code <split>-images*} and {@code <split>-labels*}
 *       (e.g. {@code train-images-idx3-ubyte.gz}, {@code t10k-labels-idx1-ubyte})</li>
 *   <li>NPY: {@code <split>_x.npy} and {@code <split>_y.npy}, or {@code x_<split>.npy} and {@code y_<split>.npy}</li>
 * </ul>
 */
record SplitFiles(Path inputs, Path labels) {

    static final String ACCEPTED = "<split>-images*/<split>-labels* (IDX, may be .gz) or <split>_x.npy/<split>_y.npy "
            + "or x_<split>.npy/y_<split>.npy, with split = train or test (t10k)";

    static SplitFiles find(Path dir, String split) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": no such data folder (it should hold " + ACCEPTED + ")");
        }
        List<String> prefixes = split.equals("test") ? List.of("test", "t10k") : List.of(split);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (String p : prefixes) {
            Path x = first(files, p + "-images"), y = first(files, p + "-labels");
            if (x != null && y != null) return new SplitFiles(x, y);
            for (String[] names : new String[][] {{p + "_x.npy", p + "_y.npy"}, {"x_" + p + ".npy", "y_" + p + ".npy"}}) {
                Path nx = dir.resolve(names[0]), ny = dir.resolve(names[1]);
                if (Files.isRegularFile(nx) && Files.isRegularFile(ny)) return new SplitFiles(nx, ny);
            }
        }
        throw new IOException(dir + ": no " + split + " split found (expected " + ACCEPTED + ")");
    }

    private static Path first(List<Path> files, String prefix) {
        List<Path> hits = new ArrayList<>();
        for (Path f : files) if (f.getFileName().toString().startsWith(prefix)) hits.add(f);
        return hits.isEmpty() ? null : hits.getFirst();
    }

    LabelledData load() throws IOException {
        return LabelledData.load(inputs, labels);
    }
}
