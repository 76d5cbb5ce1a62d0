package dev.cauce.core;

import java.util.ArrayList;
import java.util.List;

/** Thread-safe record of the samples a stream skipped, with the reason for each. */
public final class ErrorReport {
    public record Failure(String source, String problem) { }

    private final List<Failure> failures = new ArrayList<>();

    public synchronized void add(String source, String problem) {
        failures.add(new Failure(source, problem));
    }

    public synchronized List<Failure> failures() {
        return List.copyOf(failures);
    }

    public synchronized int count() {
        return failures.size();
    }

    public synchronized boolean isEmpty() {
        return failures.isEmpty();
    }
}
