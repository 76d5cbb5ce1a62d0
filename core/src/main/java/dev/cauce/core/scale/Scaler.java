package dev.cauce.core.scale;

import dev.cauce.core.Tensor;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A fitted (or, for {@link UnitNormScaler}, parameter-only) feature scaler: an immutable,
 * thread-safe {@code Transform<Tensor, Tensor>} that maps a sample's flattened features and keeps
 * its shape.
 *
 * <p><b>Saving.</b> A scaler's {@link #spec()} holds its parameters and fitted statistics, enough to
 * rebuild it exactly ({@link #fromSpec}). {@link #save} writes that spec as JSON,
 * {@code {"name": "standard_scaler", "params": {...}}}, with doubles in their shortest round-trip
 * form, so {@link #load} restores bit-identical statistics.
 */
public sealed interface Scaler extends Transform<Tensor, Tensor> permits MinMaxScaler, StandardScaler, UnitNormScaler {

    /** Writes {@link #spec()} as JSON, atomically (temporary file, then rename). */
    default void save(Path file) throws IOException {
        ScalerFiles.save(spec(), file);
    }

    /** Reads a scaler written by {@link #save}; errors name the file. */
    static Scaler load(Path file) throws IOException {
        return ScalerFiles.load(file);
    }

    /** Rebuilds a scaler from its spec (the inverse of {@link #spec()}). */
    static Scaler fromSpec(TransformSpec spec) {
        return switch (spec.name()) {
            case MinMaxScaler.NAME -> MinMaxScaler.fromSpec(spec);
            case StandardScaler.NAME -> StandardScaler.fromSpec(spec);
            case UnitNormScaler.NAME -> UnitNormScaler.fromSpec(spec);
            default -> throw new IllegalArgumentException("unknown scaler '" + spec.name() + "' (expected "
                    + MinMaxScaler.NAME + ", " + StandardScaler.NAME + " or " + UnitNormScaler.NAME + ")");
        };
    }
}
