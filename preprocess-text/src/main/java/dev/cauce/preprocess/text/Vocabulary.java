package dev.cauce.preprocess.text;

import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted token → id map (immutable). Ids are dense: with special tokens, {@link #PAD} is 0 and
 * {@link #OOV} is 1, and regular terms follow from 2 in order of decreasing corpus count (ties in
 * code-point order), so the order never depends on hash iteration. Unknown tokens map to {@link #OOV}
 * with specials, and are dropped without.
 */
public final class Vocabulary implements Transform<List<String>, int[]> {
    public static final String PAD = "<pad>";
    public static final String OOV = "<unk>";
    public static final int PAD_ID = 0;
    public static final int OOV_ID = 1;

    private final List<String> terms;
    private final Map<String, Integer> index;
    private final boolean specials;

    private Vocabulary(List<String> terms, boolean specials) {
        this.terms = List.copyOf(terms);
        this.specials = specials;
        this.index = new HashMap<>(terms.size() * 2);
        for (int i = 0; i < terms.size(); i++) {
            if (index.put(terms.get(i), i) != null) throw new IllegalArgumentException("duplicate term '" + terms.get(i) + "'");
        }
    }

    /**
     * Fits on tokenized documents.
     *
     * @param minCount a term must occur at least this often in the corpus (>= 1)
     * @param maxSize  keep at most this many regular terms, the most frequent (0 = no limit)
     * @param specials reserve ids 0 and 1 for {@link #PAD} and {@link #OOV}
     */
    public static Vocabulary fit(Iterable<? extends List<String>> docs, int minCount, int maxSize, boolean specials) {
        if (minCount < 1) throw new IllegalArgumentException("minCount must be >= 1, got " + minCount);
        if (maxSize < 0) throw new IllegalArgumentException("maxSize must be >= 0 (0 = no limit), got " + maxSize);
        Map<String, long[]> counts = new HashMap<>();
        for (List<String> doc : docs) {
            for (String t : doc) counts.computeIfAbsent(t, k -> new long[1])[0]++;
        }
        List<Map.Entry<String, long[]>> kept = new ArrayList<>();
        for (var e : counts.entrySet()) if (e.getValue()[0] >= minCount) kept.add(e);
        kept.sort((a, b) -> {
            int c = Long.compare(b.getValue()[0], a.getValue()[0]);
            return c != 0 ? c : compareCodePoints(a.getKey(), b.getKey());
        });
        if (maxSize > 0 && kept.size() > maxSize) kept = kept.subList(0, maxSize);
        List<String> terms = new ArrayList<>(kept.size() + 2);
        if (specials) {
            terms.add(PAD);
            terms.add(OOV);
        }
        for (var e : kept) {
            if (!(specials && (e.getKey().equals(PAD) || e.getKey().equals(OOV)))) terms.add(e.getKey());
        }
        return new Vocabulary(terms, specials);
    }

    /** A vocabulary with exactly these terms in this order (specials, if wanted, must be listed first). */
    public static Vocabulary ofTerms(List<String> terms, boolean specials) {
        if (specials && (terms.size() < 2 || !terms.get(0).equals(PAD) || !terms.get(1).equals(OOV))) {
            throw new IllegalArgumentException("a vocabulary with specials must start with " + PAD + ", " + OOV);
        }
        return new Vocabulary(terms, specials);
    }

    /** Java's String order is UTF-16 order; Python's (and scikit-learn's) is code-point order. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    public int size() {
        return terms.size();
    }

    public boolean hasSpecials() {
        return specials;
    }

    public List<String> terms() {
        return terms;
    }

    public String term(int id) {
        return terms.get(id);
    }

    /** The id of {@code token}: its own, {@link #OOV_ID} when unknown with specials, else -1. */
    public int id(String token) {
        Integer i = index.get(token);
        return i != null ? i : (specials ? OOV_ID : -1);
    }

    public boolean contains(String token) {
        return index.containsKey(token);
    }

    /** Token ids; unknown tokens become {@link #OOV_ID}, or are dropped without specials. */
    public int[] encode(List<String> tokens) {
        int[] out = new int[tokens.size()];
        int k = 0;
        for (String t : tokens) {
            int id = id(t);
            if (id >= 0) out[k++] = id;
        }
        return k == out.length ? out : java.util.Arrays.copyOf(out, k);
    }

    @Override
    public int[] apply(List<String> input, Rng rng) {
        return encode(input);
    }

    @Override
    public TransformSpec spec() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("specials", specials);
        p.put("terms", terms);
        return TransformSpec.of("text.vocabulary", p);
    }

    /** Writes one term per line (UTF-8), atomically. */
    public void save(Path file) throws IOException {
        dev.cauce.core.io.AtomicFiles.write(file, out -> {
            for (String t : terms) out.write((t + "\n").getBytes(StandardCharsets.UTF_8));
        });
    }

    /** Reads a file written by {@link #save}; specials are detected from the first two lines. */
    public static Vocabulary load(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        boolean sp = lines.size() >= 2 && lines.get(0).equals(PAD) && lines.get(1).equals(OOV);
        return new Vocabulary(lines, sp);
    }
}
