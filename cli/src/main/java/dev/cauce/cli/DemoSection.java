package dev.cauce.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * One short section of {@code cauce demo}, run on the bundled samples before the MNIST training run.
 * A section prints a few lines and may write pictures into {@code outDir}; it should take under 20 s.
 */
public interface DemoSection {
    /** A short title, printed as a heading. */
    String title();

    /**
     * @param samples the repository's {@code samples/} folder
     * @param outDir  where the section may write previews (created already)
     * @param out     where to print
     */
    void run(Path samples, Path outDir, PrintStream out) throws Exception;
}
