package dev.cauce.augment.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Words and their replacements (synonyms or misspellings), looked up by lowercase word.
 * The table format is UTF-8 text, one entry per line: {@code word<TAB>alt1,alt2,...}; lines starting
 * with '#' are comments (a WordNet extract keeps the WordNet license there).
 */
public record Thesaurus(Map<String, List<String>> entries) {
    public Thesaurus {
        Map<String, List<String>> copy = new HashMap<>();
        entries.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        entries = Map.copyOf(copy);
    }

    /** Replacements for {@code lowercaseWord}, or an empty list. */
    public List<String> lookup(String lowercaseWord) {
        return entries.getOrDefault(lowercaseWord, List.of());
    }

    /**
     * Reads a {@code word<TAB>alt,alt} table. A file without a single entry is refused: it would
     * replace no word at all, silently, which is never what a spec or command naming it wants.
     */
    public static Thesaurus load(Path file) throws IOException {
        Thesaurus t;
        try (InputStream in = Files.newInputStream(file)) {
            t = read(in, file.toString());
        }
        if (t.entries.isEmpty()) throw new IOException(file + ": no entries (expected word<TAB>alternatives lines)");
        return t;
    }

    /** The bundled list of common English misspellings (sources in the NOTICE beside it). */
    public static Thesaurus commonMisspellings() {
        try (InputStream in = Thesaurus.class.getResourceAsStream("misspellings.tsv")) {
            if (in == null) throw new IllegalStateException("resource misspellings.tsv missing from the jar");
            return read(in, "misspellings.tsv");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Thesaurus read(InputStream in, String source) throws IOException {
        Map<String, List<String>> map = new HashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int lineNo = 0;
        for (String line; (line = r.readLine()) != null; ) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] parts = line.split("\t");
            if (parts.length != 2) throw new IOException(source + ": line " + lineNo + ": expected word<TAB>alternatives");
            List<String> alts = new ArrayList<>();
            for (String a : parts[1].split(",")) if (!a.isBlank()) alts.add(a.strip());
            map.merge(parts[0].strip(), alts, (x, y) -> {
                List<String> m = new ArrayList<>(x);
                for (String s : y) if (!m.contains(s)) m.add(s);
                return m;
            });
        }
        return new Thesaurus(map);
    }

    /** Writes the table format with {@code header} lines as comments, atomically. */
    public void save(Path file, List<String> header) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String h : header) lines.add("# " + h);
        entries.keySet().stream().sorted().forEach(k -> lines.add(k + "\t" + String.join(",", entries.get(k))));
        dev.cauce.core.io.AtomicFiles.write(file, out -> {
            for (String l : lines) out.write((l + "\n").getBytes(StandardCharsets.UTF_8));
        });
    }
}
