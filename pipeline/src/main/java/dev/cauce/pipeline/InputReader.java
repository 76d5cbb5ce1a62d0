package dev.cauce.pipeline;

import dev.cauce.core.SampleException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads inputs' bytes from a local source (folder, glob base or tar files); keeps the tar files it
 * opened until closed. One reader per thread.
 */
final class InputReader implements AutoCloseable {
    private final PipelineSpec.Source source;
    private final Map<String, TarFile> tars = new HashMap<>();
    private final Map<String, Map<String, TarArchiveEntry>> entries = new HashMap<>();

    InputReader(PipelineSpec.Source source) {
        this.source = source;
    }

    /** The bytes of {@code in}; a file that cannot be read is a {@link SampleException} naming it. */
    byte[] read(InputRef in) {
        try {
            if (source.tars().isEmpty()) {
                Path root = source.folder() != null ? source.folder() : source.base();
                return Files.readAllBytes(root.resolve(in.id()));
            }
            int slash = in.id().indexOf('/');
            String tarName = in.id().substring(0, slash);
            String entryName = in.id().substring(slash + 1);
            TarFile tar = tars.get(tarName);
            if (tar == null) {
                Path file = source.tars().stream().filter(p -> p.getFileName().toString().equals(tarName)).findFirst()
                        .orElseThrow(() -> new IOException("no tar named " + tarName + " in source.tars"));
                tar = new TarFile(file);
                tars.put(tarName, tar);
                Map<String, TarArchiveEntry> byName = new HashMap<>();
                for (TarArchiveEntry e : tar.getEntries()) byName.put(e.getName(), e);
                entries.put(tarName, byName);
            }
            TarArchiveEntry entry = entries.get(tarName).get(entryName);
            if (entry == null) throw new IOException("entry not found in " + tarName);
            try (InputStream s = tar.getInputStream(entry)) {
                return s.readAllBytes();
            }
        } catch (IOException e) {
            throw new SampleException(in.id(), "cannot read: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        for (TarFile t : tars.values()) t.close();
    }
}
