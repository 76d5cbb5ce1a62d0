package dev.cauce.cli.run;

import dev.cauce.preprocess.text.word2vec.Sentences;
import dev.cauce.preprocess.text.word2vec.Word2Vec;
import dev.cauce.preprocess.text.word2vec.Word2VecConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunCommandTest {
    @TempDir Path work;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new CommandLine(new RunCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(args);
    }

    private Path photos() throws IOException {
        Path dir = work.resolve("photos");
        try (Stream<Path> s = Files.list(Path.of("..", "samples", "images"))) {
            for (Path p : s.filter(p -> !p.getFileName().toString().equals("NOTICE")).sorted().toList()) {
                Path to = dir.resolve(p.getFileName().toString().endsWith(".png") ? "png" : "jpg").resolve(p.getFileName());
                Files.createDirectories(to.getParent());
                Files.copy(p, to);
            }
        }
        return dir;
    }

    private static final String SPEC = """
            source: {folder: photos, labels: folders}
            transforms:
              - read_image
              - to_rgb
              - {name: %s, params: {width: 16, height: %s}}
              - {name: to_tensor, params: {scale: UNIT}}
            fit: [standard_scaler]
            output: {dir: shards, format: npz, shardSize: 4}
            seed: 3
            """;

    @Test
    void aRunWhereEveryInputFailsSaysNothingWasWritten() throws IOException {
        Path photos = photos();
        // every photo cut to its first 100 bytes: real JPEG/PNG headers, no image data
        try (Stream<Path> s = Files.walk(photos)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) Files.write(p, Arrays.copyOf(Files.readAllBytes(p), 100));
        }
        Path spec = Files.writeString(work.resolve("allbad.yaml"), SPEC.formatted("resize", "12").replace("fit: [standard_scaler]\n", ""));
        assertEquals(1, run(spec.toString()), err.toString());
        assertTrue(out.toString().matches("(?s)\\d+ inputs, none written: every input was skipped .*"), out.toString());
        try (Stream<Path> s = Files.list(work.resolve("shards"))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().endsWith(".npz")), "no shard file");
        }
    }

    @Test
    void runsASpecAndResumesNothingTwice() throws IOException {
        photos();
        Path spec = Files.writeString(work.resolve("photos.yaml"), SPEC.formatted("resize", "12"));
        assertEquals(0, run(spec.toString(), "--threads", "2"), err.toString());
        assertTrue(out.toString().startsWith("7 inputs, 7 written to 2 shards in "), out.toString());
        assertTrue(Files.exists(work.resolve("shards/shard-00001.npz")));
        assertTrue(Files.exists(work.resolve("shards/_manifest.json")));
        out.reset();
        assertEquals(0, run(spec.toString()));
        assertTrue(out.toString().contains("(2 shards resumed)"), out.toString());
    }

    @Test
    void badSpecsAndBadInputsAreOneLineEach() throws IOException {
        Path photos = photos();
        Path typo = Files.writeString(work.resolve("typo.yaml"), SPEC.formatted("resise", "12"));
        assertEquals(2, run(typo.toString()));
        String line = err.toString().strip();
        assertTrue(line.startsWith("error: " + typo + ": transforms[2].name: unknown transform 'resise' (did you mean resize"), line);
        assertEquals(1, line.lines().count());
        assertTrue(line.endsWith("(did you mean resize?); 'cauce run --list' lists all "
                + dev.cauce.core.spec.TransformRegistry.load().names().size() + " transforms"), "a pointer, not the whole catalogue: " + line);

        err.reset();
        Path nothingClose = Files.writeString(work.resolve("far.yaml"), SPEC.formatted("zzqqxx", "12"));
        assertEquals(2, run(nothingClose.toString()));
        assertTrue(err.toString().strip().endsWith("unknown transform 'zzqqxx'; 'cauce run --list' lists all "
                + dev.cauce.core.spec.TransformRegistry.load().names().size() + " transforms"), err.toString());

        err.reset();
        Path range = Files.writeString(work.resolve("range.yaml"), SPEC.formatted("resize", "0"));
        assertEquals(2, run(range.toString()));
        assertEquals("error: " + range + ": transforms[2].params.height: 0 is out of range, allowed [1, 65536]", err.toString().strip());

        err.reset();
        Path missing = Files.writeString(work.resolve("missing.yaml"), SPEC.formatted("resize", "12").replace("folder: photos", "folder: nope"));
        assertEquals(2, run(missing.toString()));
        assertEquals("error: " + missing + ": source.folder: " + work.resolve("nope") + " is not an existing folder", err.toString().strip());

        err.reset();
        Files.write(photos.resolve("jpg/cut.jpg"), Arrays.copyOf(Files.readAllBytes(photos.resolve("jpg/baboon.jpg")), 100));
        Path spec = Files.writeString(work.resolve("skip.yaml"), SPEC.formatted("resize", "12"));
        assertEquals(1, run(spec.toString()));
        assertTrue(err.toString().contains("1 inputs skipped"), err.toString());
        assertTrue(err.toString().contains("  jpg/cut.jpg: corrupt or truncated JPEG data"), err.toString());
    }

    @Test
    void aMissingUnreadableOrFolderSpecIsABadSpecWithExitCode2() throws IOException {
        Path absent = work.resolve("absent.yaml");
        assertEquals(2, run(absent.toString()));
        assertEquals("error: " + absent + ": spec file not found", err.toString().strip());

        err.reset();
        Path folder = Files.createDirectories(work.resolve("specs"));
        assertEquals(2, run(folder.toString()));
        assertEquals("error: " + folder + ": is a folder, expected a spec file (.yaml, .yml or .json)", err.toString().strip());

        err.reset();
        Path cut = Files.writeString(work.resolve("cut.yaml"), "source: {folder: photos\ntransforms: [");
        assertEquals(2, run(cut.toString()));
        assertEquals("error: " + cut + ": not valid YAML: while parsing a flow mapping, expected ',' or '}', but got : (line 2, column 11)",
                err.toString().strip());

        err.reset();
        Path empty = Files.writeString(work.resolve("empty.json"), "");
        assertEquals(2, run(empty.toString()));
        assertTrue(err.toString().startsWith("error: " + empty + ": not valid JSON: "), err.toString());

        err.reset();
        Path txt = Files.writeString(work.resolve("spec.txt"), "source: {folder: photos}\n");
        assertEquals(2, run(txt.toString()));
        assertTrue(err.toString().strip().endsWith("; a YAML spec must end in .yaml or .yml"), err.toString());
        assertTrue(Files.notExists(work.resolve("shards")));
    }

    @Test
    void anOutputDirThatIsAFileIsABadSpecNamingTheKey() throws IOException {
        photos();
        Path file = Files.writeString(work.resolve("shards"), "not a folder");
        Path spec = Files.writeString(work.resolve("photos.yaml"), SPEC.formatted("resize", "12"));
        assertEquals(2, run(spec.toString()));
        assertEquals("error: " + spec + ": output.dir: " + file + " is a file, not a folder", err.toString().strip());

        err.reset();
        Path under = Files.writeString(work.resolve("under.yaml"), SPEC.formatted("resize", "12").replace("dir: shards", "dir: shards/a"));
        assertEquals(2, run(under.toString()));
        assertEquals("error: " + under + ": output.dir: cannot create " + file.resolve("a") + ": " + file + " is a file, not a folder",
                err.toString().strip());
        assertEquals("not a folder", Files.readString(file));
    }

    @Test
    void anOutputDirHoldingAnotherRunIsABadSpecWithAWayOut() throws IOException {
        photos();
        Path one = Files.writeString(work.resolve("one.yaml"), SPEC.formatted("resize", "12"));
        Path two = Files.writeString(work.resolve("two.yaml"), SPEC.formatted("resize", "10"));
        assertEquals(0, run(one.toString()), err.toString());
        err.reset();
        assertEquals(2, run(two.toString()), "the user's choice of folder, a usage error");
        assertEquals("error: " + two + ": output.dir: " + work.resolve("shards") + " holds a different run (another spec); "
                + "choose another output.dir, or delete " + work.resolve("shards") + " to start over", err.toString().strip());
    }

    @Test
    void writesParquetShardsAndRejectsABadCompressionWithItsKeyPath() throws IOException {
        photos();
        Path spec = Files.writeString(work.resolve("pq.yaml"), SPEC.formatted("resize", "12")
                .replace("format: npz", "format: parquet, compression: zstd"));
        assertEquals(0, run(spec.toString()), err.toString());
        byte[] shard = Files.readAllBytes(work.resolve("shards/shard-00001.parquet"));
        assertEquals("PAR1", new String(shard, 0, 4, StandardCharsets.US_ASCII));
        assertEquals("PAR1", new String(shard, shard.length - 4, 4, StandardCharsets.US_ASCII));

        err.reset();
        Path bad = Files.writeString(work.resolve("bad.yaml"), SPEC.formatted("resize", "12")
                .replace("format: npz", "format: parquet, compression: gzip").replace("dir: shards", "dir: other"));
        assertEquals(2, run(bad.toString()));
        assertEquals("error: " + bad + ": output.compression: 'gzip' is not allowed, allowed [snappy, zstd, none]", err.toString().strip());
    }

    @Test
    void theHelpsTextExampleRunsAndAMissingDataFileIsOneLine() throws IOException {
        Path samples = Path.of("..", "samples", "text");
        try (Stream<Path> s = Files.walk(samples.resolve("mail"))) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                Path to = work.resolve(samples.relativize(p));
                Files.createDirectories(to.getParent());
                Files.copy(p, to);
            }
        }
        Files.copy(samples.resolve("wordnet-extract.tsv"), work.resolve("wordnet-extract.tsv"));
        // The example's word2vec model: vectors trained on the same mails.
        List<List<String>> sentences = new ArrayList<>();
        for (Path p : mails(work.resolve("mail"))) {
            sentences.addAll(Sentences.split(Files.readString(p, StandardCharsets.ISO_8859_1), Sentences.LETTER_WORDS));
        }
        Word2Vec.train(sentences, Word2VecConfig.defaults().withDim(8).withMinCount(2).withEpochs(1).withThreads(1))
                .vectors().saveBinary(work.resolve("mail.bin"));
        String help = new CommandLine(new RunCommand()).setUsageHelpWidth(100).getUsageMessage();
        String example = help.substring(help.indexOf("Example (mails.yaml)"), help.indexOf("Files named by transform parameters"));
        String yaml = example.lines().skip(1).filter(l -> !l.isBlank()).map(l -> l.substring(2)).reduce("", (a, b) -> a + b + "\n");
        Path spec = Files.writeString(work.resolve("mails.yaml"), yaml);
        assertEquals(0, run(spec.toString(), "--threads", "2"), err + "\n" + yaml);
        assertTrue(out.toString().startsWith("8 inputs, 8 written to 1 shards in "), out.toString());
        assertTrue(yaml.contains("vectors: mail.bin"), yaml);
        assertTrue(Files.exists(work.resolve("mail-shards/shard-00000.parquet")));

        err.reset();
        Path missing = Files.writeString(work.resolve("missing.yaml"), yaml.replace("wordnet-extract.tsv", "wn/extract.tsv"));
        assertEquals(2, run(missing.toString()));
        assertEquals("error: " + missing + ": transforms[1].params.wordnet: " + work.resolve("wn/extract.tsv").toAbsolutePath()
                + " does not exist ('wn/extract.tsv' is resolved against " + work.toAbsolutePath() + ")", err.toString().strip());
    }

    private static List<Path> mails(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void listShowsTheRegisteredTransforms() {
        assertEquals(0, run("--list"));
        String list = out.toString();
        for (String name : new String[] {"read_image", "resize", "standard_scaler", "compose"}) {
            assertTrue(list.lines().anyMatch(l -> l.startsWith(name + " ")), name + " in\n" + list);
        }
    }
}
