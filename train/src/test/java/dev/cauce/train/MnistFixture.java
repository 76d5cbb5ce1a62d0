package dev.cauce.train;

import dev.cauce.core.Batch;
import dev.cauce.core.DataStream;
import dev.cauce.core.Sample;
import dev.cauce.core.Tensor;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Real MNIST digits for tests: the bundled first 1,000 train digits (src/test/resources/mnist), read
 * with a minimal IDX reader (tests only; the project's reader lives in core.io). Pixels in [0, 1].
 */
final class MnistFixture {
    private MnistFixture() {
    }

    static List<Sample<Tensor>> train1000() {
        return load(open("/mnist/train1000-images-idx3-ubyte.gz"), open("/mnist/train1000-labels-idx1-ubyte.gz"), "train1000");
    }

    /** Reads a split of the full data set (for the end-to-end check outside the unit tests). */
    static List<Sample<Tensor>> fromDir(Path dir, String split) throws IOException {
        return load(Files.newInputStream(dir.resolve(split + "-images-idx3-ubyte.gz")),
                Files.newInputStream(dir.resolve(split + "-labels-idx1-ubyte.gz")), split);
    }

    static DataStream<Batch> batches(List<Sample<Tensor>> samples, int batchSize, boolean shuffle) {
        DataStream<Sample<Tensor>> s = DataStream.of(samples);
        if (shuffle) s = s.shuffle(samples.size());
        return s.batch(batchSize, Batch::collate);
    }

    private static InputStream open(String resource) {
        InputStream in = MnistFixture.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("missing test resource " + resource);
        return in;
    }

    private static List<Sample<Tensor>> load(InputStream images, InputStream labels, String name) {
        try (var img = new DataInputStream(new GZIPInputStream(images));
             var lab = new DataInputStream(new GZIPInputStream(labels))) {
            if (img.readInt() != 0x803 || lab.readInt() != 0x801) throw new IOException(name + ": bad IDX magic");
            int n = img.readInt();
            int rows = img.readInt();
            int cols = img.readInt();
            if (lab.readInt() != n) throw new IOException(name + ": label count differs from image count");
            byte[] pix = img.readNBytes(n * rows * cols);
            byte[] y = lab.readNBytes(n);
            List<Sample<Tensor>> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                float[] v = new float[rows * cols];
                for (int j = 0; j < v.length; j++) v[j] = (pix[i * v.length + j] & 0xFF) / 255f;
                out.add(new Sample<>(i, name + "#" + i, Tensor.of(v, rows * cols), y[i]));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
