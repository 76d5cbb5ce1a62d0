package dev.cauce.preprocess.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/** Test helpers for the golden files copied into src/test/resources (see the NOTICE there). */
final class Golden {
    private Golden() { }

    static Path path(String name) {
        try {
            return Path.of(Golden.class.getResource("golden/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException("missing test resource golden/" + name, e);
        }
    }

    static byte[] bytes(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("golden/" + name)) {
            if (in == null) throw new IllegalStateException("missing test resource golden/" + name);
            return name.endsWith(".gz") ? new GZIPInputStream(in).readAllBytes() : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A little-endian C-order .npy of f8 or i8 values, as doubles; {@code shape} receives the shape. */
    record Npy(int[] shape, double[] data) { }

    static Npy npy(String name) {
        ByteBuffer b = ByteBuffer.wrap(bytes(name)).order(ByteOrder.LITTLE_ENDIAN);
        b.position(8);
        int hlen = b.getShort() & 0xffff;
        String header = new String(b.array(), 10, hlen, StandardCharsets.ISO_8859_1);
        b.position(10 + hlen);
        if (!header.contains("'fortran_order': False")) throw new IllegalStateException("C order expected: " + header);
        Matcher m = Pattern.compile("'shape': \\(([^)]*)\\)").matcher(header);
        if (!m.find()) throw new IllegalStateException(header);
        int[] shape = Arrays.stream(m.group(1).split(",")).map(String::strip).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
        int n = Arrays.stream(shape).reduce(1, (x, y) -> x * y);
        double[] d = new double[n];
        boolean isInt = header.contains("'<i8'");
        for (int i = 0; i < n; i++) d[i] = isInt ? b.getLong() : b.getDouble();
        return new Npy(shape, d);
    }
}
