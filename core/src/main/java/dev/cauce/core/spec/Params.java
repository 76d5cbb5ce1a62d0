package dev.cauce.core.spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameters of one transform spec, read with validation. Every getter names the key path
 * ({@code transforms[2].params.degrees}), the value and what is allowed when the value is missing,
 * of the wrong type or out of range; {@link #checkNoneUnused()} rejects keys no getter asked for
 * (usually misspellings) and lists the known ones. Relative file names ({@link #file}) are resolved
 * against a base folder: a spec file's folder, so a spec and its data files move together.
 */
public final class Params {
    private final String path;
    private final Map<String, Object> values;
    private final Path base;
    private final Set<String> read = new HashSet<>();

    /**
     * Parameters whose relative file names are resolved against the working directory.
     *
     * @param path   the key path of the transform entry, e.g. {@code transforms[2]}
     * @param values the parameters as parsed (numbers, strings, booleans, lists, maps)
     */
    public Params(String path, Map<String, Object> values) {
        this(path, values, Path.of(""));
    }

    /** As {@link #Params(String, Map)}, resolving relative file names against {@code base}. */
    public Params(String path, Map<String, Object> values, Path base) {
        this.path = path;
        this.values = values;
        this.base = base.toAbsolutePath().normalize();
    }

    /** The key path of the transform entry these parameters belong to. */
    public String path() {
        return path;
    }

    /** The key path of one parameter. */
    public String pathOf(String key) {
        return path + ".params." + key;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    private Object raw(String key) {
        read.add(key);
        if (!values.containsKey(key)) {
            // a misspelt required key would otherwise be reported as missing, and the typo never named
            List<String> typos = values.keySet().stream().filter(k -> !read.contains(k) && !Names.closeMatches(k, List.of(key)).isEmpty())
                    .sorted().map(k -> "'" + k + "'").toList();
            throw new SpecException(pathOf(key), "missing (required parameter)"
                    + (typos.isEmpty() ? "" : "; the spec has " + String.join(", ", typos) + ": misspelt?"));
        }
        Object v = values.get(key);
        if (v == null) throw new SpecException(pathOf(key), "must not be null");
        return v;
    }

    /** The value as parsed, for parameters a transform validates itself (e.g. fitted statistics). */
    public Object rawValue(String key) {
        return raw(key);
    }

    // ------------------------------------------------------------------ numbers

    /** A number in [lo, hi]. */
    public double number(String key, double lo, double hi) {
        Object v = raw(key);
        double d = toDouble(v, pathOf(key));
        if (!(d >= lo && d <= hi)) throw new SpecException(pathOf(key), fmt(d) + " is out of range, allowed [" + fmt(lo) + ", " + fmt(hi) + "]");
        return d;
    }

    /** A number in [lo, hi], or {@code fallback} when absent. */
    public double number(String key, double lo, double hi, double fallback) {
        if (!has(key)) { read.add(key); return fallback; }
        return number(key, lo, hi);
    }

    /** Any finite number. */
    public double number(String key) {
        return number(key, -Double.MAX_VALUE, Double.MAX_VALUE);
    }

    /** An integer in [lo, hi]. */
    public int integer(String key, int lo, int hi) {
        return (int) longInteger(key, lo, hi);
    }

    /** An integer in [lo, hi], or {@code fallback} when absent. */
    public int integer(String key, int lo, int hi, int fallback) {
        if (!has(key)) { read.add(key); return fallback; }
        return integer(key, lo, hi);
    }

    /** A long integer in [lo, hi]. */
    public long longInteger(String key, long lo, long hi) {
        Object v = raw(key);
        double d = toDouble(v, pathOf(key));
        if (d != Math.rint(d)) throw new SpecException(pathOf(key), fmt(d) + " is not an integer");
        long l = v instanceof Number n && !(v instanceof Double || v instanceof Float) ? n.longValue() : (long) d;
        if (l < lo || l > hi) throw new SpecException(pathOf(key), l + " is out of range, allowed [" + lo + ", " + hi + "]");
        return l;
    }

    private static double toDouble(Object v, String at) {
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) throw new SpecException(at, d + " is not a finite number");
            return d;
        }
        throw new SpecException(at, describe(v) + " is not a number");
    }

    // ------------------------------------------------------------------ others

    public boolean bool(String key) {
        Object v = raw(key);
        if (v instanceof Boolean b) return b;
        throw new SpecException(pathOf(key), describe(v) + " is not a boolean, allowed true or false");
    }

    public boolean bool(String key, boolean fallback) {
        if (!has(key)) { read.add(key); return fallback; }
        return bool(key);
    }

    public String string(String key) {
        Object v = raw(key);
        if (v instanceof String s) return s;
        throw new SpecException(pathOf(key), describe(v) + " is not a string");
    }

    public String string(String key, String fallback) {
        if (!has(key)) { read.add(key); return fallback; }
        return string(key);
    }

    /**
     * An existing file or folder named by a string parameter, absolute or relative to the base
     * folder. The error names the parameter, the path as written and where it was looked for.
     *
     * @param folder true for a folder, false for a regular file
     */
    public Path file(String key, boolean folder) {
        Path f = existing(key);
        if (folder != Files.isDirectory(f)) {
            throw new SpecException(pathOf(key), f + " is a " + (folder ? "file" : "folder") + ", expected a " + (folder ? "folder" : "file"));
        }
        return f;
    }

    /** An existing file or folder (either) named by a string parameter, resolved as {@link #file(String, boolean)}. */
    public Path existing(String key) {
        String written = string(key);
        Path f;
        try {
            f = base.resolve(written).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new SpecException(pathOf(key), "'" + written + "' is not a valid path: " + e.getReason());
        }
        if (!Files.exists(f)) {
            throw new SpecException(pathOf(key), f + " does not exist"
                    + (Path.of(written).isAbsolute() ? "" : " ('" + written + "' is resolved against " + base + ")"));
        }
        if (!Files.isReadable(f)) throw new SpecException(pathOf(key), f + " is not readable");
        return f;
    }

    /** One of the constants of {@code type}, matched ignoring case. */
    public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        String s = string(key);
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(s)) return e;
        }
        throw new SpecException(pathOf(key), "'" + s + "' is not allowed, allowed " + Arrays.toString(type.getEnumConstants()));
    }

    public <E extends Enum<E>> E enumValue(String key, Class<E> type, E fallback) {
        if (!has(key)) { read.add(key); return fallback; }
        return enumValue(key, type);
    }

    /** One of the given strings, exactly. */
    public String choice(String key, List<String> allowed) {
        String s = string(key);
        if (!allowed.contains(s)) throw new SpecException(pathOf(key), "'" + s + "' is not allowed, allowed " + allowed);
        return s;
    }

    /** A list of finite numbers (at least {@code minSize}). */
    public double[] numbers(String key, int minSize) {
        List<?> list = list(key);
        if (list.size() < minSize) throw new SpecException(pathOf(key), "has " + list.size() + " values, needs at least " + minSize);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) out[i] = toDouble(list.get(i), pathOf(key) + "[" + i + "]");
        return out;
    }

    /** A list of strings. */
    public List<String> strings(String key) {
        List<?> list = list(key);
        List<String> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s)) throw new SpecException(pathOf(key) + "[" + i + "]", describe(list.get(i)) + " is not a string");
            out.add(s);
        }
        return Collections.unmodifiableList(out);
    }

    public List<String> strings(String key, List<String> fallback) {
        if (!has(key)) { read.add(key); return fallback; }
        return strings(key);
    }

    /** A list of anything (validated by the caller). */
    public List<?> list(String key) {
        Object v = raw(key);
        if (v instanceof List<?> l) return l;
        throw new SpecException(pathOf(key), describe(v) + " is not a list");
    }

    /** A map (validated by the caller). */
    public Map<?, ?> map(String key) {
        Object v = raw(key);
        if (v instanceof Map<?, ?> m) return m;
        throw new SpecException(pathOf(key), describe(v) + " is not a map");
    }

    // ------------------------------------------------------------------ checks

    /** Rejects keys that no getter read: a misspelt key must not be silently ignored. */
    public void checkNoneUnused() {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(read);
        if (unknown.isEmpty()) return;
        String key = unknown.iterator().next();
        List<String> known = new ArrayList<>(new TreeSet<>(read));
        List<String> close = Names.closeMatches(key, known);
        throw new SpecException(pathOf(key), "unknown parameter"
                + (close.isEmpty() ? "" : " (did you mean " + String.join(", ", close) + "?)")
                + ", known parameters " + (known.isEmpty() ? "none" : known));
    }

    static String describe(Object v) {
        if (v instanceof String s) return "'" + s + "'";
        return String.valueOf(v);
    }

    private static String fmt(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
        if (d == Double.MAX_VALUE) return "inf";
        if (d == -Double.MAX_VALUE) return "-inf";
        return String.format(Locale.ROOT, "%s", d);
    }
}
