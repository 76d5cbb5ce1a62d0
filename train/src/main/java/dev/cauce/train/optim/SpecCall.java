package dev.cauce.train.optim;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed command-line spec of the form {@code name} or {@code name(key=value, key=value)}, e.g.
 * {@code adam(beta2=0.98, wd=0.01)} or {@code multistep(milestones=30|60, gamma=0.1)} (list values
 * separated by {@code |}). Names and keys are case-insensitive. Typed getters throw
 * {@link IllegalArgumentException} messages that quote the spec.
 */
public record SpecCall(String spec, String name, Map<String, String> args) {
    public SpecCall {
        args = Map.copyOf(args);
    }

    /** Parses {@code spec}; {@code what} names the option in messages ("optimizer", "schedule"). */
    public static SpecCall parse(String spec, String what) {
        if (spec == null || spec.isBlank()) throw new IllegalArgumentException(what + " spec is empty");
        String s = spec.strip();
        int open = s.indexOf('(');
        if (open < 0) return new SpecCall(spec, s.toLowerCase(Locale.ROOT), Map.of());
        if (!s.endsWith(")")) throw new IllegalArgumentException(what + " '" + spec + "': missing ')' at the end");
        String name = s.substring(0, open).strip().toLowerCase(Locale.ROOT);
        String body = s.substring(open + 1, s.length() - 1).strip();
        Map<String, String> args = new LinkedHashMap<>();
        if (!body.isEmpty()) {
            for (String part : body.split(",")) {
                int eq = part.indexOf('=');
                if (eq <= 0) throw new IllegalArgumentException(what + " '" + spec + "': expected key=value, got '" + part.strip() + "'");
                String key = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
                if (args.put(key, part.substring(eq + 1).strip()) != null) {
                    throw new IllegalArgumentException(what + " '" + spec + "': '" + key + "' is given twice");
                }
            }
        }
        return new SpecCall(spec, name, args);
    }

    /** Fails on any key outside {@code allowed}, listing the allowed ones. */
    public SpecCall allow(String... allowed) {
        Set<String> ok = Set.of(allowed);
        for (String k : args.keySet()) {
            if (!ok.contains(k)) {
                throw new IllegalArgumentException("'" + spec + "': unknown parameter '" + k + "' for " + name
                        + (allowed.length == 0 ? " (it takes none)" : "; allowed: " + String.join(", ", new TreeSet<>(ok))));
            }
        }
        return this;
    }

    /** The value of the first present key among {@code keys} (aliases), or {@code fallback}. */
    public double number(double fallback, String... keys) {
        String v = raw(keys);
        if (v == null) return fallback;
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + spec + "': " + keys[0] + " must be a number, got '" + v + "'");
        }
    }

    public long integer(long fallback, String... keys) {
        String v = raw(keys);
        if (v == null) return fallback;
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + spec + "': " + keys[0] + " must be an integer, got '" + v + "'");
        }
    }

    public boolean bool(boolean fallback, String... keys) {
        String v = raw(keys);
        if (v == null) return fallback;
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("'" + spec + "': " + keys[0] + " must be true or false, got '" + v + "'");
        };
    }

    /** A {@code |}-separated list of numbers; required. */
    public double[] numbers(String key) {
        String v = args.get(key);
        if (v == null) throw new IllegalArgumentException("'" + spec + "': " + name + " needs " + key + "=a|b|...");
        try {
            return Arrays.stream(v.split("\\|")).map(String::strip).mapToDouble(Double::parseDouble).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + spec + "': " + key + " must be numbers separated by |, got '" + v + "'");
        }
    }

    /** A {@code |}-separated list of integers; required. */
    public long[] integers(String key) {
        double[] d = numbers(key);
        long[] out = new long[d.length];
        for (int i = 0; i < d.length; i++) {
            if (d[i] != Math.rint(d[i])) throw new IllegalArgumentException("'" + spec + "': " + key + " must be integers, got " + d[i]);
            out[i] = (long) d[i];
        }
        return out;
    }

    private String raw(String... keys) {
        for (String k : keys) {
            String v = args.get(k);
            if (v != null) return v;
        }
        return null;
    }
}
