package dev.cauce.train.optim;

import dev.cauce.train.Param;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Key naming and checks for {@link StatefulOptimizer} maps. */
final class StateMaps {
    private StateMaps() {
    }

    static String key(Param p, String slot) {
        return p.name() + "." + slot;
    }

    static void requireUniqueNames(List<Param> params) {
        Set<String> seen = new HashSet<>();
        for (Param p : params) {
            if (!seen.add(p.name())) throw new IllegalArgumentException("param name '" + p.name() + "' is used twice; optimizer state needs unique names");
        }
    }

    /** A copy of the entry for (p, slot), checked to hold {@code length} values; null if absent. */
    static float[] get(Map<String, float[]> state, Param p, String slot, int length) {
        String key = key(p, slot);
        float[] a = state.get(key);
        if (a == null) return null;
        if (a.length != length) throw new IllegalArgumentException("optimizer state '" + key + "' has " + a.length + " values, expected " + length);
        return a.clone();
    }

    /** The step count stored under (p, "step"), or -1 if absent. */
    static long step(Map<String, float[]> state, Param p) {
        float[] a = get(state, p, "step", 1);
        if (a == null) return -1;
        if (!(a[0] >= 0) || a[0] != Math.rint(a[0])) throw new IllegalArgumentException("optimizer state '" + key(p, "step") + "' is not a step count: " + a[0]);
        return (long) a[0];
    }

    /** Exports one buffer per param under {@code slot} (params without a buffer are skipped). */
    static Map<String, float[]> export(Map<Param, float[]> buffers, List<Param> params, String slot) {
        requireUniqueNames(params);
        Map<String, float[]> out = new HashMap<>();
        for (Param p : params) {
            float[] b = buffers.get(p);
            if (b != null) out.put(key(p, slot), b.clone());
        }
        return out;
    }

    /** Replaces each param's buffer with the entry under {@code slot}, or drops it if there is none. */
    static void load(Map<Param, float[]> buffers, List<Param> params, Map<String, float[]> state, String slot) {
        requireUniqueNames(params);
        for (Param p : params) {
            float[] b = get(state, p, slot, p.size());
            if (b == null) buffers.remove(p);
            else buffers.put(p, b);
        }
    }
}
