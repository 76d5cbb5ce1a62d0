package dev.cauce.core.io;

import dev.cauce.core.Tensor;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, the format of the MNIST distribution
 * (<a href="http://yann.lecun.com/exdb/mnist/">LeCun et al.</a>): a big-endian magic number
 * {@code 0x0000TTDD} (type code TT, rank DD), DD big-endian 32-bit dimensions, then the elements
 * big-endian in C order. Files may be gzip-compressed (recognised by the bytes {@code 1f 8b}, not
 * by the file name).
 *
 * <p>Type codes: {@code 0x08} uint8, {@code 0x09} int8, {@code 0x0B} int16, {@code 0x0C} int32,
 * {@code 0x0D} float32, {@code 0x0E} float64. MNIST images are {@code 0x00000803} (uint8, rank 3)
 * and labels {@code 0x00000801} (uint8, rank 1).
 *
 * <p>Every error is an {@link IOException} whose one-line message starts with the file name and
 * says what is wrong (truncation with the byte counts, a wrong magic number in hex with what was
 * expected, an unsupported type code).
 */
public final class Idx {
    /** Magic number of MNIST image files: uint8, rank 3. */
    public static final int MAGIC_IMAGES = 0x00000803;
    /** Magic number of MNIST label files: uint8, rank 1. */
    public static final int MAGIC_LABELS = 0x00000801;

    private Idx() { }

    /** Reads any IDX file into a typed array (little-endian, C order), keeping the exact values. */
    public static NdArray read(Path file) throws IOException {
        return read(file, -1);
    }

    /**
     * Reads MNIST-style images: magic {@code 0x00000803}, shape (N, rows, cols), values 0..255 as
     * float32 (not rescaled).
     */
    public static Tensor readImages(Path file) throws IOException {
        return read(file, MAGIC_IMAGES).toTensor();
    }

    /** Reads MNIST-style labels: magic {@code 0x00000801}, one uint8 class index per sample. */
    public static int[] readLabels(Path file) throws IOException {
        return read(file, MAGIC_LABELS).toInts();
    }

    /**
     * Reads an image file and its label file (IDX, as {@link #readImages} and {@link #readLabels})
     * and checks that they hold the same number of samples.
     */
    public static LabelledData readLabelled(Path images, Path labels) throws IOException {
        return LabelledData.of(readImages(images), images, readLabels(labels), labels);
    }

    /** Reads the file; {@code expectedMagic} of -1 accepts any valid IDX magic number. */
    private static NdArray read(Path file, int expectedMagic) throws IOException {
        byte[] bytes = readAllMaybeGzipped(file);
        if (bytes.length < 4) {
            throw new IOException(file + ": truncated file (expected at least 4 bytes of IDX magic number, found " + bytes.length + ")");
        }
        int magic = bigEndianInt(bytes, 0);
        if (expectedMagic >= 0 && magic != expectedMagic) {
            throw new IOException(file + ": wrong magic number " + hex(magic) + ", expected " + hex(expectedMagic) + " ("
                    + describe(expectedMagic) + ")" + (isIdx(magic) ? "; the file holds " + describe(magic) : ""));
        }
        if ((magic >>> 16) != 0) {
            throw new IOException(file + ": wrong magic number " + hex(magic)
                    + ", expected 0x0000TTDD (an IDX file starts with two zero bytes, the type code and the rank)");
        }
        int code = (magic >>> 8) & 0xFF;
        DType dtype = dtypeOf(code);
        if (dtype == null) {
            throw new IOException(file + ": unsupported IDX type code " + String.format("0x%02X", code)
                    + " (supported: 0x08 uint8, 0x09 int8, 0x0B int16, 0x0C int32, 0x0D float32, 0x0E float64)");
        }
        int rank = magic & 0xFF;
        int headerBytes = 4 + 4 * rank;
        if (bytes.length < headerBytes) {
            throw new IOException(file + ": truncated file (expected " + headerBytes + " header bytes for rank " + rank
                    + ", found " + bytes.length + ")");
        }
        int[] shape = new int[rank];
        long count = 1;
        for (int d = 0; d < rank; d++) {
            long dim = bigEndianInt(bytes, 4 + 4 * d) & 0xFFFF_FFFFL;
            if (dim > Integer.MAX_VALUE) throw new IOException(file + ": dimension " + d + " is " + dim + ", too large");
            shape[d] = (int) dim;
            count *= dim;
            if (count * dtype.size() > Integer.MAX_VALUE - 8) {
                throw new IOException(file + ": shape " + Arrays.toString(Arrays.copyOf(shape, d + 1)) + "... is too large for one Java array");
            }
        }
        long expected = count * dtype.size();
        long found = bytes.length - headerBytes;
        if (found < expected) {
            throw new IOException(file + ": truncated file (expected " + expected + " bytes of data for shape "
                    + Arrays.toString(shape) + ", found " + found + ")");
        }
        if (found > expected) {
            throw new IOException(file + ": " + (found - expected) + " unexpected bytes after the data of shape "
                    + Arrays.toString(shape) + " (expected " + expected + " bytes of data, found " + found + ")");
        }
        byte[] data = Arrays.copyOfRange(bytes, headerBytes, bytes.length);
        Layouts.swapBytes(data, dtype.size());
        return new NdArray(dtype, shape, data);
    }

    private static DType dtypeOf(int code) {
        return switch (code) {
            case 0x08 -> DType.UINT8;
            case 0x09 -> DType.INT8;
            case 0x0B -> DType.INT16;
            case 0x0C -> DType.INT32;
            case 0x0D -> DType.FLOAT32;
            case 0x0E -> DType.FLOAT64;
            default -> null;
        };
    }

    private static boolean isIdx(int magic) {
        return (magic >>> 16) == 0 && dtypeOf((magic >>> 8) & 0xFF) != null;
    }

    private static String describe(int magic) {
        return dtypeOf((magic >>> 8) & 0xFF) + " rank " + (magic & 0xFF)
                + (magic == MAGIC_IMAGES ? ", MNIST images" : magic == MAGIC_LABELS ? ", MNIST labels" : "");
    }

    /** Reads the whole file, gunzipping it when it starts with the gzip magic bytes 1f 8b. */
    static byte[] readAllMaybeGzipped(Path file) throws IOException {
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            if (b0 != 0x1f || b1 != 0x8b) return raw.readAllBytes();
            try (InputStream in = new GZIPInputStream(raw, 1 << 16)) {
                return in.readAllBytes();
            } catch (EOFException e) {
                throw new IOException(file + ": truncated gzip data (the compressed file ends early)", e);
            } catch (ZipException e) {
                throw new IOException(file + ": corrupt gzip data (" + e.getMessage() + ")", e);
            }
        }
    }

    private static int bigEndianInt(byte[] b, int off) {
        return (b[off] & 0xFF) << 24 | (b[off + 1] & 0xFF) << 16 | (b[off + 2] & 0xFF) << 8 | (b[off + 3] & 0xFF);
    }

    private static String hex(int v) {
        return String.format("0x%08X", v);
    }
}
