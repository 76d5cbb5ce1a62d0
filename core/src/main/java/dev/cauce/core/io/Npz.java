package dev.cauce.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Reads and writes NumPy's {@code .npz} archives: a zip file with one {@code NAME.npy} member per
 * array, stored ({@code numpy.savez}) or deflated ({@code numpy.savez_compressed}).
 *
 * <p>Arrays are keyed by member name without the {@code .npy} suffix, in archive order, as
 * {@code numpy.load(path)[key]} does. Writing is atomic ({@link AtomicFiles}) and reproducible:
 * members carry zipfile's default timestamp 1980-01-01 00:00, as NumPy's do.
 */
public final class Npz {
    private static final LocalDateTime DOS_EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);

    private Npz() { }

    /** Reads every array of an NPZ file, keyed by name (member name minus {@code .npy}), in archive order. */
    public static Map<String, NdArray> read(Path file) throws IOException {
        Map<String, NdArray> out = new LinkedHashMap<>();
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new IOException(file + ": not a valid NPZ (zip) file: " + e.getMessage(), e);
        }
        try (zip) {
            for (ZipEntry entry : Collections.list((Enumeration<? extends ZipEntry>) zip.entries())) {
                if (entry.isDirectory()) continue;
                String member = entry.getName();
                if (!member.endsWith(".npy")) {
                    throw new IOException(file + ": member '" + member + "' is not a .npy array");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    out.put(member.substring(0, member.length() - 4), Npy.read(in, file + "!" + member));
                } catch (ZipException e) {
                    throw new IOException(file + "!" + member + ": corrupt zip member: " + e.getMessage(), e);
                }
            }
        }
        return out;
    }

    /** Writes the arrays uncompressed, like {@code numpy.savez}. */
    public static void write(Path file, Map<String, NdArray> arrays) throws IOException {
        write(file, arrays, false);
    }

    /** Writes the arrays deflated, like {@code numpy.savez_compressed}. */
    public static void writeCompressed(Path file, Map<String, NdArray> arrays) throws IOException {
        write(file, arrays, true);
    }

    private static void write(Path file, Map<String, NdArray> arrays, boolean compressed) throws IOException {
        for (String name : arrays.keySet()) {
            if (name.isEmpty() || name.contains("/") || name.contains("\\")) {
                throw new IllegalArgumentException("NPZ array name must be non-empty without '/' or '\\\\', got '" + name + "'");
            }
        }
        AtomicFiles.write(file, raw -> {
            ZipOutputStream zip = new ZipOutputStream(raw);
            for (Map.Entry<String, NdArray> e : arrays.entrySet()) {
                byte[] npy = Npy.toBytes(e.getValue());
                ZipEntry entry = new ZipEntry(e.getKey() + ".npy");
                entry.setTimeLocal(DOS_EPOCH);
                if (compressed) {
                    entry.setMethod(ZipEntry.DEFLATED);
                } else {
                    // A stored entry must declare its size and CRC before its data.
                    CRC32 crc = new CRC32();
                    crc.update(npy);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(npy.length);
                    entry.setCompressedSize(npy.length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(npy);
                zip.closeEntry();
            }
            zip.finish();
        });
    }
}
