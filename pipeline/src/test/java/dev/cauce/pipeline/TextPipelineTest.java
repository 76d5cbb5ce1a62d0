package dev.cauce.pipeline;

import dev.cauce.augment.text.WordReplace;
import dev.cauce.core.Rng;
import dev.cauce.core.spec.SpecException;
import dev.cauce.preprocess.text.HashingVectorizer;
import dev.cauce.preprocess.text.SparseVector;
import dev.cauce.preprocess.text.TextDecoding;
import dev.cauce.preprocess.text.Tokenizer;
import dev.cauce.preprocess.text.word2vec.Sentences;
import dev.cauce.preprocess.text.word2vec.Word2Vec;
import dev.cauce.preprocess.text.word2vec.Word2VecConfig;
import org.apache.parquet.example.data.Group;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A text pipeline whose {@code text.word_replace} steps name their data files (the samples' WordNet
 * extract, word2vec vectors trained on the sample mails) relative to the spec file's folder.
 */
class TextPipelineTest {
    static final String SPEC = """
            source: {folder: mail, labels: folders}
            transforms:
              - {name: text.read, params: {decoding: latin1}}
              - {name: text.word_replace, params: {source: wordnet, wordnet: wordnet-extract.tsv, fraction: 0.3}}
              - {name: text.word_replace, params: {source: word2vec, vectors: vectors/mail.txt, k: 3, minSimilarity: 0.0, fraction: 0.2}}
              - text.tokenize.simple
              - {name: text.hashing, params: {nFeatures: 256, alternateSign: false, l2: false}}
              - text.to_tensor
            output: {dir: out, format: parquet, shardSize: 3}
            seed: 11
            """;

    @TempDir static Path work;
    static Path project;

    /** A project folder: the sample mails, the WordNet extract, vectors trained on the mails, the spec. */
    @BeforeAll
    static void project() throws IOException {
        project = copyProject(work.resolve("project"));
    }

    static Path copyProject(Path dir) throws IOException {
        Path text = Fixtures.SAMPLES.resolve("text");
        List<List<String>> sentences = new ArrayList<>();
        for (Path mail : mails(text.resolve("mail"))) {
            Path to = dir.resolve("mail").resolve(text.resolve("mail").relativize(mail));
            Files.createDirectories(to.getParent());
            Files.copy(mail, to);
            sentences.addAll(Sentences.split(Files.readString(mail, StandardCharsets.ISO_8859_1), Sentences.LETTER_WORDS));
        }
        Files.copy(text.resolve("wordnet-extract.tsv"), dir.resolve("wordnet-extract.tsv"));
        Files.createDirectories(dir.resolve("vectors"));
        Word2Vec.train(sentences, Word2VecConfig.defaults().withDim(8).withMinCount(2).withEpochs(1).withThreads(1))
                .vectors().saveText(dir.resolve("vectors/mail.txt"));
        Fixtures.spec(dir.resolve("spec.yaml"), SPEC);
        return dir;
    }

    static List<Path> mails(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    @Test
    void theShardsHoldWhatTheTransformsGiveWithTheFilesTheSpecNames() throws IOException {
        RunSummary s = new LocalRunner(Pipeline.load(project.resolve("spec.yaml")), 2, RunListener.NONE).run();
        assertEquals(8, s.written());
        assertEquals(project.resolve("out"), s.dir());

        // The same steps through the Java API, each with the generator the pipeline gives step k.
        WordReplace synonyms = WordReplace.synonyms("x", project.resolve("wordnet-extract.tsv"), 0.3);
        WordReplace neighbours = WordReplace.neighbours("x", project.resolve("vectors/mail.txt"), 3, 0.0, 0.2);
        HashingVectorizer hashing = new HashingVectorizer(256, false, false);
        List<String> inputs = new ArrayList<>();
        for (ShardResult r : RunDirectory.at(s.dir()).done().values()) inputs.addAll(r.inputs());
        int changed = 0;
        for (int k = 0; k < s.shards(); k++) {
            List<Group> rows = ParquetShardsTest.Shard.read(s.dir().resolve(ShardFiles.name(k) + ".parquet")).rows();
            for (int i = 0; i < rows.size(); i++) {
                int index = k * 3 + i;
                String key = rows.get(i).getString(ParquetShards.KEY, 0);
                assertEquals(inputs.get(index), key);
                Rng rng = Rng.of(11, 0, index, 0);
                String original = TextDecoding.LATIN1.decode(Files.readAllBytes(project.resolve("mail").resolve(key)), key);
                String text = neighbours.apply(synonyms.apply(original, rng.child(1)), rng.child(2));
                float[] want = dense(hashing.apply(Tokenizer.simple().tokenize(text), rng.child(4)));
                assertArrayEquals(want, ParquetShardsTest.floats(rows.get(i).getGroup(ParquetShards.X, 0)), key);
                assertEquals(key.startsWith("ham/") ? 0 : 1, rows.get(i).getInteger(ParquetShards.LABEL, 0), key);
                if (!java.util.Arrays.equals(want, dense(hashing.apply(Tokenizer.simple().tokenize(original), rng.child(4))))) changed++;
            }
        }
        assertNotEquals(0, changed, "the replacements changed the term counts of some mails");
    }

    @Test
    void aMovedProjectFolderGivesTheSameBytes() throws IOException {
        Path moved = copyProject(work.resolve("elsewhere/moved"));
        // Vectors retrained in the copy: use the original's, so only the location differs.
        Files.copy(project.resolve("vectors/mail.txt"), moved.resolve("vectors/mail.txt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        RunSummary a = new LocalRunner(Pipeline.load(project.resolve("spec.yaml")), 1, RunListener.NONE).run();
        RunSummary b = new LocalRunner(Pipeline.load(moved.resolve("spec.yaml")), 2, RunListener.NONE).run();
        assertEquals(moved.resolve("out"), b.dir());
        LocalRunTest.assertSameFiles(a.dir(), b.dir());
    }

    @Test
    void aMissingOrBadDataFileIsOneLineNamingTheKeyPathAndTheFile() throws IOException {
        Path missing = Fixtures.spec(project.resolve("missing.yaml"), SPEC.replace("wordnet: wordnet-extract.tsv", "wordnet: thesaurus/wn.tsv"));
        SpecException e = assertThrows(SpecException.class, () -> Pipeline.load(missing));
        assertEquals("transforms[1].params.wordnet: " + project.resolve("thesaurus/wn.tsv") + " does not exist ('thesaurus/wn.tsv' is resolved against "
                + project + ")", e.getMessage());

        Path bad = Fixtures.spec(project.resolve("bad.yaml"), SPEC.replace("vectors: vectors/mail.txt", "vectors: wordnet-extract.tsv"));
        SpecException v = assertThrows(SpecException.class, () -> Pipeline.load(bad));
        assertEquals("transforms[2].params.vectors: cannot be read as word2vec vectors: " + project.resolve("wordnet-extract.tsv")
                + ": not a word2vec file: first line must be '<words> <dim>', got '# Synonyms extracted from WordNet 3.0. WordNet 3.0 "
                + "Copyright 2006 by Princeton University. All rights reserved.'", v.getMessage());
    }

    private static float[] dense(SparseVector v) {
        float[] x = new float[v.dim()];
        v.addTo(x, 0);
        return x;
    }
}
