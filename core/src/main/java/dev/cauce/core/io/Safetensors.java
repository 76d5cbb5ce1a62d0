package dev.cauce.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes the <a href="https://github.com/huggingface/safetensors">safetensors</a> format
 * used by PyTorch and Hugging Face checkpoints:
 * an 8-byte little-endian header length N, N bytes of UTF-8 JSON
 * ({@code {"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, "__metadata__": {..}}}),
 * then the little-endian, C-order tensor bytes, offsets relative to the end of the header.
 *
 * <p>Reading supports {@code F64 F32 F16 BF16 I64 I32 I16 I8 U8 BOOL} (and the unsigned wider ones).
 * Writing accepts any of those too (checkpoints use F32 and I64); the header is padded with spaces
 * so the data starts at a multiple of 8 bytes, as the reference implementation does. Writes are
 * atomic ({@link AtomicFiles}).
 */
public final class Safetensors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String METADATA = "__metadata__";
    /** The reference implementation refuses headers above 100 MB; so do we. */
    private static final long MAX_HEADER_BYTES = 100_000_000L;

    private Safetensors() { }

    /** The tensors of a file in header order, and its free-form string metadata (possibly empty). */
    public record Contents(Map<String, NdArray> tensors, Map<String, String> metadata) {
        public Contents {
            tensors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
            metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        }
    }

    /** Reads every tensor and the metadata of a safetensors file. */
    public static Contents read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileSize = ch.size();
            ByteBuffer lenBuf = readFully(ch, 0, 8, file, "header length");
            long n = lenBuf.order(ByteOrder.LITTLE_ENDIAN).getLong(0);
            if (n < 2 || n > MAX_HEADER_BYTES || 8 + n > fileSize) {
                throw new IOException(file + ": bad safetensors header length " + n + " (file has " + fileSize + " bytes)");
            }
            String headerText = StandardCharsets.UTF_8.decode(readFully(ch, 8, (int) n, file, "header")).toString();
            JsonNode header;
            try {
                header = JSON.readTree(headerText);
            } catch (JsonProcessingException e) {
                throw new IOException(file + ": safetensors header is not valid JSON: " + e.getOriginalMessage(), e);
            }
            if (header == null || !header.isObject()) throw new IOException(file + ": safetensors header must be a JSON object");
            long dataStart = 8 + n;
            long dataSize = fileSize - dataStart;

            Map<String, String> metadata = new LinkedHashMap<>();
            Map<String, NdArray> tensors = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : header.properties()) {
                if (e.getKey().equals(METADATA)) {
                    for (Map.Entry<String, JsonNode> kv : e.getValue().properties()) {
                        if (!kv.getValue().isTextual()) {
                            throw new IOException(file + ": __metadata__ value of '" + kv.getKey() + "' must be a string");
                        }
                        metadata.put(kv.getKey(), kv.getValue().asText());
                    }
                    continue;
                }
                tensors.put(e.getKey(), readTensor(ch, file, e.getKey(), e.getValue(), dataStart, dataSize));
            }
            return new Contents(tensors, metadata);
        }
    }

    private static NdArray readTensor(FileChannel ch, Path file, String name, JsonNode info, long dataStart, long dataSize)
            throws IOException {
        String where = file + ": tensor '" + name + "'";
        String dtypeName = info.path("dtype").asText("");
        DType dtype = DType.fromSafetensors(dtypeName).orElseThrow(() -> new IOException(where
                + ": unsupported dtype '" + dtypeName + "' (Cauce reads F64 F32 F16 BF16 I64 I32 I16 I8 U64 U32 U16 U8 BOOL)"));
        JsonNode shapeNode = info.path("shape");
        JsonNode offsets = info.path("data_offsets");
        if (!shapeNode.isArray() || !offsets.isArray() || offsets.size() != 2) {
            throw new IOException(where + ": needs 'shape' (array) and 'data_offsets' ([begin, end])");
        }
        int[] shape = new int[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.canConvertToInt() || d.asInt() < 0) throw new IOException(where + ": bad dimension " + d + " in shape " + shapeNode);
            shape[i] = d.asInt();
        }
        long begin = offsets.get(0).asLong(-1);
        long end = offsets.get(1).asLong(-1);
        long expected;
        try {
            expected = NdArray.elementCount(shape) * dtype.size();
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": " + e.getMessage());
        }
        if (begin < 0 || end < begin || end - begin != expected) {
            throw new IOException(where + ": data_offsets [" + begin + ", " + end + "] do not hold " + expected
                    + " bytes for shape " + shapeNode + " of " + dtypeName);
        }
        if (end > dataSize) {
            throw new IOException(where + ": truncated file (expected " + end + " bytes of data, found " + dataSize + ")");
        }
        ByteBuffer buf = readFully(ch, dataStart + begin, (int) expected, file, "data of '" + name + "'");
        byte[] data = new byte[(int) expected];
        buf.get(data);
        return new NdArray(dtype, shape, data);
    }

    private static ByteBuffer readFully(FileChannel ch, long position, int length, Path file, String what) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            int r = ch.read(buf, position + buf.position());
            if (r < 0) {
                throw new IOException(file + ": truncated file (expected " + length + " bytes of " + what + ", found " + buf.position() + ")");
            }
        }
        return buf.flip();
    }

    /** Writes tensors without metadata. */
    public static void write(Path file, Map<String, NdArray> tensors) throws IOException {
        write(file, tensors, Map.of());
    }

    /**
     * Writes tensors and string metadata (omitted when empty) atomically. Tensors and metadata keys
     * are written in name order, so the bytes never depend on the maps' iteration order.
     *
     * @throws IllegalArgumentException for a tensor named {@code __metadata__} or an empty name
     */
    public static void write(Path file, Map<String, NdArray> tensorMap, Map<String, String> metadata) throws IOException {
        Map<String, NdArray> tensors = new TreeMap<>(tensorMap);
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject(METADATA);
            new TreeMap<>(metadata).forEach(meta::put);
        }
        long offset = 0;
        for (Map.Entry<String, NdArray> e : tensors.entrySet()) {
            if (e.getKey().isEmpty() || e.getKey().equals(METADATA)) {
                throw new IllegalArgumentException("safetensors tensor name must be non-empty and not " + METADATA + ", got '" + e.getKey() + "'");
            }
            NdArray a = e.getValue();
            ObjectNode info = header.putObject(e.getKey());
            info.put("dtype", a.dtype().safetensorsName());
            ArrayNode shape = info.putArray("shape");
            for (int d : a.shape()) shape.add(d);
            long size = a.rawData().length;
            info.putArray("data_offsets").add(offset).add(offset + size);
            offset += size;
        }
        byte[] json = JSON.writeValueAsBytes(header);
        int padded = (json.length + 7) / 8 * 8;
        byte[] head = new byte[8 + padded];
        ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
        System.arraycopy(json, 0, head, 8, json.length);
        for (int i = 8 + json.length; i < head.length; i++) head[i] = ' ';
        AtomicFiles.write(file, out -> {
            out.write(head);
            for (NdArray a : tensors.values()) out.write(a.rawData());
        });
    }
}
