package dev.cauce.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes a file so that readers never see it half-written: the bytes go to a temporary file in the
 * same folder, which is renamed over the target only once complete. A failed write leaves the
 * previous target (if any) untouched and removes the temporary file. So does an interrupted one
 * (SIGTERM, Ctrl-C, System.exit): a shutdown hook deletes the temporary files still being written,
 * which would otherwise stay behind as hidden half-written files until the next run.
 */
public final class AtomicFiles {
    /** Temporary files being written right now, deleted by the shutdown hook. */
    private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();

    static {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::deleteInFlight, "cauce-atomic-files-cleanup"));
        } catch (IllegalStateException shuttingDown) {
            // first used while the JVM is already shutting down: nothing to register any more
        }
    }

    private AtomicFiles() { }

    private static void deleteInFlight() {
        for (Path tmp : IN_FLIGHT) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort: the next run in the same folder removes leftovers too
            }
        }
    }

    /** Writes the content produced by {@code body}. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Opens the temporary file; a refusal names the user's target, not our hidden temporary, which
     * the user never asked for and would not recognise (e.g. {@code --out /proc/x.npz}).
     */
    private static OutputStream open(Path tmp, Path target) throws IOException {
        try {
            return Files.newOutputStream(tmp);
        } catch (FileSystemException e) {
            String why = e.getReason() != null ? e.getReason()
                    : e instanceof AccessDeniedException ? "permission denied" : "the file system refused to create it";
            throw new FileSystemException(target.toString(), null, "cannot write there: " + why);
        }
    }

    /** Writes {@code target} through {@code body}, atomically replacing any existing file. */
    public static void write(Path target, Body body) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        // Unique per process and thread, so concurrent writers never share a temporary file; not
        // Files.createTempFile, whose owner-only permissions would carry over to the final file.
        Path tmp = dir.resolve("." + abs.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Thread.currentThread().threadId() + ".tmp");
        IN_FLIGHT.add(tmp);
        try {
            try (OutputStream out = new BufferedOutputStream(open(tmp, abs), 1 << 16)) {
                body.writeTo(out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                // Some file systems (rare, e.g. certain network mounts) cannot rename atomically.
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
            IN_FLIGHT.remove(tmp);
        }
    }
}
