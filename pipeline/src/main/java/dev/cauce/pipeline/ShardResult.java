package dev.cauce.pipeline;

import java.io.Serializable;
import java.util.List;

/**
 * A finished shard: the files written (none when every input of the shard failed), the inputs in
 * it, in order, and the inputs left out with the reason.
 */
public record ShardResult(int shard, List<String> files, List<String> inputs, List<Failure> failed) implements Serializable {
    public ShardResult {
        files = List.copyOf(files);
        inputs = List.copyOf(inputs);
        failed = List.copyOf(failed);
    }

    /** An input left out of the output, and why. */
    public record Failure(String input, String problem) implements Serializable { }
}
