package dev.cauce.preprocess.audio;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Test helper: the golden torchaudio arrays (little-endian float32 C-order .npy) and comparisons. */
final class Golden {
    private Golden() { }

    /** A float32 array with its shape. */
    record Arr(float[] data, int[] shape) { }

    static Path resource(String name) {
        try {
            return Path.of(Golden.class.getResource("/audio/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource /audio/" + name, e);
        }
    }

    /** Reads a '<f4' C-order .npy (the only kind the golden audio folder holds). */
    static Arr npy(String name) throws IOException {
        byte[] b;
        try (InputStream in = Golden.class.getResourceAsStream("/audio/golden/" + name)) {
            if (in == null) throw new IOException("missing golden " + name);
            b = in.readAllBytes();
        }
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int headerLen = bb.getShort(8) & 0xFFFF;
        String header = new String(b, 10, headerLen, StandardCharsets.ISO_8859_1);
        if (!header.contains("'<f4'") || header.contains("'fortran_order': True")) throw new IOException("unexpected header " + header);
        String shapeText = header.substring(header.indexOf("'shape': (") + 10, header.indexOf(')', header.indexOf("'shape'")));
        int[] shape = Arrays.stream(shapeText.split(",")).map(String::trim).filter(s -> !s.isEmpty()).mapToInt(Integer::parseInt).toArray();
        int n = 1;
        for (int d : shape) n *= d;
        float[] data = new float[n];
        bb.position(10 + headerLen);
        bb.asFloatBuffer().get(data);
        return new Arr(data, shape);
    }

    /** The golden manifest's tolerance for spectrogram-like values: |a-b| <= 1e-5*max(ref) + 1e-4*|ref|. */
    static void assertSpecClose(Arr ref, Spectrogram got, String what) {
        assertArrayEquals(ref.shape(), new int[] {got.bins(), got.frames()}, what + " shape");
        float max = 0;
        for (float v : ref.data()) max = Math.max(max, Math.abs(v));
        double worst = 0;
        for (int i = 0; i < ref.data().length; i++) {
            double tol = 1e-5 * max + 1e-4 * Math.abs(ref.data()[i]);
            double err = Math.abs(ref.data()[i] - got.data()[i]);
            worst = Math.max(worst, err / tol);
            if (err > tol) {
                fail(what + ": index " + i + " (bin " + i / got.frames() + ", frame " + i % got.frames() + ") torchaudio "
                        + ref.data()[i] + " vs " + got.data()[i]);
            }
        }
        assertTrue(worst <= 1.0, what + " worst error/tolerance " + worst);
    }

    /** Element-wise |a-b| <= tol. */
    static void assertAbsClose(float[] ref, float[] got, double tol, String what) {
        assertEquals(ref.length, got.length, what + " length");
        for (int i = 0; i < ref.length; i++) {
            if (Math.abs(ref[i] - got[i]) > tol) fail(what + ": index " + i + " torchaudio " + ref[i] + " vs " + got[i]);
        }
    }
}
