package dev.cauce.pipeline;

import dev.cauce.core.scale.Scaler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a pipeline on this machine with a pool of threads, one shard (or fit chunk) per task.
 * Resumable: shards recorded in the output folder's journal are not redone.
 */
public final class LocalRunner {
    private final Pipeline pipeline;
    private final int threads;
    private final RunListener listener;
    private final int stopAfterShards;

    /**
     * @param threads         worker threads (the output does not depend on it)
     * @param listener        progress
     * @param stopAfterShards stop with {@link Stopped} after this many shards were written in this
     *                        call (-1: never); how tests interrupt a run at a known point
     */
    public LocalRunner(Pipeline pipeline, int threads, RunListener listener, int stopAfterShards) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        this.pipeline = pipeline;
        this.threads = threads;
        this.listener = listener;
        this.stopAfterShards = stopAfterShards;
    }

    public LocalRunner(Pipeline pipeline, int threads, RunListener listener) {
        this(pipeline, threads, listener, -1);
    }

    /** The run stopped early on request ({@code stopAfterShards}); rerun to finish it. */
    public static final class Stopped extends RuntimeException {
        Stopped(int shards) {
            super("stopped after " + shards + " shards as requested; run again to resume");
        }
    }

    /** Lists the inputs, fits (unless an earlier run did), writes every unfinished shard, then the manifest. */
    public RunSummary run() throws IOException {
        InputList inputs = InputList.scan(pipeline.spec().source(), pipeline.spec().output().dir());
        RunDirectory dir = RunDirectory.open(pipeline, inputs);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cauce-run");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Scaler> fitted = dir.fitted().orElse(null);
            if (fitted == null) {
                fitted = fit(inputs, pool);
                dir.saveFitted(fitted);
            }
            Map<Integer, ShardResult> done = dir.done();
            int resumed = done.size();
            List<Integer> todo = new ArrayList<>();
            long todoInputs = 0;
            for (int k = 0; k < pipeline.shards(inputs.size()); k++) {
                if (!done.containsKey(k)) {
                    todo.add(k);
                    todoInputs += range(inputs, k).size();
                }
            }
            listener.phase("shards", todoInputs);
            AtomicInteger started = new AtomicInteger();
            List<Scaler> steps = fitted;
            List<Callable<ShardResult>> tasks = new ArrayList<>();
            for (int k : todo) {
                tasks.add(() -> {
                    if (stopAfterShards >= 0 && started.getAndIncrement() >= stopAfterShards) return null;
                    List<InputRef> refs = range(inputs, k);
                    ShardResult r;
                    try (InputReader reader = new InputReader(pipeline.spec().source())) {
                        r = ShardTask.run(pipeline, steps, k, pending(refs, reader), dir.dir());
                    }
                    dir.record(r);
                    listener.advance(refs.size());
                    return r;
                });
            }
            boolean stopped = false;
            for (ShardResult r : all(pool, tasks)) {
                if (r == null) stopped = true; else done.put(r.shard(), r);
            }
            if (stopped) throw new Stopped(stopAfterShards);
            dir.finish(inputs, done.values());
            List<ShardResult.Failure> failures = done.values().stream().flatMap(r -> r.failed().stream()).toList();
            long written = done.values().stream().mapToLong(r -> r.inputs().size()).sum();
            return new RunSummary(dir.dir(), pipeline.shards(inputs.size()), resumed, inputs.size(), written, failures, fitted);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Fits every fit step in turn: one snapshot per shard-sized chunk, merged in chunk order. */
    private List<Scaler> fit(InputList inputs, ExecutorService pool) throws IOException {
        List<Scaler> fitted = new ArrayList<>();
        List<PipelineSpec.Fit> steps = pipeline.spec().fit();
        for (int step = 0; step < steps.size(); step++) {
            listener.phase("fit " + steps.get(step).name(), inputs.size());
            List<Callable<FitSnapshot>> tasks = new ArrayList<>();
            List<Scaler> before = List.copyOf(fitted);
            int s = step;
            for (int k = 0; k < pipeline.shards(inputs.size()); k++) {
                List<InputRef> refs = range(inputs, k);
                tasks.add(() -> {
                    try (InputReader reader = new InputReader(pipeline.spec().source())) {
                        FitSnapshot snap = ShardTask.fit(pipeline, before, s, pending(refs, reader));
                        listener.advance(refs.size());
                        return snap;
                    }
                });
            }
            fitted.add(FittedSteps.finishMerged(steps.get(step), step, all(pool, tasks)));
        }
        return fitted;
    }

    private List<InputRef> range(InputList inputs, int shard) {
        int size = pipeline.spec().output().shardSize();
        int from = shard * size;
        return inputs.inputs().subList(from, Math.min(inputs.size(), from + size));
    }

    private static Iterator<ShardTask.Pending> pending(List<InputRef> refs, InputReader reader) {
        return refs.stream().map(r -> new ShardTask.Pending(r, () -> reader.read(r))).iterator();
    }

    /** Runs the tasks and returns their results in task order; the first failure is rethrown as is. */
    private static <T> List<T> all(ExecutorService pool, List<Callable<T>> tasks) throws IOException {
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> t : tasks) futures.add(pool.submit(t));
        List<T> out = new ArrayList<>();
        try {
            for (Future<T> f : futures) out.add(f.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            // Stop: cancel what has not started and wait for what is running, so that nothing is
            // written into the output folder after the run has reported its failure.
            futures.forEach(f -> f.cancel(false));
            pool.shutdown();
            try {
                pool.awaitTermination(10, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            Throwable c = e.getCause();
            if (c instanceof IOException io) throw io;
            if (c instanceof UncheckedIOException u) throw u.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IOException(c);
        }
        return out;
    }
}
