package dev.cauce.pipeline;

import dev.cauce.core.Tensor;
import dev.cauce.core.io.AtomicFiles;
import dev.cauce.core.io.NdArray;
import dev.cauce.core.io.Npy;
import dev.cauce.core.io.Npz;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes one shard in the spec's format, reproducibly (fixed timestamps and owners, so the same
 * samples always give the same bytes) and atomically (temporary name, then rename).
 */
final class ShardFiles {
    private ShardFiles() { }

    /** The base name of shard {@code k}: {@code shard-00042}. */
    static String name(int shard) {
        return String.format(Locale.ROOT, "shard-%05d", shard);
    }

    /** Writes the shard and returns its file names (relative to {@code dir}). */
    static List<String> write(PipelineSpec.Output out, Path dir, int shard, List<Tensor> xs, List<Long> labels,
                              List<String> ids, boolean withLabels) throws IOException {
        String base = name(shard);
        switch (out.format()) {
            case NPZ -> {
                NdArray x = NdArray.of(Tensor.stack(xs));
                NdArray y = labels(labels);
                Map<String, NdArray> arrays = new LinkedHashMap<>();
                arrays.put("x", x);
                if (withLabels) arrays.put("y", y);
                Path file = dir.resolve(base + ".npz");
                if (out.compress()) Npz.writeCompressed(file, arrays); else Npz.write(file, arrays);
                return List.of(base + ".npz");
            }
            case NPY -> {
                Npy.write(dir.resolve(base + ".x.npy"), NdArray.of(Tensor.stack(xs)));
                if (!withLabels) return List.of(base + ".x.npy");
                Npy.write(dir.resolve(base + ".y.npy"), labels(labels));
                return List.of(base + ".x.npy", base + ".y.npy");
            }
            case PARQUET -> {
                List<ParquetShards.Row> rows = new ArrayList<>(xs.size());
                for (int i = 0; i < xs.size(); i++) rows.add(new ParquetShards.Row(ids.get(i), Math.toIntExact(labels.get(i)), xs.get(i)));
                AtomicFiles.write(dir.resolve(base + ".parquet"), raw -> ParquetShards.write(raw, rows, withLabels, out.compression().codec()));
                return List.of(base + ".parquet");
            }
            default -> { // WDS
                AtomicFiles.write(dir.resolve(base + ".tar"), raw -> {
                    TarArchiveOutputStream tar = new TarArchiveOutputStream(raw);
                    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                    for (int i = 0; i < xs.size(); i++) {
                        String key = key(ids.get(i));
                        entry(tar, key + ".npy", Npy.toBytes(NdArray.of(xs.get(i))));
                        if (withLabels) entry(tar, key + ".cls", Long.toString(labels.get(i)).getBytes(StandardCharsets.US_ASCII));
                    }
                    tar.finish();
                });
                return List.of(base + ".tar");
            }
        }
    }

    /**
     * The labels as an int64 array. Only the batch formats (NPZ, NPY) stack the shard into arrays;
     * Parquet and tar shards are written sample by sample, without a second copy of the shard.
     */
    private static NdArray labels(List<Long> labels) {
        return NdArray.ofLongs(labels.stream().mapToLong(Long::longValue).toArray(), labels.size());
    }

    /**
     * The WebDataset key of an input: its id without the extension, with any other dot replaced
     * by '_' (WebDataset splits a member name at the first dot of its base name).
     */
    static String key(String id) {
        int slash = id.lastIndexOf('/');
        String dirPart = id.substring(0, slash + 1);
        String file = id.substring(slash + 1);
        int dot = file.lastIndexOf('.');
        if (dot > 0) file = file.substring(0, dot);
        return dirPart.replace('.', '_') + file.replace('.', '_');
    }

    private static void entry(TarArchiveOutputStream tar, String name, byte[] data) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(data.length);
        e.setModTime(0L);
        e.setMode(0100644);
        e.setUserId(0);
        e.setGroupId(0);
        e.setUserName("");
        e.setGroupName("");
        tar.putArchiveEntry(e);
        tar.write(data);
        tar.closeArchiveEntry();
    }
}
