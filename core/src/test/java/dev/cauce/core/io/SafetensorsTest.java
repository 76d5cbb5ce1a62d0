package dev.cauce.core.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {

    @Test
    void roundTripWithMetadataAndAlignedHeader(@TempDir Path tmp) throws IOException {
        Map<String, NdArray> tensors = new LinkedHashMap<>();
        tensors.put("dense1.weight", NdArray.ofFloats(new float[] {0.5f, -1f, 2f, 3e-8f, Float.MAX_VALUE, -0f}, 2, 3));
        tensors.put("step", NdArray.ofLongs(new long[] {1234567890123L}));
        tensors.put("counts", NdArray.ofLongs(new long[] {1, 2, 3}, 3));
        tensors.put("empty", NdArray.ofFloats(new float[0], 0, 4));
        Map<String, String> meta = Map.of("format", "pt", "epoch", "7");
        Path p = tmp.resolve("ckpt.safetensors");
        Safetensors.write(p, tensors, meta);

        byte[] bytes = Files.readAllBytes(p);
        long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, n % 8, "header padded to 8 bytes");
        String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
        assertTrue(header.startsWith("{\"__metadata__\":{\"epoch\":\"7\",\"format\":\"pt\"},\"counts\":"), header);
        assertTrue(header.contains("\"dense1.weight\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[24,48]}"), header);
        assertEquals(8 + n + 24 + 8 + 24, bytes.length);

        Safetensors.Contents back = Safetensors.read(p);
        assertEquals(tensors, back.tensors());
        assertEquals(List.of("counts", "dense1.weight", "empty", "step"), List.copyOf(back.tensors().keySet()), "name order");
        assertEquals(meta, back.metadata());
    }

    @Test
    void readsHalfBfloatAndIntegerTypesFromSpecBytes(@TempDir Path tmp) throws IOException {
        // Built by hand from the format description: F16 1.0 = 0x3C00, -2.0 = 0xC000; BF16 1.0 = 0x3F80, -2.0 = 0xC000.
        String json = "{\"h\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[4,8]},"
                + "\"u\":{\"dtype\":\"U8\",\"shape\":[2],\"data_offsets\":[8,10]},"
                + "\"i\":{\"dtype\":\"I32\",\"shape\":[1],\"data_offsets\":[10,14]},"
                + "\"d\":{\"dtype\":\"F64\",\"shape\":[],\"data_offsets\":[14,22]}}";
        ByteBuffer data = ByteBuffer.allocate(22).order(ByteOrder.LITTLE_ENDIAN);
        data.putShort((short) 0x3C00).putShort((short) 0xC000).putShort((short) 0x3F80).putShort((short) 0xC000)
                .put((byte) 7).put((byte) 250).putInt(-5).putDouble(0.1);
        Path p = tmp.resolve("spec.safetensors");
        Files.write(p, file(json, data.array()));
        Map<String, NdArray> t = Safetensors.read(p).tensors();
        assertArrayEquals(new float[] {1f, -2f}, t.get("h").toFloats());
        assertArrayEquals(new float[] {1f, -2f}, t.get("b").toFloats());
        assertEquals(DType.BFLOAT16, t.get("b").dtype());
        assertArrayEquals(new int[] {7, 250}, t.get("u").toInts());
        assertArrayEquals(new long[] {-5}, t.get("i").toLongs());
        assertEquals(0, t.get("d").rank());
        assertEquals(0.1, t.get("d").getDouble(0));
    }

    @Test
    void badFilesNameTheFileAndTheProblem(@TempDir Path tmp) throws IOException {
        Path complex = tmp.resolve("complex.safetensors");
        Files.write(complex, file("{\"z\":{\"dtype\":\"C64\",\"shape\":[1],\"data_offsets\":[0,8]}}", new byte[8]));
        IOException e = assertThrows(IOException.class, () -> Safetensors.read(complex));
        assertTrue(e.getMessage().startsWith(complex + ": tensor 'z': unsupported dtype 'C64'"), e.getMessage());

        Path good = tmp.resolve("good.safetensors");
        Safetensors.write(good, Map.of("w", NdArray.ofFloats(new float[] {1, 2, 3, 4}, 4)));
        byte[] bytes = Files.readAllBytes(good);
        Path cut = tmp.resolve("cut.safetensors");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length - 3));
        e = assertThrows(IOException.class, () -> Safetensors.read(cut));
        assertEquals(cut + ": tensor 'w': truncated file (expected 16 bytes of data, found 13)", e.getMessage());

        Path offsets = tmp.resolve("offsets.safetensors");
        Files.write(offsets, file("{\"w\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}", new byte[8]));
        e = assertThrows(IOException.class, () -> Safetensors.read(offsets));
        assertEquals(offsets + ": tensor 'w': data_offsets [0, 4] do not hold 8 bytes for shape [2] of F32", e.getMessage());

        Path notJson = tmp.resolve("notjson.safetensors");
        Files.write(notJson, file("{\"w\": [", new byte[0]));
        e = assertThrows(IOException.class, () -> Safetensors.read(notJson));
        assertTrue(e.getMessage().startsWith(notJson + ": safetensors header is not valid JSON"), e.getMessage());

        assertThrows(IllegalArgumentException.class,
                () -> Safetensors.write(tmp.resolve("x.safetensors"), Map.of("__metadata__", NdArray.ofInts(new int[] {1}, 1))));
    }

    private static byte[] file(String json, byte[] data) {
        byte[] h = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        return b.putLong(h.length).put(h).put(data).array();
    }
}
