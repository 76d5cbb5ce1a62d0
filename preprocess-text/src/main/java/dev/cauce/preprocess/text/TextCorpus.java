package dev.cauce.preprocess.text;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A collection of raw text documents: a folder tree, a {@code .tar}/{@code .tar.gz}/{@code .tgz}
 * archive, or one file. A document's label is the name of the folder that holds it (as in
 * scikit-learn's {@code load_files}): {@code spam-assassin/spam-1/00001.txt} is labelled
 * {@code spam-1}. Documents are read as bytes; decoding is the caller's choice ({@link TextDecoding}).
 * Folder files are visited in sorted path order, archive members in archive order.
 */
public final class TextCorpus {
    private TextCorpus() { }

    /** One raw document. */
    public record Document(String source, String label, byte[] bytes) { }

    /** Receives each document; may throw to stop the walk. */
    @FunctionalInterface
    public interface Visitor {
        void accept(Document doc) throws IOException;
    }

    /** Streams every document of {@code path} to {@code visitor}, holding one document at a time. */
    public static void forEach(Path path, Visitor visitor) throws IOException {
        if (!Files.exists(path)) throw new IOException(path + ": no such file or folder");
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(path)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : files) {
                Path parent = path.relativize(f).getParent();
                String label = parent == null ? "" : parent.getFileName().toString();
                visitor.accept(new Document(f.toString(), label, Files.readAllBytes(f)));
            }
        } else if (name.endsWith(".tar") || name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
            try (InputStream raw = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
                 InputStream in = name.endsWith(".tar") ? raw : new GzipCompressorInputStream(raw);
                 TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
                TarArchiveEntry e;
                while ((e = tar.getNextEntry()) != null) {
                    if (!e.isFile()) continue;
                    String member = e.getName();
                    String[] parts = member.split("/");
                    String label = parts.length >= 2 ? parts[parts.length - 2] : "";
                    visitor.accept(new Document(path + "!" + member, label, tar.readAllBytes()));
                }
            }
        } else {
            Path parent = path.toAbsolutePath().getParent();
            String label = parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
            visitor.accept(new Document(path.toString(), label, Files.readAllBytes(path)));
        }
    }

    /** Every document in memory (for small corpora and tests). */
    public static List<Document> readAll(Path path) throws IOException {
        List<Document> out = new ArrayList<>();
        forEach(path, out::add);
        return out;
    }
}
