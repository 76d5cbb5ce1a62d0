package dev.cauce.pipeline;

import dev.cauce.core.io.NdArray;
import dev.cauce.core.io.Npz;
import dev.cauce.core.spec.SpecException;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parquet shards read back with parquet-java's own reader and compared with the NPZ shards of the same spec. */
class ParquetShardsTest {
    static final int DIGITS = 60;

    @TempDir static Path data;
    @TempDir Path work;

    @BeforeAll
    static void writeDigits() throws IOException {
        Fixtures.mnistPngs(data.resolve("mnist"), DIGITS);
    }

    private RunSummary run(String name, String format, String extra) throws IOException {
        String yaml = LocalRunTest.mnistSpec(data.resolve("mnist"), work.resolve(name), format, "")
                .replace("shardSize: 16}", "shardSize: 16" + extra + "}");
        return new LocalRunner(Pipeline.load(Fixtures.spec(work.resolve(name + ".yaml"), yaml)), 2, RunListener.NONE).run();
    }

    @Test
    void everyCompressionHoldsTheNpzSamplesValueByValue() throws IOException {
        RunSummary npz = run("npz", "npz", "");
        for (String compression : List.of("snappy", "zstd", "none")) {
            RunSummary pq = run("pq-" + compression, "parquet", ", compression: " + compression);
            assertEquals(npz.fitted().get(0).spec(), pq.fitted().get(0).spec());
            List<String> manifestInputs = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                Path file = pq.dir().resolve(ShardFiles.name(k) + ".parquet");
                Shard shard = Shard.read(file);
                assertEquals(ParquetShards.schema(true), shard.schema());
                CompressionCodecName want = compression.equals("none") ? CompressionCodecName.UNCOMPRESSED
                        : CompressionCodecName.valueOf(compression.toUpperCase(java.util.Locale.ROOT));
                for (BlockMetaData block : shard.blocks()) {
                    for (ColumnChunkMetaData c : block.getColumns()) {
                        assertEquals(want, c.getCodec(), file + " " + c.getPath());
                        // The footer lists a chunk's encodings in HashSet order, which differs between
                        // JVMs: only a single encoding gives the same bytes in every JVM.
                        assertEquals(1, c.getEncodings().size(), file + " " + c.getPath() + " " + c.getEncodings());
                    }
                }
                Map<String, NdArray> z = Npz.read(npz.dir().resolve(ShardFiles.name(k) + ".npz"));
                float[] x = z.get("x").toFloats();
                long[] y = z.get("y").toLongs();
                assertEquals(y.length, shard.rows().size());
                for (int i = 0; i < y.length; i++) {
                    Group row = shard.rows().get(i);
                    assertEquals(y[i], row.getInteger(ParquetShards.LABEL, 0), file + " row " + i);
                    assertArrayEquals(new int[] {1, 28, 28}, ints(row.getGroup(ParquetShards.SHAPE, 0)));
                    assertArrayEquals(Arrays.copyOfRange(x, i * 784, (i + 1) * 784), floats(row.getGroup(ParquetShards.X, 0)), file + " row " + i);
                    String key = row.getString(ParquetShards.KEY, 0);
                    assertTrue(key.startsWith(y[i] + "/") && key.endsWith(".png"), key);
                    manifestInputs.add(key);
                }
            }
            assertEquals(manifestInputs, npzInputs(npz.dir()), "keys are the inputs of the manifest, in order");
        }
    }

    @Test
    void aStoppedParquetRunResumesToTheSameBytesAndLeavesNoPartialFile() throws IOException {
        Path full = run("full", "parquet", "").dir();
        String yaml = LocalRunTest.mnistSpec(data.resolve("mnist"), work.resolve("resumed"), "parquet", "");
        Path specFile = Fixtures.spec(work.resolve("resumed.yaml"), yaml);
        assertThrows(LocalRunner.Stopped.class, () -> new LocalRunner(Pipeline.load(specFile), 1, RunListener.NONE, 2).run());
        Path out = work.resolve("resumed");
        // What a kill in the middle of a write leaves: a temporary file, and a renamed shard not yet in the journal.
        Files.write(out.resolve(".shard-00003.parquet.999.1.tmp"), Arrays.copyOf(Files.readAllBytes(full.resolve("shard-00003.parquet")), 100));
        Files.copy(full.resolve("shard-00002.parquet"), out.resolve("shard-00002.parquet"));
        RunSummary rest = new LocalRunner(Pipeline.load(specFile), 2, RunListener.NONE).run();
        assertEquals(2, rest.resumed());
        LocalRunTest.assertSameFiles(full, out);
        Set<String> keys = new HashSet<>();
        try (Stream<Path> s = Files.list(out)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".parquet")).toList()) {
                for (Group g : Shard.read(f).rows()) assertTrue(keys.add(g.getString(ParquetShards.KEY, 0)), "written twice");
            }
        }
        assertEquals(DIGITS, keys.size());
    }

    @Test
    void unlabelledPhotosHaveNoLabelColumnAndTheirOwnShape() throws IOException {
        Fixtures.photos(work.resolve("photos"));
        Path spec = Fixtures.spec(work.resolve("photos.yaml"), """
                source: {folder: photos}
                transforms: [read_image, to_rgb, {name: resize, params: {width: 24, height: 16, interpolation: AREA}}, to_tensor]
                output: {dir: out, format: parquet, shardSize: 4}
                """);
        RunSummary s = new LocalRunner(Pipeline.load(spec), 2, RunListener.NONE).run();
        Shard shard = Shard.read(s.dir().resolve("shard-00000.parquet"));
        assertEquals(ParquetShards.schema(false), shard.schema());
        assertFalse(shard.schema().containsField(ParquetShards.LABEL));
        Group first = shard.rows().get(0);
        assertEquals("even/" + firstPhoto(), first.getString(ParquetShards.KEY, 0));
        assertArrayEquals(new int[] {3, 16, 24}, ints(first.getGroup(ParquetShards.SHAPE, 0)));
        assertEquals(3 * 16 * 24, floats(first.getGroup(ParquetShards.X, 0)).length);
    }

    @Test
    void badOutputOptionsAreOneLineNamingTheKeyPath() throws IOException {
        String good = LocalRunTest.mnistSpec(data.resolve("mnist"), work.resolve("bad"), "parquet", "");
        SpecException codec = assertThrows(SpecException.class, () -> Pipeline.load(Fixtures.spec(work.resolve("c.yaml"),
                good.replace("shardSize: 16}", "shardSize: 16, compression: lz4}"))));
        assertEquals("output.compression: 'lz4' is not allowed, allowed [snappy, zstd, none]", codec.getMessage());
        SpecException npz = assertThrows(SpecException.class, () -> Pipeline.load(Fixtures.spec(work.resolve("n.yaml"),
                good.replace("format: parquet, shardSize: 16}", "format: npz, shardSize: 16, compression: zstd}"))));
        assertEquals("output.compression: applies to format parquet only (npz shards take compress: true)", npz.getMessage());
        SpecException flag = assertThrows(SpecException.class, () -> Pipeline.load(Fixtures.spec(work.resolve("f.yaml"),
                good.replace("shardSize: 16}", "shardSize: 16, compress: true}"))));
        assertEquals("output.compress: applies to npz only; Parquet shards take compression: snappy | zstd | none", flag.getMessage());
        SpecException format = assertThrows(SpecException.class, () -> Pipeline.load(Fixtures.spec(work.resolve("p.yaml"),
                good.replace("format: parquet", "format: parquets"))));
        assertEquals("output.format: 'parquets' is not allowed, allowed [npz, npy, wds, parquet]", format.getMessage());
    }

    private static String firstPhoto() throws IOException {
        try (Stream<Path> s = Files.list(Fixtures.SAMPLES.resolve("images"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("NOTICE")).sorted().findFirst().orElseThrow();
        }
    }

    private static List<String> npzInputs(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        for (ShardResult r : RunDirectory.at(dir).done().values()) out.addAll(r.inputs());
        return out;
    }

    static float[] floats(Group list) {
        float[] out = new float[list.getFieldRepetitionCount("list")];
        for (int i = 0; i < out.length; i++) out[i] = list.getGroup("list", i).getFloat("element", 0);
        return out;
    }

    static int[] ints(Group list) {
        int[] out = new int[list.getFieldRepetitionCount("list")];
        for (int i = 0; i < out.length; i++) out[i] = list.getGroup("list", i).getInteger("element", 0);
        return out;
    }

    /** A Parquet file as parquet-java's example object model reads it (no Hadoop on the class path). */
    record Shard(MessageType schema, List<BlockMetaData> blocks, List<Group> rows) {
        static Shard read(Path file) throws IOException {
            ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                    .withCodecFactory(new ParquetCodecs()).build();
            try (ParquetFileReader reader = new ParquetFileReader(new LocalInputFile(file), options)) {
                MessageType schema = reader.getFooter().getFileMetaData().getSchema();
                List<Group> rows = new ArrayList<>();
                PageReadStore pages;
                while ((pages = reader.readNextRowGroup()) != null) {
                    RecordReader<Group> records = new ColumnIOFactory().getColumnIO(schema).getRecordReader(pages, new GroupRecordConverter(schema));
                    for (long i = 0; i < pages.getRowCount(); i++) rows.add(records.read());
                }
                return new Shard(schema, reader.getFooter().getBlocks(), rows);
            }
        }
    }
}
