package dev.cauce.core.spec;

import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Name to factory for every transform on the class path, so a {@link TransformSpec} (from a file,
 * or from {@link Transform#spec()}) turns back into the {@link Transform}. Modules contribute their
 * transforms through {@link TransformProvider} and {@link ServiceLoader}.
 *
 * <p>Relative file names in parameters (a thesaurus, word vectors, a noise recording) are resolved
 * against the registry's base folder: the working directory unless {@link #resolvingAgainst} names
 * another (a pipeline uses its spec file's folder).
 *
 * <p>Immutable once loaded and safe to share between threads.
 */
public final class TransformRegistry {
    private final Map<String, TransformFactory> factories;
    private final Path base;

    private TransformRegistry(Map<String, TransformFactory> factories, Path base) {
        this.factories = Collections.unmodifiableMap(factories);
        this.base = base;
    }

    /** The same transforms, resolving relative file names in parameters against {@code folder}. */
    public TransformRegistry resolvingAgainst(Path folder) {
        return new TransformRegistry(factories, folder);
    }

    /** Every provider visible to this class's class loader. */
    public static TransformRegistry load() {
        return load(TransformRegistry.class.getClassLoader());
    }

    /** Every provider visible to {@code loader}. */
    public static TransformRegistry load(ClassLoader loader) {
        List<TransformProvider> providers = new ArrayList<>();
        ServiceLoader.load(TransformProvider.class, loader).forEach(providers::add);
        return of(providers);
    }

    /** The transforms of the given providers; two providers registering one name is an error. */
    public static TransformRegistry of(List<? extends TransformProvider> providers) {
        Map<String, TransformFactory> map = new TreeMap<>();
        for (TransformProvider p : providers) {
            for (TransformFactory f : p.transforms()) {
                TransformFactory old = map.putIfAbsent(f.name(), f);
                if (old != null) {
                    throw new IllegalStateException("transform '" + f.name() + "' is registered twice (by "
                            + p.getClass().getName() + " and another provider)");
                }
            }
        }
        return new TransformRegistry(map, Path.of(""));
    }

    /** Registered names, sorted. */
    public List<String> names() {
        return List.copyOf(factories.keySet());
    }

    /** The factory for {@code name}; {@code path} names the spec entry in the error. */
    public TransformFactory factory(String name, String path) {
        TransformFactory f = factories.get(name);
        if (f != null) return f;
        List<String> close = Names.closeMatches(name == null ? "" : name, names());
        throw new SpecException(path + ".name", "unknown transform '" + name + "'"
                + (close.isEmpty() ? "" : " (did you mean " + String.join(", ", close) + "?)")
                // ~70 names in one line hide the suggestion; point at the catalogue instead
                + "; 'cauce run --list' lists all " + factories.size() + " transforms");
    }

    /** Rebuilds the transform a spec describes. */
    public Transform<?, ?> build(TransformSpec spec) {
        return build(spec, "transform");
    }

    /**
     * Rebuilds the transform a spec describes; {@code path} (e.g. {@code transforms[2]}) prefixes
     * every error message.
     */
    public Transform<?, ?> build(TransformSpec spec, String path) {
        TransformFactory f = factory(spec.name(), path);
        List<Transform<?, ?>> children = new ArrayList<>();
        for (int i = 0; i < spec.children().size(); i++) {
            children.add(build(spec.children().get(i), path + ".children[" + i + "]"));
        }
        Params params = new Params(path, spec.params(), base);
        Transform<?, ?> t;
        try {
            t = f.builder().build(params, children);
        } catch (SpecException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            // A constructor's own validation: its message names the parameter and what is allowed.
            throw new SpecException(path + ".params", e.getMessage(), e);
        }
        params.checkNoneUnused();
        return t;
    }

    /**
     * Builds a chain of steps and checks that each step accepts what the previous one gives.
     *
     * @param specs    the steps, in order
     * @param listPath the key of the list, e.g. {@code transforms}; entries are {@code transforms[i]}
     * @param input    what the first step receives
     * @return the composed transform
     */
    public Transform<Object, Object> chain(List<TransformSpec> specs, String listPath, Class<?> input) {
        if (specs.isEmpty()) throw new SpecException(listPath, "needs at least one transform");
        Transform<Object, Object> out = null;
        Class<?> current = input;
        for (int i = 0; i < specs.size(); i++) {
            String path = listPath + "[" + i + "]";
            TransformFactory f = factory(specs.get(i).name(), path);
            if (f.input() != Object.class && current != Object.class && !f.input().isAssignableFrom(current)) {
                throw new SpecException(path, "'" + f.name() + "' takes " + f.input().getSimpleName() + " but receives "
                        + current.getSimpleName() + (i == 0 ? " (the pipeline's input)" : " from " + listPath + "[" + (i - 1) + "]"));
            }
            if (f.output() != Object.class) current = f.output();
            @SuppressWarnings("unchecked")
            Transform<Object, Object> step = (Transform<Object, Object>) build(specs.get(i), path);
            out = out == null ? step : out.then(step);
        }
        return out;
    }

    /** What the last step of a chain gives ({@code Object} when not known statically). */
    public Class<?> outputOf(List<TransformSpec> specs, Class<?> input) {
        Class<?> current = input;
        for (TransformSpec s : specs) {
            TransformFactory f = factories.get(s.name());
            if (f != null && f.output() != Object.class) current = f.output();
        }
        return current;
    }
}
