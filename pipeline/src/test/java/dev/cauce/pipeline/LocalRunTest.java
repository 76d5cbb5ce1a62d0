package dev.cauce.pipeline;

import dev.cauce.core.SampleException;
import dev.cauce.core.Tensor;
import dev.cauce.core.io.NdArray;
import dev.cauce.core.io.Npy;
import dev.cauce.core.io.Npz;
import dev.cauce.core.scale.StandardScaler;
import dev.cauce.core.spec.SpecException;
import dev.cauce.preprocess.image.Image;
import dev.cauce.preprocess.image.ImageCodec;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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

class LocalRunTest {
    static final int DIGITS = 60;

    @TempDir static Path data;
    @TempDir Path work;

    @BeforeAll
    static void writeDigits() throws IOException {
        Fixtures.mnistPngs(data.resolve("mnist"), DIGITS);
    }

    static String mnistSpec(Path mnist, Path out, String format, String extra) {
        return """
                source: {folder: %s, labels: folders}
                transforms:
                  - read_image
                  - to_gray
                  - {name: to_tensor, params: {scale: UNIT}}
                fit:
                  - {name: standard_scaler}
                output: {dir: %s, format: %s, shardSize: 16}
                seed: 7
                %s
                """.formatted(mnist, out, format, extra);
    }

    private Path spec(String name, String yaml) throws IOException {
        return Fixtures.spec(work.resolve(name), yaml);
    }

    @Test
    void oneAndThreeThreadsWriteTheSameBytesAndTheFitEqualsADirectFit() throws IOException {
        Path mnist = data.resolve("mnist");
        RunSummary one = new LocalRunner(Pipeline.load(spec("a.yaml", mnistSpec(mnist, work.resolve("out1"), "npz", ""))), 1, RunListener.NONE).run();
        RunSummary three = new LocalRunner(Pipeline.load(spec("b.yaml", mnistSpec(mnist, work.resolve("out3"), "npz", ""))), 3, RunListener.NONE).run();
        assertEquals(4, one.shards());
        assertEquals(DIGITS, one.written());
        assertTrue(one.failures().isEmpty());
        assertSameFiles(one.dir(), three.dir());

        // The fitted statistics equal core's one-pass fit over the same tensors (to 1e-12 relative).
        List<Tensor> direct = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        try (Stream<Path> s = Files.walk(mnist)) {
            for (Path p : s.filter(Files::isRegularFile).sorted((a, b) -> mnist.relativize(a).toString().compareTo(mnist.relativize(b).toString())).toList()) {
                direct.add(ImageCodec.decode(p).toGray().toTensor(Image.PixelScale.UNIT));
                labels.add(p.getParent().getFileName().toString());
            }
        }
        StandardScaler expected = StandardScaler.fit(direct);
        StandardScaler fitted = (StandardScaler) one.fitted().get(0);
        assertClose(expected.mean(), fitted.mean());
        assertClose(expected.variance(), fitted.variance());

        // Shard 0 holds the first 16 inputs in sorted order, standardized, with their folder labels.
        Map<String, NdArray> shard0 = Npz.read(one.dir().resolve("shard-00000.npz"));
        assertArrayEquals(new int[] {16, 1, 28, 28}, shard0.get("x").shape());
        long[] y = shard0.get("y").toLongs();
        for (int i = 0; i < 16; i++) assertEquals(Long.parseLong(labels.get(i)), y[i]);
        float[] x0 = shard0.get("x").toFloats();
        float[] want = expected.apply(direct.get(3), null).data();
        assertArrayEquals(want, Arrays.copyOfRange(x0, 3 * 784, 4 * 784));
    }

