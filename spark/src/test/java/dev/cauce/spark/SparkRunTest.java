package dev.cauce.spark;

import dev.cauce.core.SampleException;
import dev.cauce.core.Tensor;
import dev.cauce.core.io.Idx;
import dev.cauce.core.io.NdArray;
import dev.cauce.core.io.Npz;
import dev.cauce.pipeline.LocalRunner;
import dev.cauce.pipeline.Pipeline;
import dev.cauce.pipeline.RunDirectory;
import dev.cauce.pipeline.RunListener;
import dev.cauce.pipeline.RunSummary;
import dev.cauce.preprocess.image.Image;
import dev.cauce.preprocess.image.ImageCodec;
import dev.cauce.preprocess.text.word2vec.Sentences;
import dev.cauce.preprocess.text.word2vec.Word2Vec;
import dev.cauce.preprocess.text.word2vec.Word2VecConfig;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spark local[2] against the local engine: the same bytes, the same fit, the same error policy. */
class SparkRunTest {
    private static final Path SAMPLES = Path.of("..", "samples");
    private static JavaSparkContext sc;

    @TempDir static Path data;
    @TempDir Path work;

    @BeforeAll
    static void start() throws IOException {
        // One context for the whole class: starting Spark costs seconds.
        SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("cauce-spark-test")
                .set("spark.ui.enabled", "false").set("spark.sql.shuffle.partitions", "4");
        SparkRunner.CONF.forEach(conf::set);
        sc = new JavaSparkContext(conf);
        sc.setLogLevel("ERROR");
        mnistPngs(data.resolve("mnist"), 50);
    }

    @AfterAll
    static void stop() {
        if (sc != null) sc.stop();
    }

    private static String mnistSpec(Path out) {
        return """
                source: {folder: %s, labels: folders}
                transforms:
                  - read_image
                  - to_gray
                  - {name: to_tensor, params: {scale: UNIT}}
                fit:
                  - {name: standard_scaler}
                output: {dir: %s, format: npz, shardSize: 12}
                seed: 11
                """.formatted(data.resolve("mnist"), out);
    }

