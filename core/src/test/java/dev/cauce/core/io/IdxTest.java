package dev.cauce.core.io;

import static org.junit.jupiter.api.Assertions.*;

import dev.cauce.core.Sample;
import dev.cauce.core.Tensor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** IDX reading on the real MNIST subset, every IDX type code, and the bad-input messages. */
class IdxTest {
    private static final Path IMAGES = TestResources.path("mnist/train-images-idx3-ubyte.gz");
    private static final Path LABELS = TestResources.path("mnist/train-labels-idx1-ubyte.gz");

    @Test
    void readsMnistImagesAndLabels() throws IOException {
        LabelledData d = Idx.readLabelled(IMAGES, LABELS);
        assertArrayEquals(new int[] {8000, 28, 28}, d.inputs().shape());
        assertEquals(8000, d.size());
        int[] counts = new int[10];
        for (int y : d.labels()) counts[y]++;
        // Class counts of the train split (shared/data/README.md).
        assertArrayEquals(new int[] {799, 908, 771, 833, 789, 707, 812, 854, 761, 766}, counts);
        // The first digit equals the golden NPY numpy made from the same file.
        Tensor first = d.inputs().slice(0);
        assertEquals(Npy.read(TestResources.path("golden/npy/u1_28x28.npy")).toTensor(), first);
        // Raw pixel sum of all train images (golden/scalers.json data.sum).
        double sum = 0;
        for (float v : d.inputs().data()) sum += v;
        assertEquals(209705576.0, sum);
    }

    @Test
    void plainAndGzippedFilesAreToldApartByContent(@TempDir Path tmp) throws IOException {
        byte[] raw = Idx.readAllMaybeGzipped(LABELS);
        Path plainWithGzName = tmp.resolve("labels.gz");
        Files.write(plainWithGzName, raw);
        assertArrayEquals(Idx.readLabels(LABELS), Idx.readLabels(plainWithGzName));
    }

    @Test
    void everyTypeCodeReadsBigEndianValues(@TempDir Path tmp) throws IOException {
        record Case(int code, int size, double[] values) { }
        List<Case> cases = List.of(
                new Case(0x08, 1, new double[] {0, 200, 255}),
                new Case(0x09, 1, new double[] {-128, -1, 127}),
                new Case(0x0B, 2, new double[] {-32768, 258, 32767}),
                new Case(0x0C, 4, new double[] {Integer.MIN_VALUE, 16909060, Integer.MAX_VALUE}),
                new Case(0x0D, 4, new double[] {-1.5, 3.25f, 1e-3f}),
                new Case(0x0E, 8, new double[] {0.1, -2.0, Double.MAX_VALUE}));
        for (Case c : cases) {
            ByteBuffer b = ByteBuffer.allocate(4 + 8 + 3 * c.size); // big-endian by default, as IDX
            b.putInt(c.code << 8 | 2).putInt(1).putInt(3);
            for (double v : c.values) {
                switch (c.code) {
                    case 0x08, 0x09 -> b.put((byte) v);
                    case 0x0B -> b.putShort((short) v);
                    case 0x0C -> b.putInt((int) v);
                    case 0x0D -> b.putFloat((float) v);
                    default -> b.putDouble(v);
                }
            }
            Path p = tmp.resolve("t" + c.code + ".idx");
            Files.write(p, b.array());
            NdArray a = Idx.read(p);
            assertArrayEquals(new int[] {1, 3}, a.shape());
            assertArrayEquals(c.values, a.toDoubles(), "type code " + c.code);
        }
    }

    // ------------------------------------------------------------------ bad input (made from real MNIST bytes)

    @Test
    void truncatedFileNamesTheFileAndTheByteCounts(@TempDir Path tmp) throws IOException {
        byte[] raw = Idx.readAllMaybeGzipped(IMAGES);
        Path cut = tmp.resolve("train-images-cut.idx");
        Files.write(cut, Arrays.copyOf(raw, raw.length - 1000));
        IOException e = assertThrows(IOException.class, () -> Idx.readImages(cut));
        assertEquals(cut + ": truncated file (expected 6272000 bytes of data for shape [8000, 28, 28], found 6271000)", e.getMessage());

        // The same truncation inside a gzip stream.
        Path cutGz = tmp.resolve("train-images-cut.gz");
        Files.write(cutGz, gzip(Arrays.copyOf(raw, raw.length - 1000)));
        e = assertThrows(IOException.class, () -> Idx.readImages(cutGz));
        assertTrue(e.getMessage().startsWith(cutGz + ": truncated file (expected 6272000 bytes"), e.getMessage());

        // A gzip file cut in the middle of its compressed stream.
        byte[] gz = Files.readAllBytes(IMAGES);
        Path brokenGz = tmp.resolve("broken.gz");
        Files.write(brokenGz, Arrays.copyOf(gz, gz.length / 2));
        e = assertThrows(IOException.class, () -> Idx.readImages(brokenGz));
        assertEquals(brokenGz + ": truncated gzip data (the compressed file ends early)", e.getMessage());

        Path tiny = tmp.resolve("tiny.idx");
        Files.write(tiny, Arrays.copyOf(raw, 10));
        e = assertThrows(IOException.class, () -> Idx.readImages(tiny));
        assertEquals(tiny + ": truncated file (expected 16 header bytes for rank 3, found 10)", e.getMessage());
    }

