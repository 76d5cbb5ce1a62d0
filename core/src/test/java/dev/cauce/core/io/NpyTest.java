package dev.cauce.core.io;

import static org.junit.jupiter.api.Assertions.*;

import dev.cauce.core.Tensor;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Round trips, header versions and bad input of the NPY reader and writer. */
class NpyTest {

    @Test
    void roundTripsEveryWritableKind(@TempDir Path tmp) throws IOException {
        List<NdArray> arrays = List.of(
                NdArray.of(Tensor.of(new float[] {1.5f, -2f, Float.NaN, Float.NEGATIVE_INFINITY, 0f, 7f}, 2, 3)),
                NdArray.ofDoubles(new double[] {0.1, Double.MIN_VALUE, -0.0, Double.MAX_VALUE}, 4),
                NdArray.ofLongs(new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE}, 2, 2),
                NdArray.ofInts(new int[] {3, 1, 4}, 3),
                NdArray.ofUnsignedBytes(new byte[] {0, 127, (byte) 255, 1}, 1, 4),
                NdArray.ofFloats(new float[] {42f}),
                NdArray.ofFloats(new float[0], 0, 5));
        for (NdArray a : arrays) {
            Path p = tmp.resolve("a.npy");
            Npy.write(p, a);
            NdArray back = Npy.read(p);
            assertEquals(a, back, a.toString());
            assertEquals(0, (Files.size(p) - a.size() * a.dtype().size()) % 64, "data starts at a multiple of 64");
        }
        assertArrayEquals(new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE}, arrays.get(2).toLongs());
        assertArrayEquals(new int[] {0, 127, 255, 1}, arrays.get(4).toInts());
    }

    @Test
    void hugeHeaderSwitchesToVersion2AndVersion3Reads() throws IOException {
        // Only a rank far beyond NumPy's 32-dimension limit makes a plain-dtype header exceed 65535
        // bytes, so this checks the format rules (2.0 length field, alignment), not NumPy interop.
        int[] shape = new int[25_000];
        Arrays.fill(shape, 1);
        NdArray a = NdArray.ofFloats(new float[] {2.5f}, shape);
        byte[] bytes = Npy.toBytes(a);
        assertEquals(2, bytes[6]);
        assertEquals(0, (bytes.length - 4) % 64);
        assertEquals(a, Npy.read(new ByteArrayInputStream(bytes), "v2"));
        bytes[6] = 3; // 3.0 differs from 2.0 only by a UTF-8 header; ours is ASCII
        assertEquals(a, Npy.read(new ByteArrayInputStream(bytes), "v3"));
        NdArray small = NdArray.ofFloats(new float[] {1f}, 1);
        assertEquals(1, Npy.toBytes(small)[6]);
    }

    @Test
    void unsupportedDtypesNameTheFileAndTheDtype(@TempDir Path tmp) throws IOException {
        for (String descr : List.of("<c8", "<U5", "|O", "<M8[ns]", "|S3", "<f16")) {
            Path p = tmp.resolve("bad_" + descr.replaceAll("[^A-Za-z0-9]", "_") + ".npy");
            Files.write(p, npyWithHeader("{'descr': '" + descr + "', 'fortran_order': False, 'shape': (2,), }", new byte[64]));
            IOException e = assertThrows(IOException.class, () -> Npy.read(p));
            assertTrue(e.getMessage().startsWith(p.toString() + ": unsupported dtype '" + descr + "'"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"));
        }
        Path structured = tmp.resolve("structured.npy");
        Files.write(structured, npyWithHeader("{'descr': [('x', '<f4'), ('y', '<i4')], 'fortran_order': False, 'shape': (1,), }", new byte[8]));
        IOException e = assertThrows(IOException.class, () -> Npy.read(structured));
        assertTrue(e.getMessage().startsWith(structured + ": unsupported dtype [[x, <f4], [y, <i4]]"), e.getMessage());
    }

    @Test
    void truncatedAndForeignFilesAreNamed(@TempDir Path tmp) throws IOException {
        byte[] full = Npy.toBytes(NdArray.ofDoubles(new double[] {1, 2, 3}, 3));
        Path cut = tmp.resolve("cut.npy");
        Files.write(cut, Arrays.copyOf(full, full.length - 5));
        IOException e = assertThrows(IOException.class, () -> Npy.read(cut));
        assertEquals(cut + ": truncated file (expected 24 bytes of data, found 19)", e.getMessage());

        Path text = tmp.resolve("notes.npy");
        Files.writeString(text, "hello, world");
        e = assertThrows(IOException.class, () -> Npy.read(text));
        assertTrue(e.getMessage().startsWith(text + ": not an NPY file"), e.getMessage());

        Path v9 = tmp.resolve("v9.npy");
        byte[] b = full.clone();
        b[6] = 9;
        Files.write(v9, b);
        e = assertThrows(IOException.class, () -> Npy.read(v9));
        assertEquals(v9 + ": unsupported NPY format version 9.0 (Cauce reads 1.0, 2.0 and 3.0)", e.getMessage());

        Path garbled = tmp.resolve("garbled.npy");
        Files.write(garbled, npyWithHeader("{'descr': '<f4', 'fortran_order': Maybe, 'shape': (1,), }", new byte[4]));
        e = assertThrows(IOException.class, () -> Npy.read(garbled));
        assertTrue(e.getMessage().startsWith(garbled + ": malformed NPY header"), e.getMessage());
    }

    @Test
    void failedWriteLeavesNoFileBehind(@TempDir Path tmp) throws IOException {
        Path target = tmp.resolve("x.npy");
        Npy.write(target, NdArray.ofInts(new int[] {1}, 1));
        byte[] before = Files.readAllBytes(target);
        assertThrows(IllegalArgumentException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[100]);
            throw new IllegalArgumentException("simulated failure mid-write");
        }));
        assertArrayEquals(before, Files.readAllBytes(target), "the old file is untouched");
        try (var s = Files.list(tmp)) {
            assertEquals(List.of(target), s.toList(), "no temporary file left");
        }
    }

    /** A version 1.0 NPY file with a hand-written header (padded like NumPy's) and raw data. */
    static byte[] npyWithHeader(String dict, byte[] data) {
        int unpadded = 10 + dict.length() + 1;
        int total = unpadded + 64 - unpadded % 64;
        byte[] out = new byte[total + data.length];
        System.arraycopy(Npy.MAGIC, 0, out, 0, 6);
        out[6] = 1;
        out[8] = (byte) (total - 10);
        out[9] = (byte) ((total - 10) >> 8);
        byte[] text = dict.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(text, 0, out, 10, text.length);
        Arrays.fill(out, 10 + text.length, total - 1, (byte) ' ');
        out[total - 1] = '\n';
        System.arraycopy(data, 0, out, total, data.length);
        return out;
    }
}