    @Test
    void aStoppedRunResumesToTheSameBytesWithoutDuplicates() throws IOException {
        Path mnist = data.resolve("mnist");
        Path full = new LocalRunner(Pipeline.load(spec("full.yaml", mnistSpec(mnist, work.resolve("full"), "wds", ""))), 2, RunListener.NONE).run().dir();

        Path specFile = spec("resume.yaml", mnistSpec(mnist, work.resolve("resumed"), "wds", ""));
        LocalRunner.Stopped stop = assertThrows(LocalRunner.Stopped.class,
                () -> new LocalRunner(Pipeline.load(specFile), 1, RunListener.NONE, 2).run());
        assertTrue(stop.getMessage().contains("resume"));
        Path out = work.resolve("resumed");
        assertFalse(Files.exists(out.resolve("_manifest.json")), "no manifest before the job is complete");
        try (Stream<Path> journal = Files.list(out.resolve("_journal"))) {
            assertEquals(List.of("shard-00000.json", "shard-00001.json"), journal.map(p -> p.getFileName().toString()).sorted().toList());
        }
        // What a kill in the middle of writes leaves behind: temporary files, and a shard renamed
        // into place whose journal entry was not written yet.
        // (99999999 is above Linux's largest process id, so no live process owns these)
        Files.write(out.resolve(".shard-00003.tar.99999999.1.tmp"), new byte[] {1, 2, 3});
        Files.write(out.resolve("_journal/.shard-00003.json.99999999.1.tmp"), new byte[] {4});
        Files.write(out.resolve("shard-00002.tar"), new byte[] {5, 6});

        RunSummary rest = new LocalRunner(Pipeline.load(specFile), 2, RunListener.NONE).run();
        assertEquals(2, rest.resumed());
        assertSameFiles(full, out);
        Set<String> seen = new HashSet<>();
        List<String> keys = new ArrayList<>();
        for (String f : List.of("shard-00000.tar", "shard-00001.tar", "shard-00002.tar", "shard-00003.tar")) {
            try (InputStream in = Files.newInputStream(out.resolve(f)); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
                TarArchiveEntry e;
                while ((e = tar.getNextEntry()) != null) {
                    assertEquals(0L, e.getModTime().getTime());
                    if (e.getName().endsWith(".npy")) keys.add(e.getName());
                }
            }
        }
        for (String k : keys) assertTrue(seen.add(k), "input written twice: " + k);
        assertEquals(DIGITS, keys.size());
    }

    @Test
    void npyAndWebDatasetShardsHoldTheSameSamplesAsNpz() throws IOException {
        Path mnist = data.resolve("mnist");
        String noFit = "";
        Path npz = new LocalRunner(Pipeline.load(spec("z.yaml", mnistSpec(mnist, work.resolve("z"), "npz", noFit))), 2, RunListener.NONE).run().dir();
        Path npy = new LocalRunner(Pipeline.load(spec("y.yaml", mnistSpec(mnist, work.resolve("y"), "npy", noFit))), 2, RunListener.NONE).run().dir();
        Path wds = new LocalRunner(Pipeline.load(spec("w.yaml", mnistSpec(mnist, work.resolve("w"), "wds", noFit))), 2, RunListener.NONE).run().dir();
        Map<String, NdArray> z = Npz.read(npz.resolve("shard-00001.npz"));
        assertEquals(z.get("x"), Npy.read(npy.resolve("shard-00001.x.npy")));
        assertEquals(z.get("y"), Npy.read(npy.resolve("shard-00001.y.npy")));
        try (InputStream in = Files.newInputStream(wds.resolve("shard-00001.tar")); TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry first = tar.getNextEntry();
            NdArray sample = Npy.read(new java.io.ByteArrayInputStream(tar.readAllBytes()), first.getName());
            assertArrayEquals(Arrays.copyOfRange(z.get("x").toFloats(), 0, 784), sample.toFloats());
            TarArchiveEntry cls = tar.getNextEntry();
            assertEquals(first.getName().replace(".npy", ".cls"), cls.getName());
            assertEquals(Long.toString(z.get("y").toLongs()[0]), new String(tar.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII));
        }
    }

