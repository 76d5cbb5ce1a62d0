package dev.cauce.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cauce.core.TransformSpec;
import dev.cauce.core.io.AtomicFiles;
import dev.cauce.core.scale.Scaler;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The output folder of a run and its bookkeeping, shared by both engines:
 * <ul>
 *   <li>{@code run.json}: the spec's fingerprint; a rerun into the folder must continue the same job;</li>
 *   <li>{@code fitted.json}: the fitted steps, saved once, so a resumed run does not refit;</li>
 *   <li>{@code journal.jsonl}: one line per finished shard, appended after the shard's files were
 *       renamed into place; what a rerun after a crash or Ctrl-C skips;</li>
 *   <li>{@code manifest.json}: written when every shard is done (then the journal is removed):
 *       classes, every shard's inputs and every failed input, sorted, so two runs of one spec give
 *       the same bytes whatever the engine, thread count or interruptions.</li>
 * </ul>
 * A crash between a shard's rename and its journal line only means the shard is written again,
 * with the same bytes; a crash while writing leaves a temporary file that {@link #open} removes.
 */
public final class RunDirectory {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final ObjectMapper PRETTY = JSON.copy().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    private RunDirectory(Path dir) {
        this.dir = dir;
    }

    /** Opens (creating it when needed) the output folder of {@code p}, checking it holds no other job. */
    public static RunDirectory open(Pipeline p, InputList inputs) throws IOException {
        Path dir = p.spec().output().dir();
        Files.createDirectories(dir);
        try (Stream<Path> s = Files.list(dir)) {
            for (Path stray : s.filter(f -> f.getFileName().toString().startsWith(".") && f.getFileName().toString().endsWith(".tmp")).toList()) {
                Files.deleteIfExists(stray); // left by a run killed while writing
            }
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("fingerprint", p.fingerprint());
        run.put("inputs", inputs.size());
        run.put("classes", inputs.classes());
        Path runFile = dir.resolve("run.json");
        byte[] bytes = PRETTY.writeValueAsBytes(run);
        if (Files.exists(runFile)) {
            if (!java.util.Arrays.equals(Files.readAllBytes(runFile), bytes)) {
                throw new IOException(dir + ": output.dir holds a different run (another spec or other inputs); "
                        + "delete it or choose another output.dir");
            }
        } else {
            AtomicFiles.write(runFile, out -> out.write(bytes));
        }
        return new RunDirectory(dir);
    }

    public Path dir() {
        return dir;
    }

    /** The fitted steps of an earlier (interrupted) run of this job, if it got that far. */
    public Optional<List<Scaler>> fitted() throws IOException {
        Path f = dir.resolve("fitted.json");
        if (!Files.exists(f)) return Optional.empty();
        List<Scaler> out = new ArrayList<>();
        for (Object o : JSON.readValue(f.toFile(), List.class)) {
            Map<?, ?> m = (Map<?, ?>) o;
            Map<String, Object> params = new LinkedHashMap<>();
            ((Map<?, ?>) m.get("params")).forEach((k, v) -> params.put(String.valueOf(k), v));
            out.add(Scaler.fromSpec(TransformSpec.of(String.valueOf(m.get("name")), params)));
        }
        return Optional.of(out);
    }

    /** Saves the fitted steps (doubles in shortest round-trip form: reloading gives the same bits). */
    public void saveFitted(List<Scaler> fitted) throws IOException {
        List<Map<String, Object>> list = fitted.stream().map(s -> SpecFiles.toTree(s.spec())).toList();
        byte[] bytes = PRETTY.writeValueAsBytes(list);
        AtomicFiles.write(dir.resolve("fitted.json"), out -> out.write(bytes));
    }

    /** Shards already finished: from the manifest of a complete run, else from the journal. */
    public Map<Integer, ShardResult> done() throws IOException {
        Map<Integer, ShardResult> out = new TreeMap<>();
        Path manifest = dir.resolve("manifest.json");
        List<Map<String, Object>> entries = new ArrayList<>();
        if (Files.exists(manifest)) {
            Map<?, ?> m = JSON.readValue(manifest.toFile(), Map.class);
            for (Object o : (List<?>) m.get("shards")) entries.add(cast(o));
        } else if (Files.exists(dir.resolve("journal.jsonl"))) {
            for (String line : Files.readAllLines(dir.resolve("journal.jsonl"), StandardCharsets.UTF_8)) {
                try {
                    entries.add(cast(JSON.readValue(line, Map.class)));
                } catch (JsonProcessingException e) {
                    // A line cut short by a crash: that shard is simply done again.
                }
            }
        }
        for (Map<String, Object> e : entries) {
            ShardResult r = fromTree(e);
            if (r.files().stream().allMatch(f -> Files.isRegularFile(dir.resolve(f)))) out.put(r.shard(), r);
        }
        return out;
    }

    /** Records a finished shard (after its files were renamed into place). Thread-safe. */
    public synchronized void append(ShardResult r) throws IOException {
        byte[] line = (JSON.writeValueAsString(toTree(r)) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileOutputStream out = new FileOutputStream(dir.resolve("journal.jsonl").toFile(), true)) {
            out.write(line);
            out.getFD().sync();
        }
    }

    /** Writes the manifest of the complete run and removes the journal. */
    public void finish(InputList inputs, Collection<ShardResult> shards) throws IOException {
        List<ShardResult> sorted = shards.stream().sorted(Comparator.comparingInt(ShardResult::shard)).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("classes", inputs.classes());
        m.put("inputs", inputs.size());
        m.put("written", sorted.stream().mapToInt(r -> r.inputs().size()).sum());
        m.put("failed", sorted.stream().mapToInt(r -> r.failed().size()).sum());
        m.put("shards", sorted.stream().map(RunDirectory::toTree).toList());
        byte[] bytes = PRETTY.writeValueAsBytes(m);
        AtomicFiles.write(dir.resolve("manifest.json"), out -> out.write(bytes));
        Files.deleteIfExists(dir.resolve("journal.jsonl"));
    }

    private static Map<String, Object> toTree(ShardResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shard", r.shard());
        m.put("files", r.files());
        m.put("inputs", r.inputs());
        m.put("failed", r.failed().stream().map(f -> Map.of("input", f.input(), "problem", f.problem())).toList());
        return m;
    }

    private static ShardResult fromTree(Map<String, Object> m) {
        List<ShardResult.Failure> failed = new ArrayList<>();
        for (Object o : (List<?>) m.get("failed")) {
            Map<String, Object> f = cast(o);
            failed.add(new ShardResult.Failure((String) f.get("input"), (String) f.get("problem")));
        }
        return new ShardResult(((Number) m.get("shard")).intValue(), strings(m.get("files")), strings(m.get("inputs")), failed);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    private static List<String> strings(Object o) {
        return ((List<?>) o).stream().map(String::valueOf).toList();
    }
}
