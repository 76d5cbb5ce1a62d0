package dev.cauce.pipeline;

import dev.cauce.core.ErrorPolicy;
import dev.cauce.core.SampleException;
import dev.cauce.core.Tensor;
import dev.cauce.core.scale.Scaler;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * The work both engines share: one shard's inputs, in index order, through the pipeline and into
 * the shard's files; and one chunk's fit. Local threads and Spark tasks call the same code on the
 * same inputs in the same order, which is why their outputs agree byte for byte.
 */
public final class ShardTask {
    private ShardTask() { }

    /** An input and how to get its bytes (read from disk locally, already in memory on Spark). */
    public record Pending(InputRef ref, Supplier<byte[]> bytes) { }

    /**
     * Processes a shard's inputs (sorted by index) and writes its files into {@code dir}.
     *
     * @throws SampleException for the first failing input when the policy is {@code fail}
     * @throws IOException     when a shard file cannot be written
     */
    /**
     * What to add to the spec when two samples' shapes differ. Images that differ only in their
     * channel count (gray, RGB, RGBA files in one folder: read_image keeps each file's channels)
     * need a channel conversion, not a resize.
     */
    static String shapeHint(int[] first, int[] other) {
        if (first.length == 3 && other.length == 3 && first[0] != other[0] && first[1] == other[1] && first[2] == other[2]) {
            return "give every image one channel count: add to_rgb or to_gray after read_image";
        }
        return "give every sample one shape: resize images before to_tensor, set frames: N on audio.to_tensor";
    }

    public static ShardResult run(Pipeline p, List<Scaler> fitted, int shard, Iterator<Pending> items, Path dir) throws IOException {
        List<Tensor> xs = new ArrayList<>();
        List<Long> labels = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<ShardResult.Failure> failed = new ArrayList<>();
        int[] shape = null;
        while (items.hasNext()) {
            Pending item = items.next();
            try {
                Tensor x = p.process(item.ref(), readBytes(item), fitted, fitted.size());
                if (shape == null) {
                    shape = x.shape();
                } else if (!Arrays.equals(shape, x.shape())) {
                    throw new SampleException(item.ref().id(), "gives shape " + Arrays.toString(x.shape()) + " but the shard's first sample has "
                            + Arrays.toString(shape) + " (" + shapeHint(shape, x.shape()) + ")");
                }
                xs.add(x);
                labels.add((long) item.ref().label());
                ids.add(item.ref().id());
            } catch (SampleException e) {
                if (p.spec().onError() == ErrorPolicy.FAIL) throw e;
                failed.add(new ShardResult.Failure(item.ref().id(), problem(e)));
            }
        }
        List<String> files = xs.isEmpty() ? List.of()
                : ShardFiles.write(p.spec().output(), dir, shard, xs, labels, ids, hasLabels(p));
        return new ShardResult(shard, files, ids, failed);
    }

    /**
     * Accumulates fit step {@code step} over one chunk's inputs (sorted by index), after the
     * transforms and the fitted steps before it.
     *
     * @return the chunk's snapshot, or null when no input of the chunk could be used
     */
    public static FitSnapshot fit(Pipeline p, List<Scaler> fittedBefore, int step, Iterator<Pending> items) {
        FittedSteps.Accumulator acc = FittedSteps.accumulator(p.spec().fit().get(step));
        while (items.hasNext()) {
            Pending item = items.next();
            try {
                Tensor x = p.process(item.ref(), readBytes(item), fittedBefore, step);
                acc.add(x, item.ref().id());
            } catch (SampleException e) {
                // Under skip the input is reported when its shard is written; it simply adds nothing here.
                if (p.spec().onError() == ErrorPolicy.FAIL) throw e;
            }
        }
        return acc.snapshot();
    }

    private static byte[] readBytes(Pending item) {
        if (item.ref().problem() != null) return new byte[0]; // Pipeline.process reports the problem
        return item.bytes().get();
    }

    private static boolean hasLabels(Pipeline p) {
        return p.spec().source().labels() != PipelineSpec.LabelSource.NONE;
    }

    /** The problem without the input's name (the failure record names it). */
    static String problem(SampleException e) {
        return e.problem();
    }
}
