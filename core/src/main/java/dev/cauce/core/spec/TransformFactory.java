package dev.cauce.core.spec;

import dev.cauce.core.Transform;

import java.util.List;

/**
 * One registered transform: its spec name, what it takes and gives (for checking that a pipeline's
 * steps fit together; {@code Object} when it depends on the children, as for combinators), and how
 * to build it from validated parameters and already-built children.
 *
 * @param name    the name its {@link Transform#spec()} carries
 * @param input   the input type ({@code Object.class}: any)
 * @param output  the output type ({@code Object.class}: same as the input or decided by children)
 * @param summary one line for listings ({@code cauce run --list})
 * @param builder builds the transform
 */
public record TransformFactory(String name, Class<?> input, Class<?> output, String summary, Builder builder) {

    /** Builds a transform; read every parameter through {@code params} so unknown keys are caught. */
    @FunctionalInterface
    public interface Builder {
        Transform<?, ?> build(Params params, List<Transform<?, ?>> children);
    }

    public TransformFactory {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("transform name must not be blank");
    }

    /** A transform without children. */
    public static TransformFactory of(String name, Class<?> input, Class<?> output, String summary,
                                      java.util.function.Function<Params, Transform<?, ?>> build) {
        return new TransformFactory(name, input, output, summary, (p, children) -> {
            if (!children.isEmpty()) throw new SpecException(p.path(), "'" + name + "' takes no children, got " + children.size());
            return build.apply(p);
        });
    }
}
