package dev.cauce.core.io;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cauce.core.Tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every file NumPy wrote in golden/npy is read with the manifest's dtype, shape and values; our writer reproduces NumPy's bytes. */
class NpyGoldenTest {
    private static final Path DIR = TestResources.path("golden/npy");
    private static final JsonNode FILES = TestResources.json("golden/npy/manifest.json").get("files");

    @Test
    void everyFileInTheFolderIsInTheManifestAndReads() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(DIR)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".npy") || n.endsWith(".npz")).sorted().forEach(names::add);
        }
        assertEquals(FILES.size(), names.size(), "every manifest entry is a file here: " + names);
        for (String name : names) {
            assertTrue(FILES.has(name), name + " not in manifest");
            if (name.endsWith(".npz")) assertEquals(2, Npz.read(DIR.resolve(name)).size(), name);
            else checkAgainstManifest(name, Npy.read(DIR.resolve(name)));
        }
    }

    private static void checkAgainstManifest(String name, NdArray a) {
        JsonNode m = FILES.get(name);
        String descr = m.get("dtype").asText();
        assertEquals(Npy.parseDescr(descr).orElseThrow(), a.dtype(), name);
        int[] shape = new int[m.get("shape").size()];
        for (int i = 0; i < shape.length; i++) shape[i] = m.get("shape").get(i).asInt();
        assertArrayEquals(shape, a.shape(), name);
        for (JsonNode sv : m.get("sample_values")) {
            int flat = 0;
            for (int d = 0; d < shape.length; d++) flat = flat * shape[d] + sv.get("index").get(d).asInt();
            JsonNode v = sv.get("value");
            if (v.isBoolean()) {
                assertEquals(v.asBoolean() ? 1 : 0, a.getLong(flat), name);
            } else if (v.isIntegralNumber()) {
                assertEquals(v.asLong(), a.getLong(flat), name + " at " + flat);
            } else {
                double expected = v.isTextual() ? Double.parseDouble(v.asText()) : v.asDouble();
                // Bit-exact, so -0.0 and NaN are checked too.
                assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(a.getDouble(flat)), name + " at " + flat);
            }
        }
        // C-order element bytes equal numpy.ascontiguousarray(a).tobytes(); for '>f4' those bytes are big-endian.
        byte[] bytes = a.data();
        if (descr.startsWith(">")) Layouts.swapBytes(bytes, a.dtype().size());
        assertEquals(m.get("sha256_c_order_native_dtype_bytes").asText(), TestResources.sha256(bytes), name);
    }

    @Test
    void writerReproducesNumpyBytesExactly() throws IOException {
        int checked = 0;
        for (var it = FILES.properties().iterator(); it.hasNext(); ) {
            var e = it.next();
            String name = e.getKey();
            JsonNode m = e.getValue();
            if (!name.endsWith(".npy") || m.get("fortran_order").asBoolean() || m.get("dtype").asText().startsWith(">")) continue;
            byte[] ours = Npy.toBytes(Npy.read(DIR.resolve(name)));
            assertEquals(m.get("sha256_file").asText(), TestResources.sha256(ours), name);
            assertEquals(m.get("header").asText(), new String(ours, 10, m.get("header_len_field").asInt(), "ISO-8859-1"), name);
            checked++;
        }
        assertEquals(10, checked);
    }

    @Test
    void fortranOrderIsReorderedToC() throws IOException {
        NdArray f = Npy.read(DIR.resolve("f4_3x4_fortran.npy"));
        NdArray c = Npy.read(DIR.resolve("f4_3x4_c.npy"));
        assertEquals(c, f);
        // a[i,j] = (4i+j)*1.25 - 3.5 (manifest "what")
        Tensor t = f.toTensor();
        for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) assertEquals((4 * i + j) * 1.25f - 3.5f, t.get(i, j));
        assertArrayEquals(Files.readAllBytes(DIR.resolve("f4_3x4_c.npy")), Npy.toBytes(f));
    }

    @Test
    void bigEndianIsConvertedAndWrittenLittleEndian() throws IOException {
        NdArray be = Npy.read(DIR.resolve("f4be_2x2.npy"));
        assertArrayEquals(new float[] {1f, -2.5f, 3.25f, 1e-3f}, be.toFloats());
        assertEquals("<f4", be.dtype().npyDescr());
    }

    @Test
    void scalarEmptyAndExactWideValues() throws IOException {
        NdArray scalar = Npy.read(DIR.resolve("f4_scalar.npy"));
        assertEquals(0, scalar.rank());
        assertEquals(1, scalar.size());
        assertEquals(-1.5, scalar.getDouble(0));
        NdArray empty = Npy.read(DIR.resolve("f4_empty_0x5.npy"));
        assertArrayEquals(new int[] {0, 5}, empty.shape());
        assertEquals(0, empty.toTensor().size());
        NdArray f8 = Npy.read(DIR.resolve("f8_2x3x4.npy"));
        double[] d = f8.toDoubles();
        for (int i = 0; i < 24; i++) assertEquals(i / 8.0 + 0.1, d[i]); // (12i+4j+k)/8 + 0.1, exact in float64
        NdArray u1 = Npy.read(DIR.resolve("u1_28x28.npy"));
        assertEquals(DType.UINT8, u1.dtype());
    }

    @Test
    void npzFromSavezAndSavezCompressed() throws IOException {
        NdArray a = Npy.read(DIR.resolve("f4_3x4_c.npy"));
        NdArray b = Npy.read(DIR.resolve("i8_5.npy"));
        for (String name : List.of("two.npz", "two_compressed.npz")) {
            Map<String, NdArray> m = Npz.read(DIR.resolve(name));
            assertEquals(List.of("a", "b"), List.copyOf(m.keySet()), name);
            assertEquals(a, m.get("a"), name);
            assertEquals(b, m.get("b"), name);
        }
    }

    @Test
    void npzWrittenByUsReadsBackWithNumpysMemberBytes(@TempDir Path tmp) throws IOException {
        Map<String, NdArray> arrays = Npz.read(DIR.resolve("two.npz"));
        Path stored = tmp.resolve("ours.npz");
        Path deflated = tmp.resolve("ours_compressed.npz");
        Npz.write(stored, arrays);
        Npz.writeCompressed(deflated, arrays);
        for (Path p : List.of(stored, deflated)) {
            Map<String, NdArray> back = Npz.read(p);
            assertEquals(arrays, back);
            JsonNode members = FILES.get("two.npz").get("members");
            try (var zip = new java.util.zip.ZipFile(p.toFile())) {
                for (JsonNode member : members) {
                    var entry = zip.getEntry(member.get("name").asText());
                    assertEquals(p == stored ? java.util.zip.ZipEntry.STORED : java.util.zip.ZipEntry.DEFLATED, entry.getMethod());
                    assertEquals(member.get("sha256_member_npy_bytes").asText(),
                            TestResources.sha256(zip.getInputStream(entry).readAllBytes()));
                }
            }
        }
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(2, s.count(), "no temporary files left behind");
        }
    }
}
