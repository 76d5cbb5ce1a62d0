package dev.cauce.preprocess.text.word2vec;

import dev.cauce.core.simd.VectorOps;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Immutable word vectors: a word list and a {@code [words, dim]} float32 matrix. Reads and writes
 * the two formats of the original word2vec tool (which gensim's {@code KeyedVectors} also reads):
 * text ("V dim" header, then "word v1 … vdim" per line) and binary (same header, then each word,
 * a space, dim little-endian float32 values and a newline). Similarities are cosines.
 */
public final class WordVectors {
    private final List<String> words;
    private final Map<String, Integer> index;
    private final int dim;
    private final float[] vectors;
    private final float[] unit; // rows scaled to length 1 (zero rows stay zero)

    /** Wraps {@code vectors} (copied), row i belonging to {@code words.get(i)}. */
    public WordVectors(List<String> words, int dim, float[] vectors) {
        if (dim < 1) throw new IllegalArgumentException("dim must be >= 1, got " + dim);
        if ((long) words.size() * dim != vectors.length) {
            throw new IllegalArgumentException(words.size() + " words x dim " + dim + " != " + vectors.length + " values");
        }
        this.words = List.copyOf(words);
        this.dim = dim;
        this.vectors = vectors.clone();
        this.index = new HashMap<>(words.size() * 2);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.isEmpty() || w.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("word " + i + " ('" + w + "') is empty or contains whitespace");
            }
            if (index.put(w, i) != null) throw new IllegalArgumentException("duplicate word '" + w + "'");
        }
        this.unit = new float[vectors.length];
        for (int i = 0; i < words.size(); i++) {
            double ss = 0;
            for (int d = 0; d < dim; d++) ss += (double) vectors[i * dim + d] * vectors[i * dim + d];
            if (ss > 0) {
                float inv = (float) (1 / Math.sqrt(ss));
                for (int d = 0; d < dim; d++) unit[i * dim + d] = vectors[i * dim + d] * inv;
            }
        }
    }

    public int size() {
        return words.size();
    }

    public int dim() {
        return dim;
    }

    public List<String> words() {
        return words;
    }

    public boolean contains(String word) {
        return index.containsKey(word);
    }

    /** A copy of the vector of {@code word}. */
    public float[] vector(String word) {
        int i = require(word);
        float[] v = new float[dim];
        System.arraycopy(vectors, i * dim, v, 0, dim);
        return v;
    }

    /** Cosine similarity of two words. */
    public double similarity(String a, String b) {
        return VectorOps.dot(dim, unit, require(a) * dim, unit, require(b) * dim);
    }

    /** A word and its cosine similarity to a query. */
    public record Neighbour(String word, double similarity) { }

    /** The {@code k} words most similar to {@code word} (itself excluded), most similar first. */
    public List<Neighbour> nearest(String word, int k) {
        int i = require(word);
        float[] q = new float[dim];
        System.arraycopy(unit, i * dim, q, 0, dim);
        return nearest(q, k, List.of(word));
    }

    /**
     * Analogy "a is to b as c is to ?": the words nearest to {@code b - a + c} on unit vectors
     * (the 3CosAdd rule of word2vec's {@code word-analogy}), excluding the three query words.
     */
    public List<Neighbour> analogy(String a, String b, String c, int k) {
        int ia = require(a);
        int ib = require(b);
        int ic = require(c);
        float[] q = new float[dim];
        for (int d = 0; d < dim; d++) q[d] = unit[ib * dim + d] - unit[ia * dim + d] + unit[ic * dim + d];
        return nearest(q, k, List.of(a, b, c));
    }

    /** The {@code k} words nearest (cosine) to an arbitrary vector, skipping {@code exclude}. */
    public List<Neighbour> nearest(float[] query, int k, List<String> exclude) {
        if (query.length != dim) throw new IllegalArgumentException("query has " + query.length + " values, dim is " + dim);
        if (k < 1) throw new IllegalArgumentException("k must be >= 1, got " + k);
        double qn = Math.sqrt(VectorOps.dot(dim, query, 0, query, 0));
        int n = words.size();
        int[] best = new int[k];
        double[] score = new double[k];
        int have = 0;
        for (int i = 0; i < n; i++) {
            if (exclude.contains(words.get(i))) continue;
            double s = qn == 0 ? 0 : VectorOps.dot(dim, unit, i * dim, query, 0) / qn;
            if (have < k || s > score[have - 1]) {
                int p = have < k ? have++ : k - 1;
                while (p > 0 && score[p - 1] < s) {
                    score[p] = score[p - 1];
                    best[p] = best[p - 1];
                    p--;
                }
                score[p] = s;
                best[p] = i;
            }
        }
        List<Neighbour> out = new ArrayList<>(have);
        for (int j = 0; j < have; j++) out.add(new Neighbour(words.get(best[j]), score[j]));
        return out;
    }

    private int require(String word) {
        Integer i = index.get(word);
        if (i == null) throw new IllegalArgumentException("word '" + word + "' is not in the vocabulary (" + words.size() + " words)");
        return i;
    }

    // ------------------------------------------------------------------ formats

    /** Writes the word2vec text format (shortest round-trip decimal floats), atomically. */
    public void saveText(Path file) throws IOException {
        dev.cauce.core.io.AtomicFiles.write(file, os -> {
            Writer w = new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8);
            w.write(words.size() + " " + dim + "\n");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < words.size(); i++) {
                sb.setLength(0);
                sb.append(words.get(i));
                for (int d = 0; d < dim; d++) sb.append(' ').append(vectors[i * dim + d]);
                w.append(sb).append('\n');
            }
            w.flush();
        });
    }

    /** Writes the word2vec binary format, atomically. */
    public void saveBinary(Path file) throws IOException {
        dev.cauce.core.io.AtomicFiles.write(file, out -> {
            out.write((words.size() + " " + dim + "\n").getBytes(StandardCharsets.UTF_8));
            ByteBuffer row = ByteBuffer.allocate(dim * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < words.size(); i++) {
                out.write(words.get(i).getBytes(StandardCharsets.UTF_8));
                out.write(' ');
                row.clear();
                for (int d = 0; d < dim; d++) row.putFloat(vectors[i * dim + d]);
                out.write(row.array());
                out.write('\n');
            }
        });
    }

    /** Reads either format: binary for a {@code .bin} file (word2vec's own convention), text otherwise. */
    public static WordVectors load(Path file) throws IOException {
        return file.getFileName().toString().endsWith(".bin") ? loadBinary(file) : loadText(file);
    }

    /** Reads the text format. */
    public static WordVectors loadText(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int[] header = header(r.readLine(), file);
            int n = header[0];
            int dim = header[1];
            List<String> words = new ArrayList<>(n);
            float[] v = new float[Math.multiplyExact(n, dim)];
            for (int i = 0; i < n; i++) {
                String line = r.readLine();
                if (line == null) throw new IOException(file + ": header promises " + n + " words, file ends after " + i);
                String[] parts = line.strip().split(" ");
                if (parts.length != dim + 1) {
                    throw new IOException(file + ": line " + (i + 2) + " has " + (parts.length - 1) + " values, expected " + dim);
                }
                words.add(parts[0]);
                try {
                    for (int d = 0; d < dim; d++) v[i * dim + d] = Float.parseFloat(parts[d + 1]);
                } catch (NumberFormatException e) {
                    throw new IOException(file + ": line " + (i + 2) + ": not a number: " + e.getMessage(), e);
                }
            }
            return new WordVectors(words, dim, v);
        }
    }

    /** Reads the binary format. */
    public static WordVectors loadBinary(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
             DataInputStream in = new DataInputStream(raw)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b; (b = in.read()) != '\n'; ) {
                if (b < 0) throw new IOException(file + ": empty or truncated header");
                line.write(b);
            }
            int[] header = header(line.toString(StandardCharsets.UTF_8), file);
            int n = header[0];
            int dim = header[1];
            List<String> words = new ArrayList<>(n);
            float[] v = new float[Math.multiplyExact(n, dim)];
            byte[] row = new byte[dim * 4];
            ByteBuffer bb = ByteBuffer.wrap(row).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < n; i++) {
                ByteArrayOutputStream w = new ByteArrayOutputStream();
                int b;
                while ((b = in.read()) == '\n') { /* newline after the previous vector */ }
                for (; b != ' '; b = in.read()) {
                    if (b < 0) throw new IOException(file + ": header promises " + n + " words, file ends after " + i);
                    w.write(b);
                }
                words.add(w.toString(StandardCharsets.UTF_8));
                try {
                    in.readFully(row);
                } catch (EOFException e) {
                    throw new IOException(file + ": vector of word " + i + " is truncated", e);
                }
                bb.clear();
                for (int d = 0; d < dim; d++) v[i * dim + d] = bb.getFloat();
            }
            return new WordVectors(words, dim, v);
        }
    }

    private static int[] header(String line, Path file) throws IOException {
        String[] p = line == null ? new String[0] : line.strip().split("\\s+");
        try {
            if (p.length == 2) {
                int n = Integer.parseInt(p[0]);
                int d = Integer.parseInt(p[1]);
                if (n >= 0 && d > 0) return new int[] {n, d};
            }
        } catch (NumberFormatException ignored) {
            // fall through to the error below
        }
        throw new IOException(file + ": not a word2vec file: first line must be '<words> <dim>', got '" + printable(line) + "'");
    }

    /** The start of a header line as an error can show it: random bytes would garble the terminal. */
    static String printable(String line) {
        if (line == null) return "";
        StringBuilder b = new StringBuilder();
        line.codePoints().limit(120).forEach(c -> {
            if (Character.isISOControl(c) || c == 0xFFFD) b.append('?');
            else b.appendCodePoint(c);
        });
        return line.codePointCount(0, line.length()) > 120 ? b + "..." : b.toString();
    }
}