    @Test
    void tarShardsAsSourceGiveTheSameArraysAsTheFolder() throws IOException {
        Path mnist = data.resolve("mnist");
        Path tarFile = work.resolve("digits.tar");
        try (OutputStream raw = Files.newOutputStream(tarFile); TarArchiveOutputStream tar = new TarArchiveOutputStream(raw);
             Stream<Path> s = Files.walk(mnist)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                TarArchiveEntry e = new TarArchiveEntry(p.toFile(), mnist.relativize(p).toString());
                tar.putArchiveEntry(e);
                Files.copy(p, tar);
                tar.closeArchiveEntry();
            }
        }
        Path folder = new LocalRunner(Pipeline.load(spec("f.yaml", mnistSpec(mnist, work.resolve("f"), "npz", ""))), 2, RunListener.NONE).run().dir();
        String tarSpec = mnistSpec(mnist, work.resolve("t"), "npz", "").replace("folder: " + mnist, "tars: [" + tarFile + "]");
        Path fromTar = new LocalRunner(Pipeline.load(spec("t.yaml", tarSpec)), 2, RunListener.NONE).run().dir();
        for (int k = 0; k < 4; k++) {
            String f = ShardFiles.name(k) + ".npz";
            assertArrayEquals(Files.readAllBytes(folder.resolve(f)), Files.readAllBytes(fromTar.resolve(f)), f);
        }
    }

    @Test
    void corruptInputsFollowTheErrorPolicy() throws IOException {
        Path photos = Fixtures.photos(work.resolve("photos"));
        Files.write(photos.resolve("odd/broken.jpg"), Arrays.copyOf(Files.readAllBytes(photos.resolve("even/baboon.jpg")), 200));
        Files.writeString(photos.resolve("even/notes.png"), "not a picture");
        String yaml = """
                source: {folder: photos, labels: folders}
                transforms:
                  - read_image
                  - to_rgb
                  - {name: resize, params: {width: 24, height: 16, interpolation: AREA}}
                  - to_tensor
                output: {dir: out-%s, shardSize: 3}
                onError: %s
                """;
        RunSummary skip = new LocalRunner(Pipeline.load(spec("skip.yaml", yaml.formatted("skip", "skip"))), 2, RunListener.NONE).run();
        assertEquals(9, skip.inputs());
        assertEquals(7, skip.written());
        assertEquals(List.of("even/notes.png", "odd/broken.jpg"), skip.failures().stream().map(ShardResult.Failure::input).sorted().toList());
        String manifest = Files.readString(skip.dir().resolve("_manifest.json"));
        assertTrue(manifest.contains("\"input\" : \"odd/broken.jpg\""), manifest);

        SampleException fail = assertThrows(SampleException.class,
                () -> new LocalRunner(Pipeline.load(spec("fail.yaml", yaml.formatted("fail", "fail"))), 2, RunListener.NONE).run());
        assertEquals("even/notes.png", fail.source());
        // Nothing is written after the failure is reported: the folder is the same a moment later.
        Map<String, byte[]> after = Fixtures.files(work.resolve("out-fail"));
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertEquals(Fixtures.names(after), Fixtures.names(Fixtures.files(work.resolve("out-fail"))));
        assertTrue(fail.getMessage().startsWith("even/notes.png: not a JPEG, PNG"), fail.getMessage());
    }

    @Test
    void aGrayPhotoAmongColourOnesIsToldToConvertItsChannels() throws IOException {
        // samples/images holds left01.jpg, a gray JPEG; read_image keeps one channel for it
        Fixtures.photos(work.resolve("photos"));
        String yaml = """
                source: {folder: photos, labels: folders}
                transforms: [read_image, {name: resize, params: {width: 24, height: 16}}, to_tensor]
                output: {dir: out, shardSize: 100}
                """;
        RunSummary s = new LocalRunner(Pipeline.load(spec("gray.yaml", yaml)), 1, RunListener.NONE).run();
        assertEquals(List.of(new ShardResult.Failure("even/left01.jpg", "gives shape [1, 16, 24] but the shard's first sample has [3, 16, 24] "
                + "(give every image one channel count: add to_rgb or to_gray after read_image)")), s.failures());
    }

    @Test
    void badSpecsAreOneLineNamingTheKeyPath() throws IOException {
        Path mnist = data.resolve("mnist");
        String good = mnistSpec(mnist, work.resolve("bad"), "npz", "");
        SpecException name = assertThrows(SpecException.class, () -> Pipeline.load(spec("n.yaml", good.replace("- to_gray", "- to_grey"))));
        assertTrue(name.getMessage().startsWith("transforms[1].name: unknown transform 'to_grey' (did you mean to_gray"), name.getMessage());

        SpecException range = assertThrows(SpecException.class, () -> Pipeline.load(spec("r.yaml",
                good.replace("- to_gray", "- {name: resize, params: {width: -5, height: 28}}"))));
        assertEquals("transforms[1].params.width: -5 is out of range, allowed [1, 65536]", range.getMessage());

        SpecException missing = assertThrows(SpecException.class, () -> new LocalRunner(
                Pipeline.load(spec("m.yaml", good.replace("folder: " + mnist, "folder: " + work.resolve("nowhere")))), 1, RunListener.NONE).run());
        assertEquals("source.folder: " + work.resolve("nowhere") + " is not an existing folder", missing.getMessage());

        SpecException key = assertThrows(SpecException.class, () -> Pipeline.load(spec("k.yaml", good.replace("shardSize", "shardsize"))));
        assertEquals("output.shardsize: unknown key (did you mean shardSize?), allowed [dir, format, shardSize, compress, compression]", key.getMessage());

        SpecException fit = assertThrows(SpecException.class, () -> Pipeline.load(spec("f.yaml", good.replace("standard_scaler}", "standard_scaler, params: {withMean: 1}}"))));
        assertEquals("fit[0].params.withMean: 1 is not a boolean, allowed true or false", fit.getMessage());

        SpecException type = assertThrows(SpecException.class, () -> Pipeline.load(spec("t.yaml", good.replace("  - {name: to_tensor, params: {scale: UNIT}}\n", ""))));
        assertTrue(type.getMessage().startsWith("transforms[1]: gives Image but shards hold tensors"), type.getMessage());

        for (SpecException e : List.of(name, range, missing, key, fit, type)) assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aGlobWithCsvLabelsNumbersAndLabelsItsInputsAndReportsUnlabelledOnes() throws IOException {
        Path mnist = data.resolve("mnist");
        List<Path> pngs;
        try (Stream<Path> s = Files.walk(mnist)) {
            pngs = s.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        StringBuilder csv = new StringBuilder("file,label\n");
        for (Path p : pngs.subList(1, pngs.size())) {
            String id = data.relativize(p).toString().replace('\\', '/');
            csv.append(id).append(',').append(p.getParent().getFileName().toString().equals("0") ? "zero" : "other").append('\n');
        }
        Files.writeString(data.resolve("labels.csv"), csv);
        String yaml = """
                source: {glob: "mnist/**/*.png", labels: {csv: labels.csv}}
                transforms: [read_image, to_gray, to_tensor]
                output: {dir: %s, shardSize: 25}
                """.formatted(work.resolve("csv-out"));
        RunSummary s = new LocalRunner(Pipeline.load(Fixtures.spec(data.resolve("csv.yaml"), yaml)), 2, RunListener.NONE).run();
        String first = data.relativize(pngs.get(0)).toString().replace('\\', '/');
        assertEquals(List.of(new ShardResult.Failure(first, "has no label in labels.csv")), s.failures());
        assertEquals(DIGITS - 1, s.written());
        String manifest = Files.readString(s.dir().resolve("_manifest.json"));
        assertTrue(manifest.contains("\"classes\" : [ \"other\", \"zero\" ]"), manifest);
        long[] y = Npz.read(s.dir().resolve("shard-00000.npz")).get("y").toLongs();
        for (long label : y) assertTrue(label == 0 || label == 1);
    }

    @Test
    void aRerunIntoTheFolderOfAnotherSpecIsRefused() throws IOException {
        Path mnist = data.resolve("mnist");
        new LocalRunner(Pipeline.load(spec("one.yaml", mnistSpec(mnist, work.resolve("o"), "npz", ""))), 1, RunListener.NONE).run();
        SpecException e = assertThrows(SpecException.class, () -> new LocalRunner(
                Pipeline.load(spec("two.yaml", mnistSpec(mnist, work.resolve("o"), "npz", "epoch: 1"))), 1, RunListener.NONE).run());
        assertTrue(e.getMessage().startsWith("output.dir: "), e.getMessage());
        assertTrue(e.getMessage().contains("holds a different run (another spec)"), e.getMessage());

        // an input removed since (e.g. after an onError: fail stop) is named as such
        Path few = Fixtures.mnistPngs(work.resolve("few"), 20);
        new LocalRunner(Pipeline.load(spec("few.yaml", mnistSpec(few, work.resolve("f"), "npz", ""))), 1, RunListener.NONE).run();
        try (Stream<Path> s = Files.list(few.resolve("1"))) {
            Files.delete(s.sorted().findFirst().orElseThrow());
        }
        e = assertThrows(SpecException.class, () -> new LocalRunner(
                Pipeline.load(spec("few.yaml", mnistSpec(few, work.resolve("f"), "npz", ""))), 1, RunListener.NONE).run());
        assertTrue(e.getMessage().contains("holds a different run (20 inputs then, 19 now)"), e.getMessage());
    }

    @Test
    void anOutputFolderInsideTheSourceIsNotReadAsInputAndTheRerunResumes() throws IOException {
        Path mnist = work.resolve("digits");
        Fixtures.mnistPngs(mnist, 20);
        Path specFile = spec("inside.yaml", mnistSpec(mnist, mnist.resolve("shards"), "npz", ""));
        RunSummary first = new LocalRunner(Pipeline.load(specFile), 1, RunListener.NONE).run();
        assertEquals(20, first.inputs());
        RunSummary again = new LocalRunner(Pipeline.load(specFile), 1, RunListener.NONE).run();
        assertEquals(20, again.inputs());
        assertEquals(first.shards(), again.resumed());
    }

    @Test
    void aRerunLeavesTheTemporaryFilesOfARunningWriterAlone() throws IOException {
        Path mnist = data.resolve("mnist");
        Path specFile = spec("twice.yaml", mnistSpec(mnist, work.resolve("twice"), "npz", ""));
        new LocalRunner(Pipeline.load(specFile), 1, RunListener.NONE).run();
        // as if another 'cauce run' of the same spec (this JVM is alive) were writing shard 1 right now
        Path live = work.resolve("twice/.shard-00001.npz." + ProcessHandle.current().pid() + ".77.tmp");
        Path dead = work.resolve("twice/.shard-00001.npz.99999999.77.tmp");
        Files.write(live, new byte[] {1});
        Files.write(dead, new byte[] {2});
        new LocalRunner(Pipeline.load(specFile), 1, RunListener.NONE).run();
        assertTrue(Files.exists(live), "a running writer's file was deleted");
        assertFalse(Files.exists(dead), "a dead writer's file was kept");
        assertFalse(RunDirectory.writerAlive(".x.npz.notapid.1.tmp"));
    }

    static void assertSameFiles(Path a, Path b) throws IOException {
        Map<String, byte[]> fa = Fixtures.files(a);
        Map<String, byte[]> fb = Fixtures.files(b);
        assertEquals(Fixtures.names(fa), Fixtures.names(fb));
        for (String f : fa.keySet()) assertArrayEquals(fa.get(f), fb.get(f), f + " differs");
    }

    static void assertClose(double[] want, double[] got) {
        assertEquals(want.length, got.length);
        for (int i = 0; i < want.length; i++) {
            double tol = 1e-12 * Math.max(1e-300, Math.abs(want[i]));
            assertEquals(want[i], got[i], Math.max(tol, 1e-15), "feature " + i);
        }
    }
}