    private Path spec(String name, String yaml) throws IOException {
        Path f = work.resolve(name);
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void sparkWritesTheBytesAndFitOfTheLocalRun() throws IOException {
        RunSummary local = new LocalRunner(Pipeline.load(spec("local.yaml", mnistSpec(work.resolve("local")))), 2, RunListener.NONE).run();
        RunSummary spark = new SparkRunner(sc, Pipeline.load(spec("spark.yaml", mnistSpec(work.resolve("spark"))))).run();
        assertEquals(5, spark.shards());
        assertEquals(50, spark.written());
        assertEquals(local.fitted().get(0).spec(), spark.fitted().get(0).spec(), "fitted statistics identical");
        assertSameFiles(local.dir(), spark.dir());
    }

    @Test
    void aLocalRunStoppedHalfWayIsFinishedBySparkWithTheSameBytes() throws IOException {
        Path full = new LocalRunner(Pipeline.load(spec("full.yaml", mnistSpec(work.resolve("full")))), 1, RunListener.NONE).run().dir();
        Path specFile = spec("half.yaml", mnistSpec(work.resolve("half")));
        assertThrows(LocalRunner.Stopped.class, () -> new LocalRunner(Pipeline.load(specFile), 1, RunListener.NONE, 2).run());
        RunSummary rest = new SparkRunner(sc, Pipeline.load(specFile)).run();
        assertEquals(2, rest.resumed());
        assertSameFiles(full, rest.dir());
    }

    @Test
    void corruptInputsFollowTheErrorPolicyOnSpark() throws IOException {
        Path photos = work.resolve("photos");
        List<Path> files;
        try (Stream<Path> s = Files.list(SAMPLES.resolve("images"))) {
            files = s.filter(p -> !p.getFileName().toString().equals("NOTICE")).sorted().toList();
        }
        for (int i = 0; i < files.size(); i++) {
            Path to = photos.resolve(i % 2 == 0 ? "even" : "odd").resolve(files.get(i).getFileName());
            Files.createDirectories(to.getParent());
            Files.copy(files.get(i), to);
        }
        Files.write(photos.resolve("odd/broken.jpg"), Arrays.copyOf(Files.readAllBytes(files.get(0)), 300));
        String yaml = """
                source: {folder: photos, labels: folders}
                transforms:
                  - read_image
                  - to_rgb
                  - {name: resize_center_crop, params: {width: 20, height: 20, interpolation: AREA}}
                  - to_tensor
                fit:
                  - {name: min_max_scaler, params: {featureRange: [-1, 1]}}
                output: {dir: out-%s, format: wds, shardSize: 3}
                onError: %s
                """;
        RunSummary local = new LocalRunner(Pipeline.load(spec("l.yaml", yaml.formatted("local", "skip"))), 2, RunListener.NONE).run();
        RunSummary spark = new SparkRunner(sc, Pipeline.load(spec("s.yaml", yaml.formatted("spark", "skip")))).run();
        assertEquals(List.of("odd/broken.jpg"), spark.failures().stream().map(f -> f.input()).toList());
        assertEquals(local.failures(), spark.failures());
        assertSameFiles(local.dir(), spark.dir());

        SampleException e = assertThrows(SampleException.class,
                () -> new SparkRunner(sc, Pipeline.load(spec("f.yaml", yaml.formatted("fail", "fail")))).run());
        assertEquals("odd/broken.jpg", e.source());
        assertTrue(e.getMessage().contains("corrupt or truncated"), e.getMessage());
    }

    @Test
    void parquetShardsAreTheLocalBytesAndSparkReadsBackTheNpzValues() throws IOException {
        String parquet = mnistSpec(work.resolve("pq-local")).replace("format: npz, shardSize: 12", "format: parquet, shardSize: 12");
        RunSummary local = new LocalRunner(Pipeline.load(spec("pl.yaml", parquet)), 2, RunListener.NONE).run();
        RunSummary spark = new SparkRunner(sc, Pipeline.load(spec("ps.yaml", parquet.replace("pq-local", "pq-spark")))).run();
        assertSameFiles(local.dir(), spark.dir());
        RunSummary npz = new LocalRunner(Pipeline.load(spec("pz.yaml", mnistSpec(work.resolve("pq-npz")))), 2, RunListener.NONE).run();

        // Spark's own Parquet reader (Hadoop codecs, vectorized reader) against the NPZ shards.
        Map<String, Integer> labels = new TreeMap<>();
        Map<String, float[]> xs = new TreeMap<>();
        for (int k = 0; k < npz.shards(); k++) {
            Map<String, NdArray> z = Npz.read(npz.dir().resolve(String.format("shard-%05d.npz", k)));
            List<String> inputs = RunDirectory.at(npz.dir()).done().get(k).inputs();
            for (int i = 0; i < inputs.size(); i++) {
                labels.put(inputs.get(i), (int) z.get("y").toLongs()[i]);
                xs.put(inputs.get(i), Arrays.copyOfRange(z.get("x").toFloats(), i * 784, (i + 1) * 784));
            }
        }
        SparkSession session = SparkSession.builder().sparkContext(sc.sc()).getOrCreate();
        Dataset<Row> df = session.read().parquet(spark.dir().toString());
        assertEquals("struct<key:string,label:int,x:array<float>,x_shape:array<int>>", df.schema().simpleString());
        List<Row> rows = df.orderBy("key").collectAsList();
        assertEquals(List.copyOf(labels.keySet()), rows.stream().map(r -> r.getString(0)).toList());
        for (Row r : rows) {
            String key = r.getString(0);
            assertEquals(labels.get(key), r.getInt(1), key);
            List<Float> x = r.getList(2);
            float[] got = new float[x.size()];
            for (int i = 0; i < got.length; i++) got[i] = x.get(i);
            assertArrayEquals(xs.get(key), got, key);
            assertEquals(List.of(1, 28, 28), r.getList(3), key);
        }
    }

    @Test
    void executorsRebuildWordReplaceFromTheFilesTheSpecNamesAndWriteTheLocalBytes() throws IOException {
        // Data files beside the spec, named relative to it: WordNet synonyms and vectors trained on the sample mails.
        Path mails = SAMPLES.resolve("text/mail").toAbsolutePath().normalize();
        Files.copy(SAMPLES.resolve("text/wordnet-extract.tsv"), work.resolve("wn.tsv"));
        List<List<String>> sentences = new java.util.ArrayList<>();
        try (Stream<Path> s = Files.walk(mails)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                sentences.addAll(Sentences.split(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1), Sentences.LETTER_WORDS));
            }
        }
        Word2Vec.train(sentences, Word2VecConfig.defaults().withDim(8).withMinCount(2).withEpochs(1).withThreads(1))
                .vectors().saveBinary(work.resolve("mail.bin"));
        String text = """
                source: {folder: %s, labels: folders}
                transforms:
                  - {name: text.read, params: {decoding: latin1}}
                  - {name: text.word_replace, params: {source: wordnet, wordnet: wn.tsv, fraction: 0.3}}
                  - {name: text.word_replace, params: {source: word2vec, vectors: mail.bin, k: 3, minSimilarity: 0.0, fraction: 0.2}}
                  - text.tokenize.simple
                  - {name: text.hashing, params: {nFeatures: 128, alternateSign: false, l2: true}}
                  - text.to_tensor
                output: {dir: OUT, format: parquet, shardSize: 3}
                seed: 5
                """.formatted(mails);
        RunSummary local = new LocalRunner(Pipeline.load(spec("tl.yaml", text.replace("OUT", "text-local"))), 2, RunListener.NONE).run();
        RunSummary spark = new SparkRunner(sc, Pipeline.load(spec("ts.yaml", text.replace("OUT", "text-spark")))).run();
        assertEquals(8, spark.written());
        assertSameFiles(local.dir(), spark.dir());
        // The word replacements took part: without them the term vectors differ.
        RunSummary plain = new LocalRunner(Pipeline.load(spec("tp.yaml", text.replace("OUT", "text-plain")
                .replace("fraction: 0.3", "fraction: 0.0").replace("fraction: 0.2", "fraction: 0.0"))), 2, RunListener.NONE).run();
        boolean differs = false;
        for (int k = 0; k < local.shards(); k++) {
            String f = String.format("shard-%05d.parquet", k);
            differs |= !Arrays.equals(Files.readAllBytes(local.dir().resolve(f)), Files.readAllBytes(plain.dir().resolve(f)));
        }
        assertTrue(differs, "the replacements changed some term vectors");
    }

    static void mnistPngs(Path dir, int count) throws IOException {
        Tensor x = Idx.readImages(SAMPLES.resolve("mnist/test-images-idx3-ubyte.gz"));
        int[] y = Idx.readLabels(SAMPLES.resolve("mnist/test-labels-idx1-ubyte.gz"));
        for (int i = 0; i < count; i++) {
            float[] px = x.slice(i).data();
            byte[] b = new byte[px.length];
            for (int j = 0; j < px.length; j++) b[j] = (byte) Math.round(px[j]);
            Path file = dir.resolve(Integer.toString(y[i])).resolve(String.format("%05d.png", i));
            Files.createDirectories(file.getParent());
            Files.write(file, ImageCodec.encode(Image.ofBytes(28, 28, 1, b), "png"));
        }
    }

    static void assertSameFiles(Path a, Path b) throws IOException {
        Map<String, byte[]> fa = files(a);
        Map<String, byte[]> fb = files(b);
        assertEquals(fa.keySet(), fb.keySet());
        for (String f : fa.keySet()) assertArrayEquals(fa.get(f), fb.get(f), f + " differs");
    }

    private static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
        }
        return out;
    }
}
