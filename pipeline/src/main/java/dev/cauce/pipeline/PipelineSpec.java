package dev.cauce.pipeline;

import dev.cauce.core.ErrorPolicy;
import dev.cauce.core.TransformSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A whole pipeline, as written in a spec file: where the inputs come from, the transforms by name,
 * the fitted steps, where and how the shards go, the seed and the error policy. Read one with
 * {@link SpecFiles#read}; paths are already resolved against the spec file's folder.
 *
 * @param source     the inputs
 * @param transforms the steps every input goes through, the first one a reader (e.g. {@code read_image})
 * @param fit        estimators fitted on the transformed data, then applied in order
 * @param output     the shards
 * @param seed       the seed of every random step ({@code Rng.of(seed, epoch, sampleIndex, 0)})
 * @param epoch      the epoch of the random draws
 * @param onError    {@code fail} stops at the first bad input; {@code skip} leaves it out and reports it
 */
public record PipelineSpec(Source source, List<TransformSpec> transforms, List<Fit> fit, Output output,
                           long seed, int epoch, ErrorPolicy onError) {
    public PipelineSpec {
        transforms = List.copyOf(transforms);
        fit = List.copyOf(fit);
    }

    /** How labels are found. */
    public enum LabelSource { NONE, FOLDERS, CSV }

    /**
     * Where the inputs are: exactly one of a folder (walked recursively), a glob (relative to the
     * spec file's folder) or a list of tar files; labels from class folders or a CSV file.
     *
     * @param folder     a folder of inputs, or null
     * @param glob       a glob such as {@code data/**}{@code /*.png}, or null
     * @param tars       tar files whose entries are the inputs (empty when unused)
     * @param base       the folder the glob is relative to (the spec file's folder)
     * @param labels     none, the first folder under {@code folder} (or the tar entry's first folder), or CSV
     * @param labelsCsv  the CSV file ({@code file,label} per line, header optional) when labels = CSV
     * @param extensions file extensions to keep (lower case, no dot); empty keeps every non-hidden file
     */
    public record Source(Path folder, String glob, List<Path> tars, Path base, LabelSource labels,
                         Path labelsCsv, List<String> extensions) {
        public Source {
            tars = List.copyOf(tars);
            extensions = List.copyOf(extensions);
        }
    }

    /**
     * A fitted step: an estimator of {@code dev.cauce.core.scale} ({@code standard_scaler} or
     * {@code min_max_scaler}) with its options.
     */
    public record Fit(String name, Map<String, Object> params) {
        public Fit {
            params = Map.copyOf(params);
        }
    }

    /** The shard formats. */
    public enum Format {
        /** one {@code .npz} per shard: {@code x} (N, ...) float32 and {@code y} (N) int64 labels */
        NPZ,
        /** two {@code .npy} per shard: {@code shard-k.x.npy} and {@code shard-k.y.npy} */
        NPY,
        /** one tar per shard in the WebDataset layout: {@code KEY.npy} and {@code KEY.cls} per sample */
        WDS,
        /**
         * one {@code .parquet} per shard, a row per sample: {@code key} string, {@code label} int32 (when
         * labelled), {@code x} list&lt;float&gt; (the tensor in row-major order), {@code x_shape} list&lt;int32&gt;
         */
        PARQUET
    }

    /** Page compression of Parquet shards. */
    public enum Compression {
        SNAPPY, ZSTD, NONE;

        org.apache.parquet.hadoop.metadata.CompressionCodecName codec() {
            return switch (this) {
                case SNAPPY -> org.apache.parquet.hadoop.metadata.CompressionCodecName.SNAPPY;
                case ZSTD -> org.apache.parquet.hadoop.metadata.CompressionCodecName.ZSTD;
                case NONE -> org.apache.parquet.hadoop.metadata.CompressionCodecName.UNCOMPRESSED;
            };
        }
    }

    /**
     * @param dir       the output folder (created when missing)
     * @param format    the shard format
     * @param shardSize inputs per shard (the last shard may be shorter); shard k holds inputs
     *                  {@code [k*shardSize, (k+1)*shardSize)} of the sorted input list
     * @param compress    deflate NPZ members ({@code numpy.savez_compressed})
     * @param compression page compression of Parquet shards (snappy unless the spec says otherwise)
     */
    public record Output(Path dir, Format format, int shardSize, boolean compress, Compression compression) { }

    /** The first fitted step, if any. */
    public Optional<Fit> firstFit() {
        return fit.stream().findFirst();
    }
}
