package dev.cauce.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the bundled {@code samples/} folder: under $CAUCE_HOME (set by ./cauce), else the working directory. */
public final class Samples {
    private Samples() { }

    public static Path dir() {
        String home = System.getenv("CAUCE_HOME");
        if (home != null && Files.isDirectory(Path.of(home, "samples"))) return Path.of(home, "samples");
        return Path.of("samples");
    }
}
