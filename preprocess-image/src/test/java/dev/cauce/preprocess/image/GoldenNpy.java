package dev.cauce.preprocess.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test-only reader for the uint8 HWC golden .npy files (format 1.0, C order, '|u1'). */
record GoldenNpy(int[] shape, byte[] data) {

    static GoldenNpy load(String resource) {
        try (InputStream in = GoldenNpy.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalArgumentException("missing test resource " + resource);
            byte[] all = in.readAllBytes();
            int headerLen = (all[8] & 0xFF) | ((all[9] & 0xFF) << 8);
            String header = new String(all, 10, headerLen, StandardCharsets.ISO_8859_1);
            if (!header.contains("'|u1'") || header.contains("'fortran_order': True")) {
                throw new IllegalArgumentException(resource + ": expected a C-order uint8 array, header " + header);
            }
            Matcher m = Pattern.compile("'shape': \\(([^)]*)\\)").matcher(header);
            if (!m.find()) throw new IllegalArgumentException(resource + ": no shape in " + header);
            int[] shape = Arrays.stream(m.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                    .mapToInt(Integer::parseInt).toArray();
            return new GoldenNpy(shape, Arrays.copyOfRange(all, 10 + headerLen, all.length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The golden array as an RGB image (H x W x C). */
    Image image() {
        return Image.ofBytes(shape[1], shape[0], shape.length == 3 ? shape[2] : 1, data);
    }

    /** Largest absolute difference between two 8-bit images of one geometry. */
    static int maxAbsDiff(Image a, Image b) {
        if (a.width() != b.width() || a.height() != b.height() || a.channels() != b.channels()) {
            throw new AssertionError("geometry differs: " + a + " vs " + b);
        }
        byte[] x = a.toBytes();
        byte[] y = b.toBytes();
        int max = 0;
        for (int i = 0; i < x.length; i++) max = Math.max(max, Math.abs((x[i] & 0xFF) - (y[i] & 0xFF)));
        return max;
    }
}
