package dev.cauce.cli.text;

import dev.cauce.cli.Main;
import dev.cauce.cli.Progress;
import dev.cauce.preprocess.text.TextCorpus;
import dev.cauce.preprocess.text.TextDecoding;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Reads a corpus (folder, .tar.gz or file), decodes and processes every document, and keeps going
 * or stops at the first bad one as the user chose with {@code --on-error}.
 */
final class CorpusLoader {
    private CorpusLoader() { }

    /** One processed document. */
    record Doc<T>(String source, String label, T value) { }

    /** The documents that worked and the ones that failed ("source: problem"). */
    record Loaded<T>(List<Doc<T>> docs, List<String> failures) {
        /** Prints the failure report; returns the exit code (0 none failed, 1 some did). */
        int report(PrintStream err) {
            if (failures.isEmpty()) return 0;
            err.println(failures.size() + " document(s) skipped:");
            failures.stream().limit(20).forEach(f -> err.println("  " + f));
            if (failures.size() > 20) err.println("  ... and " + (failures.size() - 20) + " more");
            return 1;
        }
    }

    static <T> Loaded<T> load(Path in, TextDecoding decoding, boolean failFast, boolean quiet, Function<String, T> process)
            throws IOException {
        // every caller takes the corpus as --in; a missing one is a typo (exit 2), not a failed read
        dev.cauce.cli.OptionChecks.inputExists("--in", in, "file or folder");
        List<Doc<T>> docs = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        // Progress draws only on an interactive terminal; --quiet turns it off there too
        try (Progress bar = Progress.start("reading " + in.getFileName(), -1, "docs", quiet)) {
            TextCorpus.forEach(in, d -> {
                try {
                    String text = decoding.decode(d.bytes(), d.source());
                    docs.add(new Doc<>(d.source(), d.label(), process.apply(text)));
                } catch (IllegalArgumentException e) {
                    if (failFast) throw new IOException(e.getMessage(), e);
                    failures.add(e.getMessage());
                }
                bar.step(1);
            });
        }
        if (docs.isEmpty()) {
            throw new IOException(in + ": no usable documents" + (failures.isEmpty() ? "" : " (" + failures.size() + " failed; first: " + failures.getFirst() + ")"));
        }
        return new Loaded<>(docs, failures);
    }
}
