package dev.cauce.augment;

import dev.cauce.augment.text.WordReplace;
import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;
import dev.cauce.core.spec.SpecException;
import dev.cauce.core.spec.SpecRoundTrip;
import dev.cauce.core.spec.TransformRegistry;
import dev.cauce.preprocess.text.word2vec.Sentences;
import dev.cauce.preprocess.text.word2vec.Word2Vec;
import dev.cauce.preprocess.text.word2vec.Word2VecConfig;
import dev.cauce.preprocess.text.word2vec.WordVectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code text.word_replace} carries its source's file in the spec: the WordNet extract of the
 * samples, the test WordNet database (wordnet-mini) and word2vec vectors trained on the sample mails.
 */
class WordReplaceSpecTest {
    static final Path TEXT = Path.of("..", "samples", "text").toAbsolutePath().normalize();

    @TempDir static Path dir;
    static Path vectorsTxt;
    static Path vectorsBin;
    static String mail;

    @BeforeAll
    static void trainVectors() throws Exception {
        List<List<String>> sentences = new ArrayList<>();
        for (String kind : List.of("ham", "spam")) {
            try (var files = Files.list(TEXT.resolve("mail").resolve(kind))) {
                for (Path f : files.sorted().toList()) {
                    sentences.addAll(Sentences.split(Files.readString(f, StandardCharsets.ISO_8859_1), Sentences.LETTER_WORDS));
                }
            }
        }
        WordVectors v = Word2Vec.train(sentences, Word2VecConfig.defaults().withDim(8).withMinCount(2).withEpochs(1)).vectors();
        vectorsTxt = dir.resolve("mail.txt");
        vectorsBin = dir.resolve("mail.bin");
        v.saveText(vectorsTxt);
        v.saveBinary(vectorsBin);
        try (var files = Files.list(TEXT.resolve("mail/ham"))) {
            mail = Files.readString(files.sorted().findFirst().orElseThrow(), StandardCharsets.ISO_8859_1);
        }
    }

    private static Path wordnetMini() throws Exception {
        return Path.of(WordReplaceSpecTest.class.getResource("/dev/cauce/augment/text/wordnet-mini/index.noun").toURI()).getParent();
    }

    @Test
    void everySourceRoundTripsThroughItsSpecWithTheSameOutput() throws Exception {
        TransformRegistry registry = TransformRegistry.load();
        Path extract = TEXT.resolve("wordnet-extract.tsv");
        List<WordReplace> all = List.of(
                WordReplace.synonyms(extract.toString(), extract, 0.5),
                WordReplace.synonyms(wordnetMini().toString(), wordnetMini(), 1.0),
                WordReplace.neighbours(vectorsTxt.toString(), vectorsTxt, 3, 0.0, 0.4),
                WordReplace.neighbours(vectorsBin.toString(), vectorsBin, 3, 0.0, 0.4));
        for (WordReplace t : all) {
            SpecRoundTrip.check(registry, t, mail);
            SpecRoundTrip.check(registry, t, "The whale came, galore, said the GIANT.");
        }
        assertEquals(Map.of("source", "word2vec", "vectors", vectorsTxt.toString(), "k", 3, "minSimilarity", 0.0, "fraction", 0.4),
                all.get(2).spec().params());
        // The replacements really come from the files.
        assertNotEquals(mail, all.get(0).apply(mail, Rng.of(1, 0, 0, 0)));
        assertNotEquals(mail, all.get(2).apply(mail, Rng.of(1, 0, 0, 0)));
        String whale = all.get(1).apply("The whale came", Rng.of(1, 0, 0, 0));
        assertTrue(List.of("The giant came", "The hulk came", "The heavyweight came").contains(whale), whale);
        // Text and binary files of the same vectors give the same edits.
        assertEquals(all.get(2).apply(mail, Rng.of(4, 0, 2, 0)), all.get(3).apply(mail, Rng.of(4, 0, 2, 0)));
    }

    @Test
    void relativeFilesAreResolvedAgainstTheBaseFolderAndKeptAsWritten() throws Exception {
        TransformRegistry registry = TransformRegistry.load().resolvingAgainst(TEXT);
        Transform<?, ?> t = registry.build(TransformSpec.of("text.word_replace",
                Map.of("source", "wordnet", "wordnet", "wordnet-extract.tsv", "fraction", 0.5)), "transforms[1]");
        assertEquals("wordnet-extract.tsv", t.spec().params().get("wordnet"));
        @SuppressWarnings("unchecked")
        Transform<String, String> text = (Transform<String, String>) t;
        Path extract = TEXT.resolve("wordnet-extract.tsv");
        assertEquals(WordReplace.synonyms(extract.toString(), extract, 0.5).apply(mail, Rng.of(3, 0, 7, 0)), text.apply(mail, Rng.of(3, 0, 7, 0)));

        SpecException elsewhere = assertThrows(SpecException.class, () -> TransformRegistry.load().resolvingAgainst(dir).build(
                TransformSpec.of("text.word_replace", Map.of("source", "wordnet", "wordnet", "wordnet-extract.tsv", "fraction", 0.5)),
                "transforms[1]"));
        assertEquals("transforms[1].params.wordnet: " + dir.resolve("wordnet-extract.tsv") + " does not exist ('wordnet-extract.tsv' is resolved against "
                + dir + ")", elsewhere.getMessage());
    }

    @Test
    void badSourceFilesAreOneLineNamingTheParameterAndTheFile() throws Exception {
        TransformRegistry registry = TransformRegistry.load().resolvingAgainst(dir);
        Path notVectors = Files.writeString(dir.resolve("notes.txt"), "these are notes, not vectors\n");
        SpecException vectors = assertThrows(SpecException.class, () -> registry.build(TransformSpec.of("text.word_replace",
                Map.of("source", "word2vec", "vectors", "notes.txt", "fraction", 0.2)), "transforms[2]"));
        assertEquals("transforms[2].params.vectors: cannot be read as word2vec vectors: " + notVectors
                + ": not a word2vec file: first line must be '<words> <dim>', got 'these are notes, not vectors'", vectors.getMessage());

        SpecException table = assertThrows(SpecException.class, () -> registry.build(TransformSpec.of("text.word_replace",
                Map.of("source", "wordnet", "wordnet", "notes.txt", "fraction", 0.2)), "transforms[2]"));
        assertEquals("transforms[2].params.wordnet: cannot be read as a WordNet folder or thesaurus table: " + notVectors
                + ": line 1: expected word<TAB>alternatives", table.getMessage());

        SpecException folder = assertThrows(SpecException.class, () -> registry.build(TransformSpec.of("text.word_replace",
                Map.of("source", "wordnet", "wordnet", ".", "fraction", 0.2)), "transforms[2]"));
        assertTrue(folder.getMessage().startsWith("transforms[2].params.wordnet: cannot be read as a WordNet folder or thesaurus table: "
                + dir.resolve("index.noun") + ": missing"), folder.getMessage());

        SpecException aFolder = assertThrows(SpecException.class, () -> registry.build(TransformSpec.of("text.word_replace",
                Map.of("source", "word2vec", "vectors", ".", "fraction", 0.2)), "transforms[2]"));
        assertEquals("transforms[2].params.vectors: " + dir + " is a folder, expected a file", aFolder.getMessage());

        SpecException k = assertThrows(SpecException.class, () -> registry.build(TransformSpec.of("text.word_replace",
                Map.of("source", "word2vec", "vectors", vectorsTxt.toString(), "k", 0, "fraction", 0.2)), "transforms[2]"));
        assertEquals("transforms[2].params.k: 0 is out of range, allowed [1, 1000]", k.getMessage());
    }
}