    @Test
    void wrongMagicNumberShowsHexAndExpectation(@TempDir Path tmp) throws IOException {
        // Labels where images are expected.
        IOException e = assertThrows(IOException.class, () -> Idx.readImages(LABELS));
        assertEquals(LABELS + ": wrong magic number 0x00000801, expected 0x00000803 (UINT8 rank 3, MNIST images); "
                + "the file holds UINT8 rank 1, MNIST labels", e.getMessage());

        byte[] raw = Idx.readAllMaybeGzipped(IMAGES);
        raw[0] = 0x12;
        raw[1] = 0x34;
        Path patched = tmp.resolve("patched.idx");
        Files.write(patched, raw);
        e = assertThrows(IOException.class, () -> Idx.read(patched));
        assertEquals(patched + ": wrong magic number 0x12340803, expected 0x0000TTDD (an IDX file starts with two zero bytes, "
                + "the type code and the rank)", e.getMessage());

        raw[0] = 0;
        raw[1] = 0;
        raw[2] = 0x0A;
        Files.write(patched, raw);
        e = assertThrows(IOException.class, () -> Idx.read(patched));
        assertEquals(patched + ": unsupported IDX type code 0x0A (supported: 0x08 uint8, 0x09 int8, 0x0B int16, 0x0C int32, "
                + "0x0D float32, 0x0E float64)", e.getMessage());
    }

    @Test
    void labelCountMismatchNamesBothFilesAndCounts(@TempDir Path tmp) throws IOException {
        byte[] raw = Idx.readAllMaybeGzipped(LABELS);
        // Keep 7999 labels: patch the count in the header and drop the last byte.
        byte[] fewer = Arrays.copyOf(raw, raw.length - 1);
        ByteBuffer.wrap(fewer).putInt(4, 7999);
        Path labels = tmp.resolve("labels-7999.idx");
        Files.write(labels, fewer);
        IOException e = assertThrows(IOException.class, () -> Idx.readLabelled(IMAGES, labels));
        assertEquals(labels + ": label count 7999 does not match the image count 8000 of " + IMAGES, e.getMessage());
        e = assertThrows(IOException.class, () -> LabelledData.load(IMAGES, labels));
        assertEquals(labels + ": label count 7999 does not match the image count 8000 of " + IMAGES, e.getMessage());
    }

    @Test
    void loadMixesIdxAndNpyAndStreamsNamedSamples(@TempDir Path tmp) throws IOException {
        LabelledData idx = Idx.readLabelled(IMAGES, LABELS);
        Path x = tmp.resolve("x.npy");
        Path y = tmp.resolve("y.npy");
        Npy.write(x, NdArray.ofUnsignedBytes(toBytes(idx.inputs().data()), 8000, 28, 28));
        long[] longs = Arrays.stream(idx.labels()).asLongStream().toArray();
        Npy.write(y, NdArray.ofLongs(longs, 8000));
        LabelledData npy = LabelledData.load(x, y);
        assertEquals(idx.inputs(), npy.inputs());
        assertArrayEquals(idx.labels(), npy.labels());

        List<Sample<Tensor>> first = npy.stream().take(3).toList(0, 0);
        assertEquals(x + "#2", first.get(2).source());
        assertEquals(idx.labels()[2], first.get(2).label());
        assertEquals(idx.inputs().slice(2), first.get(2).value());

        Path floatLabels = tmp.resolve("yf.npy");
        Npy.write(floatLabels, NdArray.ofFloats(new float[8000], 8000));
        IOException e = assertThrows(IOException.class, () -> LabelledData.load(x, floatLabels));
        assertEquals(floatLabels + ": labels must be a 1-d integer array, got FLOAT32 with shape [8000]", e.getMessage());
    }

    @Test
    void loadSplitFindsIdxOrNpyPairsByName(@TempDir Path tmp) throws IOException {
        Files.copy(IMAGES, tmp.resolve("train-images-idx3-ubyte.gz"));
        Files.copy(LABELS, tmp.resolve("train-labels-idx1-ubyte.gz"));
        LabelledData idx = LabelledData.loadSplit(tmp, "train");
        assertEquals(8000, idx.size());
        Npy.write(tmp.resolve("x_test.npy"), idx.inputs());
        Npy.write(tmp.resolve("y_test.npy"), NdArray.ofInts(idx.labels(), 8000));
        LabelledData npy = LabelledData.loadSplit(tmp, "test");
        assertEquals(idx.inputs(), npy.inputs());
        assertArrayEquals(idx.labels(), npy.labels());
        IOException e = assertThrows(IOException.class, () -> LabelledData.loadSplit(tmp, "val"));
        assertEquals(tmp + ": no val split found (looked for val-images-idx3-ubyte.gz, val-images-idx3-ubyte, val-images.npy, x_val.npy)",
                e.getMessage());
        Files.delete(tmp.resolve("y_test.npy"));
        e = assertThrows(IOException.class, () -> LabelledData.loadSplit(tmp, "test"));
        assertEquals(tmp + ": found x_test.npy but not its labels file y_test.npy", e.getMessage());
    }

    private static byte[] toBytes(float[] v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) b[i] = (byte) (int) v[i];
        return b;
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(data);
        }
        return bos.toByteArray();
    }
}
