package dev.cauce.core.io;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cauce.core.Tensor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NumPy itself loads what Cauce writes (NPY, NPZ stored and deflated, and safetensors parsed with
 * json + numpy.frombuffer), with the same dtypes, shapes and values, and {@code numpy.save} of
 * the loaded array gives our bytes exactly. Skipped (not failed) where python3 with NumPy is absent.
 */
class NumpyInteropTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private static final String SCRIPT = """
            import io, json, struct, sys, zipfile
            import numpy as np
            d = sys.argv[1]
            out = {}
            def describe(a):
                buf = io.BytesIO(); np.save(buf, a)
                return {"dtype": a.dtype.str, "shape": list(a.shape), "values": a.ravel().tolist(), "numpy_bytes": buf.getvalue()}
            for name in sorted(n for n in __import__("os").listdir(d)):
                p = d + "/" + name
                if name.endswith(".npy"):
                    a = np.load(p)
                    r = describe(a); r["same_bytes"] = r.pop("numpy_bytes") == open(p, "rb").read()
                    out[name] = r
                elif name.endswith(".npz"):
                    with np.load(p) as z:
                        for k in z.files:
                            r = describe(z[k]); r.pop("numpy_bytes"); out[name + "/" + k] = r
                    out[name + "/methods"] = sorted({i.compress_type for i in zipfile.ZipFile(p).infolist()})
                elif name.endswith(".safetensors"):
                    b = open(p, "rb").read()
                    n, = struct.unpack("<Q", b[:8])
                    h = json.loads(b[8:8 + n])
                    out[name + "/__metadata__"] = h.pop("__metadata__", {})
                    out[name + "/aligned"] = (8 + n) % 8 == 0
                    types = {"F32": "<f4", "I64": "<i8", "F64": "<f8", "I32": "<i4", "U8": "|u1"}
                    for k, v in h.items():
                        s, e = v["data_offsets"]
                        a = np.frombuffer(b[8 + n + s:8 + n + e], dtype=types[v["dtype"]]).reshape(v["shape"])
                        r = describe(a); r.pop("numpy_bytes"); out[name + "/" + k] = r
            print(json.dumps(out))
            """;

    @Test
    void numpyLoadsWhatCauceWrites(@TempDir Path tmp) throws Exception {
        assumeTrue(numpyAvailable(), "python3 with numpy not found; interop check skipped");
        Map<String, NdArray> npy = new LinkedHashMap<>();
        float[] f = new float[12];
        for (int i = 0; i < 12; i++) f[i] = i * 1.25f - 3.5f;
        npy.put("tensor_f4.npy", NdArray.of(Tensor.of(f, 3, 4)));
        npy.put("f8.npy", NdArray.ofDoubles(new double[] {0.1, -0.0, 1e300, Double.MIN_VALUE, 2.5, -7}, 2, 3));
        npy.put("labels_i8.npy", NdArray.ofLongs(new long[] {Long.MIN_VALUE, 0, 9, Long.MAX_VALUE}, 4));
        npy.put("i4.npy", NdArray.ofInts(new int[] {Integer.MIN_VALUE, -1, 5, Integer.MAX_VALUE}, 2, 1, 2));
        npy.put("labels_u1.npy", NdArray.ofUnsignedBytes(new byte[] {0, 9, (byte) 255}, 3));
        npy.put("scalar.npy", NdArray.ofFloats(new float[] {-1.5f}));
        npy.put("empty.npy", NdArray.ofFloats(new float[0], 0, 5));
        // (No 2.0-header file here: with NumPy's limit of 32 dimensions a plain dtype never needs one.)
        for (var e : npy.entrySet()) Npy.write(tmp.resolve(e.getKey()), e.getValue());

        Map<String, NdArray> pair = new LinkedHashMap<>();
        pair.put("x", npy.get("tensor_f4.npy"));
        pair.put("y", npy.get("labels_i8.npy"));
        Npz.write(tmp.resolve("stored.npz"), pair);
        Npz.writeCompressed(tmp.resolve("deflated.npz"), pair);
        Safetensors.write(tmp.resolve("ckpt.safetensors"), pair, Map.of("epoch", "3"));

        JsonNode out = runNumpy(tmp);
        for (var e : npy.entrySet()) {
            JsonNode r = out.get(e.getKey());
            assertSame(e.getKey(), e.getValue(), r);
            assertTrue(r.get("same_bytes").asBoolean(), e.getKey() + ": numpy.save writes different bytes");
        }
        for (String file : new String[] {"stored.npz", "deflated.npz", "ckpt.safetensors"}) {
            for (var e : pair.entrySet()) assertSame(file, e.getValue(), out.get(file + "/" + e.getKey()));
        }
        assertEquals("[0]", out.get("stored.npz/methods").toString());
        assertEquals("[8]", out.get("deflated.npz/methods").toString());
        assertEquals("{\"epoch\":\"3\"}", out.get("ckpt.safetensors/__metadata__").toString());
        assertTrue(out.get("ckpt.safetensors/aligned").asBoolean());
    }

    private static void assertSame(String what, NdArray expected, JsonNode r) {
        assertNotNull(r, what + " missing from NumPy's output");
        assertEquals(expected.dtype().npyDescr(), r.get("dtype").asText(), what);
        assertEquals(Arrays.toString(expected.shape()).replace(" ", ""), r.get("shape").toString(), what);
        JsonNode values = r.get("values");
        assertEquals(expected.size(), values.size(), what);
        for (int i = 0; i < expected.size(); i++) {
            if (expected.dtype().isFloat()) {
                assertEquals(Double.doubleToLongBits(expected.getDouble(i)), Double.doubleToLongBits(values.get(i).asDouble()), what + "[" + i + "]");
            } else {
                assertEquals(expected.getLong(i), values.get(i).asLong(), what + "[" + i + "]");
            }
        }
    }

    static boolean numpyAvailable() {
        if (!Files.isExecutable(PYTHON)) return false;
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import numpy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static JsonNode runNumpy(Path dir) throws Exception {
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", SCRIPT, dir.toString()).start();
        byte[] stdout = p.getInputStream().readAllBytes();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python timed out");
        assertEquals(0, p.exitValue(), "python failed: " + stderr);
        return new ObjectMapper().readTree(stdout);
    }
}
