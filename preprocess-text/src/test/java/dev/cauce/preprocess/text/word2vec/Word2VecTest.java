package dev.cauce.preprocess.text.word2vec;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Word2vec on Moby-Dick (bundled, public domain): quality ordering, determinism, formats, long documents. */
class Word2VecTest {
    static List<List<String>> moby;
    static WordVectors trained;

    @BeforeAll
    static void train() throws Exception {
        try (InputStream in = new GZIPInputStream(Word2VecTest.class.getResourceAsStream("/dev/cauce/preprocess/text/corpus/moby-dick.txt.gz"))) {
            moby = Sentences.split(new String(in.readAllBytes(), StandardCharsets.UTF_8), Sentences.ASCII_WORDS);
        }
        // one thread: deterministic, so the asserted ordering is stable from run to run
        trained = Word2Vec.train(moby, Word2VecConfig.defaults().withDim(50).withEpochs(3).withThreads(1)).vectors();
    }

    @Test
    void neighboursAreThematic() {
        List<String> whale = trained.nearest("whale", 10).stream().map(WordVectors.Neighbour::word).toList();
        assertTrue(whale.contains("sperm"), "sperm among the neighbours of whale: " + whale);
        List<String> ship = trained.nearest("ship", 10).stream().map(WordVectors.Neighbour::word).toList();
        assertTrue(ship.contains("pequod") || ship.contains("vessel"), "ship neighbours: " + ship);
        // similarity ordering: the sea is nearer to its waves than to a harpoon-handling verb's word
        assertTrue(trained.similarity("sea", "waves") > trained.similarity("sea", "harpooneer"),
                "sea~waves " + trained.similarity("sea", "waves") + " vs sea~harpooneer " + trained.similarity("sea", "harpooneer"));
        assertTrue(trained.similarity("whale", "sperm") > trained.similarity("whale", "chapter"));
        List<WordVectors.Neighbour> n = trained.nearest("sea", 5);
        for (int i = 1; i < n.size(); i++) assertTrue(n.get(i - 1).similarity() >= n.get(i).similarity());
    }

    @Test
    void oneThreadIsBitReproducibleAndSeedMatters() {
        List<List<String>> part = moby.subList(0, 1500);
        Word2VecConfig cfg = Word2VecConfig.defaults().withDim(16).withEpochs(1).withMinCount(2);
        WordVectors a = Word2Vec.train(part, cfg).vectors();
        WordVectors b = Word2Vec.train(part, cfg).vectors();
        assertArrayEquals(a.vector("whale"), b.vector("whale"));
        assertArrayEquals(a.vector("the"), b.vector("the"));
        WordVectors c = Word2Vec.train(part, cfg.withSeed(2)).vectors();
        assertFalse(Arrays.equals(a.vector("whale"), c.vector("whale")));
    }

    @Test
    void cbowTrainsToo() {
        Word2Vec.Result r = Word2Vec.train(moby.subList(0, 3000), Word2VecConfig.defaults().withModel(Word2VecConfig.Model.CBOW)
                .withDim(20).withEpochs(1).withThreads(2));
        assertTrue(r.trainedWords() > 0);
        for (float v : r.vectors().vector("whale")) assertTrue(Float.isFinite(v));
    }

    @Test
    void longDocumentIsNeverTruncated() {
        // one 30,000-token "sentence" (gensim would silently keep only its first 10,000 tokens)
        List<String> doc = new ArrayList<>();
        for (List<String> s : moby) {
            doc.addAll(s);
            if (doc.size() >= 30_000) break;
        }
        doc = doc.subList(0, 30_000);
        String lastWord = doc.getLast();
        Word2VecConfig cfg = Word2VecConfig.defaults().withDim(8).withEpochs(1).withSample(0).withMinCount(1).withThreads(2);
        Word2Vec.Result r = Word2Vec.train(List.of(doc), cfg);
        // with subsampling off every token is a trained centre word, the last 20,000 included
        assertEquals(30_000, r.trainedWords());
        assertEquals(30_000, r.rawWords());
        assertTrue(r.vectors().contains(lastWord));
    }

    @Test
    void aHeaderOfRandomBytesIsShownShortAndPrintable(@TempDir Path dir) throws Exception {
        byte[] junk = new byte[300];
        new java.util.Random(1).nextBytes(junk);
        for (int i = 0; i < junk.length; i++) if (junk[i] == '\n' || junk[i] == '\r') junk[i] = 'x';
        junk[200] = '\n';
        Path f = Files.write(dir.resolve("junk.bin"), junk);
        var e = assertThrows(java.io.IOException.class, () -> WordVectors.loadBinary(f));
        String got = e.getMessage().substring(e.getMessage().indexOf("got '") + 5);
        assertTrue(got.endsWith("...'"), got);
        assertTrue(got.codePoints().noneMatch(c -> Character.isISOControl(c) || c == 0xFFFD), got);
        assertTrue(got.codePointCount(0, got.length()) <= 124, got);
        assertEquals("hello 0.1 0.2", WordVectors.printable("hello 0.1 0.2"));
    }

    @Test
    void textAndBinaryFormatsRoundTrip(@TempDir Path dir) throws Exception {
        WordVectors small = new WordVectors(List.of("mar", "año", "whale"), 3,
                new float[] {0.1f, -2.5e-7f, 3f, 1f / 3, Float.MIN_VALUE, -0f, 7f, 8f, 9f});
        Path t = dir.resolve("v.txt");
        Path b = dir.resolve("v.bin");
        small.saveText(t);
        small.saveBinary(b);
        for (WordVectors back : List.of(WordVectors.loadText(t), WordVectors.loadBinary(b))) {
            assertEquals(small.words(), back.words());
            for (String w : small.words()) assertArrayEquals(small.vector(w), back.vector(w));
        }
        assertTrue(Files.readString(t).startsWith("3 3\n"));
        Files.writeString(dir.resolve("bad.txt"), "not a header\n");
        var e = assertThrows(java.io.IOException.class, () -> WordVectors.loadText(dir.resolve("bad.txt")));
        assertTrue(e.getMessage().contains("bad.txt"), e.getMessage());
    }

    @Test
    void analogyExcludesQueryWords() {
        List<WordVectors.Neighbour> r = trained.analogy("man", "king", "woman", 5);
        assertEquals(5, r.size());
        for (WordVectors.Neighbour n : r) assertFalse(List.of("man", "king", "woman").contains(n.word()));
    }

    @Test
    void aliasTableFollowsTheWeights() {
        Word2Vec.AliasTable t = new Word2Vec.AliasTable(new double[] {1, 2, 3, 4});
        int[] hits = new int[4];
        dev.cauce.core.Rng rng = dev.cauce.core.Rng.seeded(7);
        int n = 200_000;
        for (int i = 0; i < n; i++) hits[t.sample(rng.nextLong())]++;
        for (int k = 0; k < 4; k++) assertEquals((k + 1) / 10.0, hits[k] / (double) n, 0.005);
    }
}
