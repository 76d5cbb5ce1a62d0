package dev.cauce.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cauce.core.TransformSpec;
import dev.cauce.core.io.AtomicFiles;
import dev.cauce.core.spec.SpecException;
import dev.cauce.core.scale.Scaler;

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
 *   <li>{@code _run.json}: the spec's fingerprint; a rerun into the folder must continue the same job;</li>
 *   <li>{@code _fitted.json}: the fitted steps, saved once, so a resumed run does not refit;</li>
 *   <li>{@code _journal/shard-NNNNN.json}: one small file per finished shard, written (atomically)
 *       after the shard's files were renamed into place; what a rerun after a crash or Ctrl-C skips.
 *       One file per shard rather than one appended log, so local threads and Spark executors on a
 *       shared file system record their shards without any locking;</li>
 *   <li>{@code _manifest.json}: written when every shard is done (then the journal is removed):
 *       classes, every shard's inputs and every failed input, sorted, so two runs of one spec give
 *       the same bytes whatever the engine, thread count or interruptions.</li>
 * </ul>
 * Their names start with '_' (temporary files with '.'), the names Spark, pyarrow/pandas and Hadoop
 * tools skip when they read a folder, so {@code spark.read.parquet(dir)} or {@code pandas.read_parquet(dir)}
 * sees the Parquet shards only.
 * A crash between a shard's rename and its journal line only means the shard is written again,
 * with the same bytes; a crash while writing leaves a temporary file that {@link #open} removes.
 */
public final class RunDirectory {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final ObjectMapper PRETTY = JSON.copy().enable(SerializationFeature.INDENT_OUTPUT);

    static final String RUN = "_run.json";
    static final String FITTED = "_fitted.json";
    static final String MANIFEST = "_manifest.json";
    static final String JOURNAL = "_journal";

    private final Path dir;

    private RunDirectory(Path dir) {
        this.dir = dir;
    }

    /** Opens (creating it when needed) the output folder of {@code p}, checking it holds no other job. */
    public static RunDirectory open(Pipeline p, InputList inputs) throws IOException {
        Path dir = p.spec().output().dir();
        checkCanBeAFolder(dir);
        Files.createDirectories(dir);
        removeStrayTemporaries(dir);
        removeStrayTemporaries(dir.resolve(JOURNAL));
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("fingerprint", p.fingerprint());
        run.put("inputs", inputs.size());
        run.put("classes", inputs.classes());
        Path runFile = dir.resolve(RUN);
        byte[] bytes = PRETTY.writeValueAsBytes(run);
        if (Files.exists(runFile)) {
            if (!java.util.Arrays.equals(Files.readAllBytes(runFile), bytes)) {
                // the spec points at a folder it cannot use: the user's choice to make (exit 2), not a failed read
                throw new SpecException("output.dir", dir + " holds a different run (" + difference(runFile, run) + "); "
                        + "set output.dir to a new folder, or remove " + dir + " to write this run there");
            }
        } else {
            AtomicFiles.write(runFile, out -> out.write(bytes));
        }
        return new RunDirectory(dir);
    }

    /**
     * What differs between the run recorded in {@code runFile} and this one, so that, say, an input
     * removed after an 'onError: fail' stop is recognisable as such rather than as another spec.
     */
    private static String difference(Path runFile, Map<String, Object> now) {
        Map<?, ?> before;
        try {
            before = JSON.readValue(runFile.toFile(), Map.class);
        } catch (IOException e) {
            return runFile.getFileName() + " is unreadable";
        }
        List<String> what = new ArrayList<>();
        if (!String.valueOf(now.get("fingerprint")).equals(String.valueOf(before.get("fingerprint")))) what.add("another spec");
        if (!String.valueOf(now.get("inputs")).equals(String.valueOf(before.get("inputs")))) {
            what.add(before.get("inputs") + " inputs then, " + now.get("inputs") + " now");
        }
        if (!String.valueOf(now.get("classes")).equals(String.valueOf(before.get("classes")))) {
            what.add("classes " + before.get("classes") + " then, " + now.get("classes") + " now");
        }
        return what.isEmpty() ? "another spec or other inputs" : String.join(", ", what);
    }

    /**
     * A file where output.dir (or one of the folders above it) should be is a mistake in the spec,
     * reported with its key; Files.createDirectories would only say 'already exists' or 'Not a directory'.
     */
    private static void checkCanBeAFolder(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p)) return;
            if (Files.exists(p)) {
                throw new SpecException("output.dir", p.equals(dir) ? dir + " is a file, not a folder"
                        : "cannot create " + dir + ": " + p + " is a file, not a folder");
            }
        }
    }

    /**
     * Removes temporary files a run killed in the middle of a write left behind. A temporary file
     * whose writer (the process id in its name, see AtomicFiles) is still alive belongs to a run
     * going on right now, e.g. the same command started twice, and is left alone: deleting it
     * would make that run's rename fail.
     */
    private static void removeStrayTemporaries(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) return;
        try (Stream<Path> s = Files.list(folder)) {
            for (Path f : s.toList()) {
                String n = f.getFileName().toString();
                if (n.startsWith(".") && n.endsWith(".tmp") && !writerAlive(n)) Files.deleteIfExists(f);
            }
        }
    }

    /** Whether the process named in {@code .NAME.PID.THREAD.tmp} is running. */
    static boolean writerAlive(String tmpName) {
        String[] parts = tmpName.split("\\.");
        if (parts.length < 4) return false;
        try {
            return ProcessHandle.of(Long.parseLong(parts[parts.length - 3])).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The fitted steps as JSON (what {@code _fitted.json} holds), e.g. to ship them to Spark executors. */
    public static String fittedJson(List<Scaler> fitted) {
        try {
            return PRETTY.writeValueAsString(fitted.stream().map(s -> SpecFiles.toTree(s.spec())).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write fitted steps as JSON", e);
        }
    }

    /** Fitted steps from {@link #fittedJson}. */
    public static List<Scaler> fittedFromJson(String json) {
        try {
            List<Scaler> out = new ArrayList<>();
            for (Object o : JSON.readValue(json, List.class)) {
                Map<?, ?> m = (Map<?, ?>) o;
                Map<String, Object> params = new LinkedHashMap<>();
                Object p = m.get("params");
                if (p instanceof Map<?, ?> pm) pm.forEach((k, v) -> params.put(String.valueOf(k), v));
                out.add(Scaler.fromSpec(TransformSpec.of(String.valueOf(m.get("name")), params)));
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a list of fitted steps: " + e.getOriginalMessage(), e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** The fitted steps of an earlier (interrupted) run of this job, if it got that far. */
    public Optional<List<Scaler>> fitted() throws IOException {
        Path f = dir.resolve(FITTED);
        if (!Files.exists(f)) return Optional.empty();
        return Optional.of(fittedFromJson(Files.readString(f)));
    }

    /** Saves the fitted steps (doubles in shortest round-trip form: reloading gives the same bits). */
    public void saveFitted(List<Scaler> fitted) throws IOException {
        byte[] bytes = fittedJson(fitted).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(dir.resolve(FITTED), out -> out.write(bytes));
    }

    /** Shards already finished: from the manifest of a complete run, else from the journal. */
    public Map<Integer, ShardResult> done() throws IOException {
        Map<Integer, ShardResult> out = new TreeMap<>();
        Path manifest = dir.resolve(MANIFEST);
        List<Map<String, Object>> entries = new ArrayList<>();
        if (Files.exists(manifest)) {
            Map<?, ?> m = JSON.readValue(manifest.toFile(), Map.class);
            for (Object o : (List<?>) m.get("shards")) entries.add(cast(o));
        } else if (Files.isDirectory(journal())) {
            try (Stream<Path> s = Files.list(journal())) {
                for (Path f : s.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                    entries.add(cast(JSON.readValue(f.toFile(), Map.class)));
                }
            }
        }
        for (Map<String, Object> e : entries) {
            ShardResult r = fromTree(e);
            if (r.files().stream().allMatch(f -> Files.isRegularFile(dir.resolve(f)))) out.put(r.shard(), r);
        }
        return out;
    }

    /**
     * The output folder as seen from a Spark executor, to {@link #record} its shards; the driver
     * {@link #open}ed and checked it before.
     */
    public static RunDirectory at(Path dir) {
        return new RunDirectory(dir);
    }

    private Path journal() {
        return dir.resolve(JOURNAL);
    }

    /** Records a finished shard (after its files were renamed into place). Safe from any thread or process. */
    public void record(ShardResult r) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(toTree(r));
        AtomicFiles.write(journal().resolve(ShardFiles.name(r.shard()) + ".json"), out -> out.write(bytes));
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
        AtomicFiles.write(dir.resolve(MANIFEST), out -> out.write(bytes));
        if (Files.isDirectory(journal())) {
            try (Stream<Path> s = Files.list(journal())) {
                for (Path f : s.toList()) Files.delete(f);
            }
            Files.delete(journal());
        }
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
