package dev.cauce.core.scale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cauce.core.TransformSpec;
import dev.cauce.core.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** JSON files of scaler specs: {@code {"name": ..., "params": {...}}}. */
final class ScalerFiles {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ScalerFiles() { }

    static void save(TransformSpec spec, Path file) throws IOException {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", spec.name());
        doc.put("params", new TreeMap<>(spec.params()));
        byte[] json = MAPPER.writeValueAsBytes(doc);
        AtomicFiles.write(file, out -> out.write(json));
    }

    static Scaler load(Path file) throws IOException {
        Map<String, Object> doc;
        try {
            doc = MAPPER.readValue(Files.readAllBytes(file), new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not a saved scaler (invalid JSON: " + e.getOriginalMessage() + ")", e);
        }
        if (!(doc.get("name") instanceof String name) || !(doc.get("params") instanceof Map<?, ?> params)) {
            throw new IOException(file + ": not a saved scaler (needs \"name\" and \"params\")");
        }
        Map<String, Object> p = new LinkedHashMap<>();
        params.forEach((k, v) -> p.put(String.valueOf(k), v));
        try {
            return Scaler.fromSpec(TransformSpec.of(name, p));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
