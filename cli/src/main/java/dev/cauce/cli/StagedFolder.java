package dev.cauce.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An output folder written whole or not at all. Files go into a hidden staging folder beside the
 * target, renamed into place by {@link #commit()}; closing without a commit (an error, a
 * {@code --on-error fail} stop) or an interrupt (SIGTERM, Ctrl-C, through a shutdown hook) removes
 * the staging folder. So a folder of several files (x.npy, y.npy, ...) never mixes two runs, and
 * nothing half-written is left behind.
 *
 * <p>The target must be absent or empty: replacing a non-empty folder cannot be one rename, and
 * deleting a user's folder is not ours to decide.
 */
public final class StagedFolder implements AutoCloseable {
    private final Path target;
    private final Path staging;
    private final Thread cleanup;
    private boolean committed;

    private StagedFolder(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
        this.cleanup = new Thread(() -> {
            // workers may still add a file while we walk the folder, so try a few times (best effort)
            for (int attempt = 0; attempt < 3 && Files.exists(staging); attempt++) {
                try {
                    deleteRecursively(staging);
                } catch (IOException | RuntimeException ignored) {
                    // retried; nothing more can be done while the JVM shuts down
                }
            }
        }, "cauce-staging-cleanup");
    }

    /**
     * Starts staging {@code target} (given by {@code option}); a non-empty target is a usage error.
     * Call {@link OutputChecks#folder} first for the file-system checks.
     */
    public static StagedFolder create(String option, Path target) throws IOException {
        if (Files.isDirectory(target)) {
            try (Stream<Path> s = Files.list(target)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException(option + " " + target + " exists and is not empty (choose a new folder, or delete it)");
                }
            }
        }
        Path staging = target.toAbsolutePath().resolveSibling("." + target.getFileName() + ".partial-" + ProcessHandle.current().pid());
        deleteRecursively(staging);
        Files.createDirectories(staging);
        StagedFolder f = new StagedFolder(target, staging);
        Runtime.getRuntime().addShutdownHook(f.cleanup);
        return f;
    }

    /** The folder to write into until {@link #commit()}. */
    public Path path() {
        return staging;
    }

    /** Renames the staged folder into place (replacing an empty target folder). */
    public void commit() throws IOException {
        if (Files.exists(target)) Files.delete(target);
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging, target);
        }
        committed = true;
    }

    /** Removes the staging folder unless committed. */
    @Override
    public void close() throws IOException {
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or about to run; nothing to remove
        }
        if (!committed) deleteRecursively(staging);
    }

    /** Deletes {@code p} and everything under it; nothing if it does not exist. */
    public static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                try {
                    Files.delete(q);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
