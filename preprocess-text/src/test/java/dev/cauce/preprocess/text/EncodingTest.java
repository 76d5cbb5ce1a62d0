package dev.cauce.preprocess.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Vocabulary, sequences, n-grams and hashing. */
class EncodingTest {
    static final List<List<String>> DOCS = List.of(
            List.of("the", "whale", "the", "sea"),
            List.of("the", "ship", "and", "the", "whale"),
            List.of("sea", "sea", "ship"));

    @Test
    void vocabularyOrdersByCountThenCodePoint() {
        Vocabulary v = Vocabulary.fit(DOCS, 2, 0, true);
        // counts: the 4, sea 3, ship 2, whale 2, and 1 (dropped by minCount)
        assertEquals(List.of(Vocabulary.PAD, Vocabulary.OOV, "the", "sea", "ship", "whale"), v.terms());
        assertArrayEquals(new int[] {2, 5, 1, 3}, v.encode(List.of("the", "whale", "kraken", "sea")));
        Vocabulary top2 = Vocabulary.fit(DOCS, 1, 2, false);
        assertEquals(List.of("the", "sea"), top2.terms());
        assertArrayEquals(new int[] {0, 1}, top2.encode(List.of("the", "whale", "sea")), "unknown dropped without specials");
    }

    @Test
    void vocabularySavesAndLoads(@TempDir Path dir) throws Exception {
        Vocabulary v = Vocabulary.fit(DOCS, 1, 0, true);
        v.save(dir.resolve("vocab.txt"));
        Vocabulary back = Vocabulary.load(dir.resolve("vocab.txt"));
        assertEquals(v.terms(), back.terms());
        assertEquals(true, back.hasSpecials());
    }

    @Test
    void sequencesPadAndTruncateAtTheChosenEnd() {
        Vocabulary v = Vocabulary.fit(DOCS, 2, 0, true);
        List<String> doc = List.of("the", "sea", "ship", "whale", "the");
        assertArrayEquals(new int[] {2, 3, 4, 5, 2, 0, 0}, new SequenceEncoder(v, 7, SequenceEncoder.Side.POST, SequenceEncoder.Side.POST).encode(doc));
        assertArrayEquals(new int[] {0, 0, 2, 3, 4, 5, 2}, new SequenceEncoder(v, 7, SequenceEncoder.Side.PRE, SequenceEncoder.Side.POST).encode(doc));
        assertArrayEquals(new int[] {2, 3, 4}, new SequenceEncoder(v, 3, SequenceEncoder.Side.PRE, SequenceEncoder.Side.POST).encode(doc));
        assertArrayEquals(new int[] {4, 5, 2}, new SequenceEncoder(v, 3, SequenceEncoder.Side.PRE, SequenceEncoder.Side.PRE).encode(doc));
        assertArrayEquals(new int[] {0, 0, 0}, new SequenceEncoder(v, 3, SequenceEncoder.Side.PRE, SequenceEncoder.Side.PRE).encode(List.of()));
        var t = new SequenceEncoder(v, 4, SequenceEncoder.Side.POST, SequenceEncoder.Side.POST).toTensor(List.of(doc, List.of("sea")));
        assertArrayEquals(new int[] {2, 4}, t.shape());
        assertArrayEquals(new float[] {2, 3, 4, 5, 3, 0, 0, 0}, t.data());
        assertThrows(IllegalArgumentException.class, () -> new SequenceEncoder(Vocabulary.fit(DOCS, 1, 0, false), 3, SequenceEncoder.Side.PRE, SequenceEncoder.Side.PRE));
    }

    @Test
    void ngramsInScikitLearnOrder() {
        assertEquals(List.of("a", "b", "c", "a b", "b c"), new NGrams(1, 2).of(List.of("a", "b", "c")));
        assertEquals(List.of("a b c"), new NGrams(3, 3).of(List.of("a", "b", "c")));
        assertEquals(List.of(), new NGrams(2, 2).of(List.of("a")));
        BagOfWords bigrams = BagOfWords.fit(DOCS, BagOfWords.Options.counts(1).withNgrams(2, 2));
        assertEquals(2.0, bigrams.transform(List.of("sea", "sea", "sea")).get(bigrams.column("sea sea")));
    }

    @Test
    void murmur3MatchesScikitLearn() {
        // values from sklearn.utils.murmurhash3_32(word, seed=0), scikit-learn 1.2.1
        String[] words = {"the", "whale", "año", "a", "ab", "abc", "abcd", "ñandú", ""};
        int[] want = {-1132748958, 1156501721, 601557176, 1009084850, -1681926305, -1277324294, 1139631978, 1037503467, 0};
        for (int i = 0; i < words.length; i++) {
            assertEquals(want[i], HashingVectorizer.murmur3(words[i].getBytes(java.nio.charset.StandardCharsets.UTF_8), 0), words[i]);
        }
    }

    @Test
    void hashingMatchesScikitLearn() {
        // HashingVectorizer(n_features=32, alternate_sign=True, norm=None) on one token list: indices [2, 24, 25, 30], data [-1, 1, 1, -2]
        SparseVector row = new HashingVectorizer(32, true, false).transform(List.of("the", "whale", "the", "sea", "año"));
        assertArrayEquals(new int[] {2, 24, 25, 30}, row.indices());
        assertArrayEquals(new double[] {-1, 1, 1, -2}, row.values());
        SparseVector unit = new HashingVectorizer(32, true, true).transform(List.of("the", "whale", "the", "sea", "año"));
        assertEquals(1.0, java.util.Arrays.stream(unit.values()).map(x -> x * x).sum(), 1e-12);
    }

    @Test
    void emptyDocumentGivesAZeroRowNotNaN() {
        BagOfWords tfidf = BagOfWords.fit(DOCS, BagOfWords.Options.tfidf(1));
        SparseVector row = tfidf.transform(List.of());
        assertEquals(0, row.nnz());
        for (double x : row.toDense()) assertEquals(0.0, x);
    }
}
