package dev.cauce.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks that an output path can be written, done before a command decodes or computes anything,
 * so that a bad {@code --out} fails in a second, not after the whole batch. The wrong kind of path
 * (a folder where a file is expected, or the reverse) is a {@link Main.UsageException} (exit 2);
 * a place the file system will not let us write is an {@link IOException} (exit 1).
 */
public final class OutputChecks {

    private OutputChecks() {
    }

    /** {@code out} will be written as a file: it must not be a folder, and its folder must be creatable. */
    public static void file(String option, Path out, String hint) throws IOException {
        if (Files.isDirectory(out)) throw new Main.UsageException(option + " " + out + " is a folder, expected a file name (" + hint + ")");
        writableFolder(option, out, out.toAbsolutePath().getParent());
    }

    /** {@code out} will be (created as) a folder: it must not be a file, and it must be creatable. */
    public static void folder(String option, Path out) throws IOException {
        if (Files.exists(out) && !Files.isDirectory(out)) throw new Main.UsageException(option + " " + out + " is a file, expected a folder");
        writableFolder(option, out, out.toAbsolutePath());
    }

    /** The nearest existing ancestor of {@code dir} (or dir itself) must be a writable folder. */
    private static void writableFolder(String option, Path out, Path dir) throws IOException {
        Path p = dir;
        while (p != null && !Files.exists(p)) p = p.getParent();
        String cannot = option + " " + out + ": cannot write there, ";
        if (p == null) throw new IOException(cannot + "no existing folder above it");
        if (!Files.isDirectory(p)) throw new IOException(cannot + p + " is a file, not a folder");
        if (!Files.isWritable(p)) throw new IOException(cannot + "folder " + p + " is not writable");
    }
}
