package dev.cauce.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.cauce.core.ErrorPolicy;
import dev.cauce.core.TransformSpec;
import dev.cauce.core.spec.Names;
import dev.cauce.core.spec.SpecException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads pipeline spec files (YAML for {@code .yaml}/{@code .yml}, JSON otherwise) into a
 * {@link PipelineSpec}. Every error is one line starting with the key path, e.g.
 * {@code output.shardSize: 0 is out of range, allowed [1, 100000000]}.
 *
 * <p>A transform entry is either a bare name ({@code - read_image}) or a map
 * {@code {name: resize, params: {width: 32, height: 32}, children: [...]}}.
 */
public final class SpecFiles {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> TOP = List.of("source", "transforms", "fit", "output", "seed", "epoch", "onError");

    private SpecFiles() { }

    /** Reads and validates a spec file; relative paths in it are relative to its folder. */
    public static PipelineSpec read(Path file) throws IOException {
        return parse(tree(file), base(file));
    }

    /** The folder relative paths of a spec file are resolved against. */
    public static Path base(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    /** The parsed document of a spec file (maps, lists, numbers, strings, booleans). */
    public static Map<String, Object> tree(Path file) throws IOException {
        if (Files.isDirectory(file)) throw new IOException(file + ": is a folder, expected a spec file (.yaml, .yml or .json)");
        if (!Files.isRegularFile(file)) throw new IOException(file + ": spec file not found");
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper = name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON;
        Object doc;
        try {
            doc = mapper.readValue(file.toFile(), Object.class);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not valid " + (mapper == YAML ? "YAML" : "JSON") + ": " + oneLine(e.getOriginalMessage())
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")")
                    + (mapper == JSON && !name.endsWith(".json") ? "; a YAML spec must end in .yaml or .yml" : ""), e);
        }
        if (!(doc instanceof Map<?, ?> m)) throw new IOException(file + ": a spec must be a map with source, transforms and output");
        return stringKeys(m, "");
    }

    /**
     * A parser message on one line. SnakeYAML's span several: the problem, then indented lines that
     * quote the spec with a caret under the column; the location is reported separately, so only
     * the unindented problem lines are kept.
     */
    static String oneLine(String message) {
        if (message == null) return "unreadable";
        String kept = String.join(", ", message.lines().filter(l -> !l.isBlank() && !l.startsWith(" ")).map(String::strip).toList());
        return kept.isEmpty() ? message.strip().replaceAll("\\s+", " ") : kept;
    }

    /** The document as canonical JSON (sorted keys): what is shipped to Spark executors and fingerprinted. */
    public static String canonicalJson(Map<String, Object> tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a parsed spec back as JSON", e);
        }
    }

    /** Parses canonical JSON written by {@link #canonicalJson}. */
    public static Map<String, Object> fromJson(String json) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = JSON.readValue(json, Map.class);
            return m;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a spec: " + e.getOriginalMessage(), e);
        }
    }

    /** Validates a parsed document; relative paths are resolved against {@code base}. */
    public static PipelineSpec parse(Map<String, Object> doc, Path base) {
        checkKeys(doc, "", TOP);
        Map<String, Object> src = map(doc, "source", "");
        PipelineSpec.Source source = source(src, base);
        List<TransformSpec> transforms = transforms(required(doc, "transforms", ""), "transforms");
        List<PipelineSpec.Fit> fit = new ArrayList<>();
        if (doc.containsKey("fit")) {
            List<?> list = list(doc.get("fit"), "fit");
            for (int i = 0; i < list.size(); i++) {
                TransformSpec t = transform(list.get(i), "fit[" + i + "]");
                if (!FittedSteps.NAMES.contains(t.name())) {
                    List<String> close = Names.closeMatches(t.name(), FittedSteps.NAMES);
                    throw new SpecException("fit[" + i + "].name", "unknown estimator '" + t.name() + "'"
                            + (close.isEmpty() ? "" : " (did you mean " + String.join(", ", close) + "?)")
                            + "; known: " + String.join(", ", FittedSteps.NAMES));
                }
                fit.add(new PipelineSpec.Fit(t.name(), t.params()));
            }
        }
        PipelineSpec.Output output = output(map(doc, "output", ""), base);
        long seed = doc.containsKey("seed") ? integer(doc.get("seed"), "seed", Long.MIN_VALUE, Long.MAX_VALUE) : 0L;
        int epoch = doc.containsKey("epoch") ? (int) integer(doc.get("epoch"), "epoch", 0, Integer.MAX_VALUE) : 0;
        ErrorPolicy onError = doc.containsKey("onError")
                ? ErrorPolicy.valueOf(choice(doc.get("onError"), "onError", List.of("fail", "skip")).toUpperCase(Locale.ROOT))
                : ErrorPolicy.SKIP;
        PipelineSpec spec = new PipelineSpec(source, transforms, fit, output, seed, epoch, onError);
        FittedSteps.validate(spec);
        return spec;
    }

    // ------------------------------------------------------------------ sections

    private static PipelineSpec.Source source(Map<String, Object> m, Path base) {
        checkKeys(m, "source", List.of("folder", "glob", "tars", "labels", "extensions"));
        int given = (m.containsKey("folder") ? 1 : 0) + (m.containsKey("glob") ? 1 : 0) + (m.containsKey("tars") ? 1 : 0);
        if (given != 1) throw new SpecException("source", "needs exactly one of folder, glob or tars, got " + given);
        Path folder = m.containsKey("folder") ? base.resolve(string(m.get("folder"), "source.folder")).normalize() : null;
        String glob = m.containsKey("glob") ? string(m.get("glob"), "source.glob") : null;
        List<Path> tars = new ArrayList<>();
        if (m.containsKey("tars")) {
            List<?> l = list(m.get("tars"), "source.tars");
            if (l.isEmpty()) throw new SpecException("source.tars", "needs at least one tar file");
            for (int i = 0; i < l.size(); i++) tars.add(base.resolve(string(l.get(i), "source.tars[" + i + "]")).normalize());
        }
        PipelineSpec.LabelSource labels = PipelineSpec.LabelSource.NONE;
        Path csv = null;
        Object lab = m.get("labels");
        if (lab instanceof Map<?, ?> lm) {
            Map<String, Object> l = stringKeys(lm, "source.labels");
            checkKeys(l, "source.labels", List.of("csv"));
            csv = base.resolve(string(required(l, "csv", "source.labels"), "source.labels.csv")).normalize();
            labels = PipelineSpec.LabelSource.CSV;
        } else if (lab != null) {
            labels = PipelineSpec.LabelSource.valueOf(
                    choice(lab, "source.labels", List.of("none", "folders")).toUpperCase(Locale.ROOT));
        }
        if (labels == PipelineSpec.LabelSource.FOLDERS && glob != null) {
            throw new SpecException("source.labels", "'folders' needs source.folder or source.tars (a glob has no class folders); use {csv: FILE}");
        }
        List<String> ext = new ArrayList<>();
        if (m.containsKey("extensions")) {
            List<?> l = list(m.get("extensions"), "source.extensions");
            for (int i = 0; i < l.size(); i++) {
                String e = string(l.get(i), "source.extensions[" + i + "]").toLowerCase(Locale.ROOT);
                ext.add(e.startsWith(".") ? e.substring(1) : e);
            }
        }
        return new PipelineSpec.Source(folder, glob, tars, base, labels, csv, ext);
    }

    private static PipelineSpec.Output output(Map<String, Object> m, Path base) {
        checkKeys(m, "output", List.of("dir", "format", "shardSize", "compress", "compression"));
        Path dir = base.resolve(string(required(m, "dir", "output"), "output.dir")).normalize();
        PipelineSpec.Format format = m.containsKey("format")
                ? PipelineSpec.Format.valueOf(choice(m.get("format"), "output.format", List.of("npz", "npy", "wds", "parquet")).toUpperCase(Locale.ROOT))
                : PipelineSpec.Format.NPZ;
        int shardSize = m.containsKey("shardSize") ? (int) integer(m.get("shardSize"), "output.shardSize", 1, 100_000_000) : 1000;
        boolean compress = m.containsKey("compress") && bool(m.get("compress"), "output.compress");
        if (m.containsKey("compress") && format == PipelineSpec.Format.PARQUET) {
            throw new SpecException("output.compress", "applies to npz only; Parquet shards take compression: snappy | zstd | none");
        }
        PipelineSpec.Compression compression = PipelineSpec.Compression.SNAPPY;
        if (m.containsKey("compression")) {
            if (format != PipelineSpec.Format.PARQUET) {
                throw new SpecException("output.compression", "applies to format parquet only (npz shards take compress: true)");
            }
            compression = PipelineSpec.Compression.valueOf(
                    choice(m.get("compression"), "output.compression", List.of("snappy", "zstd", "none")).toUpperCase(Locale.ROOT));
        }
        return new PipelineSpec.Output(dir, format, shardSize, compress, compression);
    }

    static List<TransformSpec> transforms(Object value, String path) {
        List<?> list = list(value, path);
        if (list.isEmpty()) throw new SpecException(path, "needs at least one transform");
        List<TransformSpec> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) out.add(transform(list.get(i), path + "[" + i + "]"));
        return out;
    }

    static TransformSpec transform(Object entry, String path) {
        if (entry instanceof String name) return TransformSpec.of(name, Map.of());
        if (!(entry instanceof Map<?, ?> raw)) throw new SpecException(path, describe(entry) + " is not a transform (a name or {name, params, children})");
        Map<String, Object> m = stringKeys(raw, path);
        checkKeys(m, path, List.of("name", "params", "children"));
        String name = string(required(m, "name", path), path + ".name");
        Map<String, Object> params = m.containsKey("params") ? map(m, "params", path) : Map.of();
        List<TransformSpec> children = m.containsKey("children") ? transforms(m.get("children"), path + ".children") : List.of();
        return new TransformSpec(name, params, children);
    }

    /** A spec entry as written back to a file: {@code {name, params, children}} with sorted keys. */
    public static Map<String, Object> toTree(TransformSpec spec) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", spec.name());
        if (!spec.params().isEmpty()) m.put("params", new TreeMap<>(spec.params()));
        if (!spec.children().isEmpty()) m.put("children", spec.children().stream().map(SpecFiles::toTree).toList());
        return m;
    }

    // ------------------------------------------------------------------ typed access with key paths

    private static void checkKeys(Map<String, Object> m, String path, List<String> allowed) {
        for (String k : new TreeMap<>(m).keySet()) {
            if (!allowed.contains(k)) {
                List<String> close = Names.closeMatches(k, allowed);
                throw new SpecException(join(path, k), "unknown key"
                        + (close.isEmpty() ? "" : " (did you mean " + String.join(", ", close) + "?)") + ", allowed " + allowed);
            }
        }
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static Object required(Map<String, Object> m, String key, String path) {
        Object v = m.get(key);
        if (v == null) throw new SpecException(join(path, key), "missing (required)");
        return v;
    }

    private static Map<String, Object> map(Map<String, Object> m, String key, String path) {
        Object v = required(m, key, path);
        if (!(v instanceof Map<?, ?> raw)) throw new SpecException(join(path, key), describe(v) + " is not a map");
        return stringKeys(raw, join(path, key));
    }

    private static Map<String, Object> stringKeys(Map<?, ?> raw, String path) {
        Map<String, Object> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    private static List<?> list(Object v, String path) {
        if (v instanceof List<?> l) return l;
        throw new SpecException(path, describe(v) + " is not a list");
    }

    private static String string(Object v, String path) {
        if (v instanceof String s && !s.isBlank()) return s;
        throw new SpecException(path, describe(v) + " is not a non-empty string");
    }

    private static String choice(Object v, String path, List<String> allowed) {
        String s = v instanceof String str ? str.toLowerCase(Locale.ROOT) : null;
        if (s == null || !allowed.contains(s)) throw new SpecException(path, describe(v) + " is not allowed, allowed " + allowed);
        return s;
    }

    private static boolean bool(Object v, String path) {
        if (v instanceof Boolean b) return b;
        throw new SpecException(path, describe(v) + " is not a boolean, allowed true or false");
    }

    private static long integer(Object v, String path, long lo, long hi) {
        if (!(v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof java.math.BigInteger)) {
            throw new SpecException(path, describe(v) + " is not an integer");
        }
        if (v instanceof java.math.BigInteger) throw new SpecException(path, v + " is out of range, allowed [" + lo + ", " + hi + "]");
        long l = ((Number) v).longValue();
        if (l < lo || l > hi) throw new SpecException(path, l + " is out of range, allowed [" + lo + ", " + hi + "]");
        return l;
    }

    private static String describe(Object v) {
        return v instanceof String s ? "'" + s + "'" : String.valueOf(v);
    }
}
