package dev.cauce.cli.text;

import dev.cauce.core.io.NdArray;
import dev.cauce.core.io.Npz;
import dev.cauce.preprocess.text.word2vec.WordVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The text commands on the bundled samples (samples/text) and on deliberately bad input. */
class TextCommandTest {
    static final Path SAMPLES = Path.of("..", "samples", "text");

    record Run(int code, String out, String err) { }

    static synchronized Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new TextCommand()).execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void convertNamesAFileAboveOutBeforeReadingTheCorpus(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("plain.txt"), "x");
        Path under = file.resolve("mails.npz");
        var r = dev.cauce.cli.CliRun.of("text", "convert", "--in", SAMPLES.resolve("mail").toString(), "--out", under.toString(), "--quiet");
        assertEquals(1, r.exitCode(), r.err());
        assertEquals("error: --out " + under + ": cannot write there, " + file + " is a file, not a folder\n", r.err());
        Path folder = Files.createDirectories(dir.resolve("mails.npz"));
        r = dev.cauce.cli.CliRun.of("text", "convert", "--in", SAMPLES.resolve("mail").toString(), "--out", folder.toString(), "--quiet");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("error: --out " + folder + " is a folder, expected a file name (text convert writes one .npz file)\n", r.err());
    }

    @Test
    void convertWritesTfidfLabelsAndVocabulary(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("mails.npz");
        Run r = run("convert", "--in", SAMPLES.resolve("mail").toString(), "--out", out.toString(), "--features", "tfidf",
                "--encoding", "latin-1", "--min-df", "1", "--quiet");
        assertEquals(0, r.code(), r.err());
        Map<String, NdArray> npz = Npz.read(out);
        int[] shape = npz.get("x").shape();
        assertEquals(8, shape[0]);
        List<String> vocab = Files.readAllLines(dir.resolve("mails.vocab.txt"));
        assertEquals(vocab.size(), shape[1]);
        assertEquals(List.of("ham", "spam"), Files.readAllLines(dir.resolve("mails.classes.txt")));
        assertArrayEquals(new int[] {8}, npz.get("y").shape());
        // every row is a unit vector (l2)
        float[] x = npz.get("x").toTensor().data();
        for (int i = 0; i < 8; i++) {
            double ss = 0;
            for (int j = 0; j < shape[1]; j++) ss += x[i * shape[1] + j] * x[i * shape[1] + j];
            assertEquals(1.0, ss, 1e-5);
        }
        Run seq = run("convert", "--in", SAMPLES.resolve("mail").toString(), "--out", dir.resolve("seq.npz").toString(),
                "--features", "seq", "--length", "50", "--min-df", "1", "--quiet");
        assertEquals(0, seq.code(), seq.err());
        assertArrayEquals(new int[] {8, 50}, Npz.read(dir.resolve("seq.npz")).get("x").shape());
    }

    @Test
    void badDocumentsAreSkippedAndReportedOrStopTheJob(@TempDir Path dir) throws Exception {
        Path corpus = dir.resolve("corpus");
        Files.createDirectories(corpus.resolve("good"));
        Files.createDirectories(corpus.resolve("bad"));
        Files.writeString(corpus.resolve("good/a.txt"), "the whale and the sea", StandardCharsets.UTF_8);
        Files.writeString(corpus.resolve("good/b.txt"), "the ship and the whale", StandardCharsets.UTF_8);
        Files.write(corpus.resolve("bad/latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9, ' ', 'n', 'o', 'i', 'r'});
        Files.write(corpus.resolve("bad/binary.bin"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        Files.write(corpus.resolve("good/empty.txt"), new byte[0]);
        Path out = dir.resolve("out.npz");
        Run skip = run("convert", "--in", corpus.toString(), "--out", out.toString(), "--features", "bow", "--min-df", "1", "--quiet");
        assertEquals(1, skip.code());
        assertTrue(skip.err().contains("latin1.txt: invalid UTF-8 at byte offset 3"), skip.err());
        assertTrue(skip.err().contains("binary.bin: looks like a binary file"), skip.err());
        assertEquals(3, Npz.read(out).get("x").shape()[0], "the empty document is kept as a zero row");

        Path out2 = dir.resolve("fail.npz");
        Run fail = run("convert", "--in", corpus.toString(), "--out", out2.toString(), "--on-error", "fail", "--quiet");
        assertNotEquals(0, fail.code());
        assertFalse(Files.exists(out2), "nothing half-written");
        // the user may ask for replacement instead
        Run replace = run("convert", "--in", corpus.resolve("bad/latin1.txt").toString(), "--out", dir.resolve("r.npz").toString(),
                "--encoding", "utf-8-replace", "--min-df", "1", "--quiet");
        assertEquals(0, replace.code(), replace.err());
    }

    @Test
    void convertRefusesAnEmptyVocabularyAndWritesNothing(@TempDir Path dir) {
        // one real document: with the default --min-df 2 no term can be in two documents (bow,
        // tfidf), and for seq (where --min-df counts occurrences) no word occurs 100,000 times
        Path out = dir.resolve("one.npz");
        String in = SAMPLES.resolve("es/texto-es.txt").toString();
        for (List<String> features : List.of(List.of("--features", "tfidf"), List.of("--features", "seq", "--min-df", "100000"))) {
            List<String> args = new java.util.ArrayList<>(List.of("text", "convert", "--in", in, "--out", out.toString(), "--quiet"));
            args.addAll(features);
            var r = dev.cauce.cli.CliRun.of(args.toArray(String[]::new));
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.err().contains(features.contains("seq") ? "occurs at least --min-df 100000 times"
                    : "is in at least --min-df 2 of its 1 document;"), r.err());
            assertTrue(r.err().contains("lower --min-df"), r.err());
            assertFalse(Files.exists(out), "no matrix of zero columns");
            assertFalse(Files.exists(dir.resolve("one.vocab.txt")), "no empty vocabulary file");
        }
        Run kept = run("convert", "--in", in, "--out", out.toString(), "--min-df", "1", "--quiet");
        assertEquals(0, kept.code(), kept.err());
        assertTrue(Files.exists(out));
    }

    @Test
    void convertOfDocumentsWithoutTermsSaysSoRatherThanBlamingMinDf(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        Path out = dir.resolve("none.npz");
        var r = dev.cauce.cli.CliRun.of("text", "convert", "--in", empty.toString(), "--out", out.toString(), "--min-df", "1", "--quiet");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("1 document of " + empty + " leaves no terms after tokenizing"), r.err());
        assertFalse(r.err().contains("lower --min-df"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void augmentPrintsReproducibleVariants() {
        String in = SAMPLES.resolve("es/texto-es.txt").toString();
        Run a = run("augment", "--in", in, "--n", "3", "--layout", "es", "--ops", "keyboard,char-swap,misspelling", "--seed", "5");
        Run b = run("augment", "--in", in, "--n", "3", "--layout", "es", "--ops", "keyboard,char-swap,misspelling", "--seed", "5");
        assertEquals(0, a.code(), a.err());
        assertEquals(a.out(), b.out());
        assertEquals(3, a.out().lines().filter(l -> l.startsWith("--- variant")).count());
        assertFalse(a.out().contains("\uFFFD"));
        Run syn = run("augment", "--in", SAMPLES.resolve("mail/ham/00031.ac7e81ff64671b17569d2c6a66648bb2.txt").toString(),
                "--n", "1", "--ops", "synonym", "--wordnet", SAMPLES.resolve("wordnet-extract.tsv").toString(), "--fraction", "0.3");
        assertEquals(0, syn.code(), syn.err());
        Run usage = run("augment", "--in", in, "--ops", "synonym");
        assertNotEquals(0, usage.code());
    }

    @Test
    void augmentNamesABadInOrOutAndTellsDataFromUsageErrors(@TempDir Path dir) throws Exception {
        Path folder = SAMPLES.resolve("mail/ham");
        dev.cauce.cli.CliRun isFolder = dev.cauce.cli.CliRun.of("text", "augment", "--in", folder.toString(), "--n", "1");
        assertEquals(2, isFolder.exitCode(), isFolder.err());
        assertTrue(isFolder.err().contains("error: --in " + folder + ": is a folder, expected one text file"), isFolder.err());
        dev.cauce.cli.CliRun missing = dev.cauce.cli.CliRun.of("text", "augment", "--in", dir.resolve("nope.txt").toString());
        assertEquals(2, missing.exitCode(), missing.err());
        assertTrue(missing.err().contains("error: --in " + dir.resolve("nope.txt") + ": no such file"), missing.err());
        // real Latin-1 mail bytes (an e-acute) are a data problem: exit 1, naming the file
        Path latin = Files.write(dir.resolve("latin1.txt"), "caf\u00e9 con leche".getBytes(StandardCharsets.ISO_8859_1));
        dev.cauce.cli.CliRun bad = dev.cauce.cli.CliRun.of("text", "augment", "--in", latin.toString(), "--n", "1");
        assertEquals(1, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("error: " + latin + ": invalid UTF-8 at byte offset 3"), bad.err());
        Path file = Files.writeString(dir.resolve("taken"), "a file");
        dev.cauce.cli.CliRun outIsFile = dev.cauce.cli.CliRun.of("text", "augment", "--in", SAMPLES.resolve("es/texto-es.txt").toString(),
                "--out", file.toString());
        assertEquals(2, outIsFile.exitCode(), outIsFile.err());
        assertTrue(outIsFile.err().contains("--out " + file + " is a file, expected a folder"), outIsFile.err());
    }

    @Test
    void word2vecRefusesAFolderAsOutBeforeTraining(@TempDir Path dir) {
        dev.cauce.cli.CliRun r = dev.cauce.cli.CliRun.of("text", "word2vec", "--in", SAMPLES.resolve("mail").toString(), "--out", dir.toString(),
                "--encoding", "latin-1", "--min-count", "2", "--dim", "8", "--epochs", "1", "--threads", "1");
        assertEquals(2, r.exitCode(), r.err());
        assertEquals("error: --out " + dir + " is a folder, expected a file name (a .txt or .bin file)\n", r.err());
        assertEquals("", r.out(), "no training before the error");
    }

    @Test
    void word2vecTrainsAndSaves(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("v.txt");
        Run r = run("word2vec", "--in", SAMPLES.resolve("mail").toString(), "--out", out.toString(), "--encoding", "latin-1",
                "--min-count", "2", "--dim", "16", "--epochs", "2", "--threads", "1", "--neighbours", "free,nothere");
        assertEquals(0, r.code(), r.err());
        WordVectors v = WordVectors.loadText(out);
        assertEquals(16, v.dim());
        assertTrue(v.contains("free"));
        assertTrue(r.out().contains("nothere: not in the vocabulary"), r.out());
    }

    @Test
    void spamCommandRunsEndToEnd() {
        Run r = run("spam", "--in", SAMPLES.resolve("mail").toString(), "--test-fraction", "0.25", "--epochs", "3", "--threads", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("held-out test: accuracy"), r.out());
        assertTrue(r.out().contains("8 documents (4 spam, 4 ham), 6 train / 2 test"), r.out());
    }

    @Test
    void demoPrintsStemsAndAugmentationsAndWritesItsPicture(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        new TextDemo().run(Path.of("..", "samples"), dir, new PrintStream(buf, true, StandardCharsets.UTF_8));
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("Porter stems:") && out.contains("Snowball stems:") && out.contains("es keyboard:"), out);
        assertTrue(Files.size(dir.resolve("text-tfidf.png")) > 1000);
    }
}
