package dev.cauce.pipeline;

import com.github.luben.zstd.Zstd;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Page compression for Parquet shards without Hadoop: parquet-java's own codec factory loads
 * Hadoop's {@code CompressionCodec} classes (about 50 MB of Hadoop client jars), so Cauce calls the
 * same libraries those codecs wrap, snappy-java and zstd-jni, directly. Both are deterministic for
 * a given library version, which the parent POM pins to the versions Spark brings.
 */
final class ParquetCodecs implements CompressionCodecFactory {
    /** zstd's default level, as parquet-java uses it. */
    static final int ZSTD_LEVEL = 3;

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        check(codec);
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                return switch (codec) {
                    case SNAPPY -> BytesInput.from(Snappy.compress(bytes.toByteArray()));
                    case ZSTD -> BytesInput.from(Zstd.compress(bytes.toByteArray(), ZSTD_LEVEL));
                    default -> bytes;
                };
            }

            @Override
            public CompressionCodecName getCodecName() {
                return codec;
            }

            @Override
            public void release() { }
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        check(codec);
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                return BytesInput.from(decode(bytes.toByteArray(), uncompressedSize));
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize) throws IOException {
                byte[] in = new byte[compressedSize];
                input.get(in);
                output.put(decode(in, uncompressedSize));
            }

            private byte[] decode(byte[] in, int uncompressedSize) throws IOException {
                return switch (codec) {
                    case SNAPPY -> Snappy.uncompress(in);
                    case ZSTD -> Zstd.decompress(in, uncompressedSize);
                    default -> in;
                };
            }

            @Override
            public void release() { }
        };
    }

    @Override
    public void release() { }

    private static void check(CompressionCodecName codec) {
        if (codec != CompressionCodecName.UNCOMPRESSED && codec != CompressionCodecName.SNAPPY && codec != CompressionCodecName.ZSTD) {
            throw new IllegalArgumentException("Parquet compression " + codec + " is not supported, use SNAPPY, ZSTD or UNCOMPRESSED");
        }
    }
}
