package dev.cauce.pipeline;

import dev.cauce.core.spec.SpecException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The inputs of a run, sorted by id so every engine and every rerun numbers them the same way, and
 * the class names (sorted) their labels index.
 *
 * @param inputs  sorted by id; {@code inputs.get(i).index() == i}
 * @param classes class names, sorted; empty without labels
 */
public record InputList(List<InputRef> inputs, List<String> classes) {

    public int size() {
        return inputs.size();
    }

    /** Lists a spec's source; a missing folder, file or CSV is a {@link SpecException} naming its key. */
    public static InputList scan(PipelineSpec.Source src) throws IOException {
        return scan(src, null);
    }

    /**
     * Lists a spec's source, leaving out everything under {@code outputDir}: an output folder inside
     * the source folder (or under a glob's base) would otherwise add the run's own shards, and with
     * folder labels an extra class, to the inputs of the next run, which then refuses to resume.
     */
    public static InputList scan(PipelineSpec.Source src, Path outputDir) throws IOException {
        TreeMap<String, Path> files = new TreeMap<>();
        Path skip = outputDir == null ? null : outputDir.toAbsolutePath().normalize();
        if (src.folder() != null) {
            if (!Files.isDirectory(src.folder())) {
                throw new SpecException("source.folder", src.folder() + " is not an existing folder");
            }
            walk(src.folder(), src, files, p -> true, skip);
        } else if (src.glob() != null) {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + src.glob());
            walk(src.base(), src, files, rel -> m.matches(rel), skip);
            if (files.isEmpty()) throw new SpecException("source.glob", "'" + src.glob() + "' matches no file under " + src.base());
        } else {
            for (int i = 0; i < src.tars().size(); i++) {
                Path tar = src.tars().get(i);
                if (!Files.isRegularFile(tar)) throw new SpecException("source.tars[" + i + "]", tar + " is not an existing file");
                try (TarFile t = new TarFile(tar)) {
                    for (TarArchiveEntry e : t.getEntries()) {
                        if (e.isFile() && keep(Path.of(e.getName()), src)) files.put(tar.getFileName() + "/" + e.getName(), tar);
                    }
                } catch (IOException e) {
                    throw new SpecException("source.tars[" + i + "]", tar + " is not a readable tar file: " + e.getMessage(), e);
                }
            }
        }
        return label(files, src);
    }

    private static void walk(Path root, PipelineSpec.Source src, Map<String, Path> out,
                             java.util.function.Predicate<Path> match, Path skip) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile).filter(p -> skip == null || !p.toAbsolutePath().normalize().startsWith(skip)).forEach(p -> {
                Path rel = root.relativize(p);
                if (match.test(rel) && keep(rel, src)) out.put(slashes(rel), p);
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean keep(Path rel, PipelineSpec.Source src) {
        for (Path part : rel) {
            if (part.toString().startsWith(".")) return false; // hidden files and folders, e.g. .DS_Store
        }
        if (src.extensions().isEmpty()) return true;
        String name = rel.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot >= 0 && src.extensions().contains(name.substring(dot + 1));
    }

    static String slashes(Path rel) {
        return rel.toString().replace(java.io.File.separatorChar, '/');
    }

    private static InputList label(TreeMap<String, Path> files, PipelineSpec.Source src) throws IOException {
        List<InputRef> out = new ArrayList<>(files.size());
        switch (src.labels()) {
            case NONE -> {
                for (String id : files.keySet()) out.add(new InputRef(out.size(), id, -1, null));
                return new InputList(out, List.of());
            }
            case FOLDERS -> {
                boolean tars = !src.tars().isEmpty();
                TreeSet<String> classes = new TreeSet<>();
                for (String id : files.keySet()) {
                    String cls = classOf(id, tars);
                    if (cls != null) classes.add(cls);
                }
                List<String> names = List.copyOf(classes);
                for (String id : files.keySet()) {
                    String cls = classOf(id, tars);
                    out.add(cls == null
                            ? new InputRef(out.size(), id, -1, "not inside a class folder (source.labels is 'folders')")
                            : new InputRef(out.size(), id, names.indexOf(cls), null));
                }
                return new InputList(out, names);
            }
            default -> {
                Map<String, String> csv = readCsv(src.labelsCsv());
                List<String> names = List.copyOf(new TreeSet<>(csv.values()));
                for (String id : files.keySet()) {
                    String cls = csv.get(id);
                    out.add(cls == null
                            ? new InputRef(out.size(), id, -1, "has no label in " + src.labelsCsv().getFileName())
                            : new InputRef(out.size(), id, names.indexOf(cls), null));
                }
                return new InputList(out, names);
            }
        }
    }

    /** The class folder of an id: its first folder (after the tar's name for tar entries), or null. */
    private static String classOf(String id, boolean tar) {
        String rest = tar ? id.substring(id.indexOf('/') + 1) : id;
        int slash = rest.indexOf('/');
        return slash <= 0 ? null : rest.substring(0, slash);
    }

    /** {@code file,label} lines; a first line {@code file,label} (or {@code path,label}) is a header. */
    private static Map<String, String> readCsv(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) throw new SpecException("source.labels.csv", csv + " is not an existing file");
        Map<String, String> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(csv);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) continue;
            int comma = line.lastIndexOf(',');
            if (comma <= 0 || comma == line.length() - 1) {
                throw new SpecException("source.labels.csv", csv + " line " + (i + 1) + ": expected 'file,label', got '" + line + "'");
            }
            String id = line.substring(0, comma).strip();
            String label = line.substring(comma + 1).strip();
            if (i == 0 && (id.equalsIgnoreCase("file") || id.equalsIgnoreCase("path")) && label.equalsIgnoreCase("label")) continue;
            out.put(id, label);
        }
        return out;
    }
}
