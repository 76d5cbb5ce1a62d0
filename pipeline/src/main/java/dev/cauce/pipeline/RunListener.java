package dev.cauce.pipeline;

/** Progress of a run, for a progress bar: phases (fitting, writing shards) and inputs done. */
public interface RunListener {
    /** A phase starts: {@code total} inputs to go through (already-finished shards excluded). */
    void phase(String name, long total);

    /** {@code n} more inputs done in the current phase. Called from worker threads. */
    void advance(long n);

    /** A listener that ignores everything. */
    RunListener NONE = new RunListener() {
        @Override public void phase(String name, long total) { }
        @Override public void advance(long n) { }
    };
}
