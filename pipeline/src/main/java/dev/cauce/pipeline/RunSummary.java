package dev.cauce.pipeline;

import dev.cauce.core.scale.Scaler;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a run.
 *
 * @param dir      the output folder
 * @param shards   shards in the job
 * @param resumed  shards found finished by an earlier run and not redone
 * @param inputs   inputs in the job
 * @param written  inputs written to shards
 * @param failures inputs left out (policy {@code skip}), in input order
 * @param fitted   the fitted steps
 */
public record RunSummary(Path dir, int shards, int resumed, long inputs, long written,
                         List<ShardResult.Failure> failures, List<Scaler> fitted) {
    public RunSummary {
        failures = List.copyOf(failures);
        fitted = List.copyOf(fitted);
    }
}
