package dev.cauce.pipeline;

import dev.cauce.core.Tensor;
import dev.cauce.core.io.Idx;
import dev.cauce.preprocess.image.Image;
import dev.cauce.preprocess.image.ImageCodec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Real test inputs: MNIST digits written as PNG class folders, the bundled photos, spec files. */
final class Fixtures {
    static final Path SAMPLES = Path.of("..", "samples");

    private Fixtures() { }

    /** The first {@code count} MNIST test digits as {@code dir/<label>/<index>.png}. */
    static Path mnistPngs(Path dir, int count) throws IOException {
        return mnistPngs(SAMPLES.resolve("mnist/test-images-idx3-ubyte.gz"), SAMPLES.resolve("mnist/test-labels-idx1-ubyte.gz"), dir, count);
    }

    /** Writes MNIST digits from IDX files as PNGs with the image module's codec (also used for the report runs). */
    static Path mnistPngs(Path images, Path labels, Path dir, int count) throws IOException {
        Tensor x = Idx.readImages(images);
        int[] y = Idx.readLabels(labels);
        int n = Math.min(count, y.length);
        for (int i = 0; i < n; i++) {
            float[] px = x.slice(i).data();
            byte[] b = new byte[px.length];
            for (int j = 0; j < px.length; j++) b[j] = (byte) Math.round(px[j]);
            Image img = Image.ofBytes(28, 28, 1, b);
            Path file = dir.resolve(Integer.toString(y[i])).resolve(String.format("%05d.png", i));
            Files.createDirectories(file.getParent());
            Files.write(file, ImageCodec.encode(img, "png"));
        }
        return dir;
    }

    /** The bundled photos in two class folders. */
    static Path photos(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(SAMPLES.resolve("images"))) {
            files = s.filter(p -> !p.getFileName().toString().equals("NOTICE")).sorted().toList();
        }
        for (int i = 0; i < files.size(); i++) {
            Path to = dir.resolve(i % 2 == 0 ? "even" : "odd").resolve(files.get(i).getFileName());
            Files.createDirectories(to.getParent());
            Files.copy(files.get(i), to);
        }
        return dir;
    }

    /** Writes a spec file. */
    static Path spec(Path file, String yaml) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, yaml);
        return file;
    }

    /** Every file of a folder (relative name to bytes), to compare two runs byte for byte. */
    static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
        }
        return out;
    }

    static List<String> names(Map<String, byte[]> files) {
        return new ArrayList<>(files.keySet());
    }
}
