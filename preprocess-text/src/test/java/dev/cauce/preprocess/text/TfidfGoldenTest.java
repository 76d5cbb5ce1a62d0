package dev.cauce.preprocess.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * scikit-learn 1.2.1 TfidfVectorizer/CountVectorizer(min_df=2) on 200 SpamAssassin mails
 * (shared/golden/tfidf). Bodies: bytes after the first blank line, latin-1, Python lowercase.
 */
class TfidfGoldenTest {
    static List<List<String>> docs = new ArrayList<>();
    static List<String> expectedVocab = new ArrayList<>();

    @BeforeAll
    static void load() throws Exception {
        JsonNode files = new ObjectMapper().readTree(Golden.bytes("tfidf/files.json")).get("files");
        List<String> order = new ArrayList<>();
        for (JsonNode f : files) order.add(f.get("path_in_tar").asText());
        java.util.Map<String, byte[]> byPath = new java.util.HashMap<>();
        TextCorpus.forEach(Golden.path("tfidf/mails200.tar.gz"), d -> byPath.put(d.source().substring(d.source().indexOf('!') + 1), d.bytes()));
        Tokenizer tok = Tokenizer.sklearnDefault();
        for (String p : order) {
            byte[] raw = byPath.get(p);
            int off = EmailText.bodyOffset(raw);
            String body = TextDecoding.LATIN1.decode(Arrays.copyOfRange(raw, off, raw.length), p);
            docs.add(tok.tokenize(body.toLowerCase(Locale.ROOT)));
        }
        JsonNode vocab = new ObjectMapper().readTree(new String(Golden.bytes("tfidf/vocabulary.json"), StandardCharsets.UTF_8));
        String[] terms = new String[vocab.size()];
        for (Iterator<String> it = vocab.fieldNames(); it.hasNext(); ) {
            String t = it.next();
            terms[vocab.get(t).asInt()] = t;
        }
        expectedVocab = List.of(terms);
    }

    @Test
    void vocabularyAndIdfMatchScikitLearn() {
        assertEquals(200, docs.size());
        BagOfWords tfidf = BagOfWords.fit(docs, BagOfWords.Options.tfidf(2));
        assertEquals(expectedVocab, tfidf.terms());
        Golden.Npy idf = Golden.npy("tfidf/idf.npy.gz");
        assertArrayEquals(idf.data(), tfidf.idf(), 1e-12);
    }

    @Test
    void tfidfRowsMatchScikitLearn() {
        BagOfWords tfidf = BagOfWords.fit(docs, BagOfWords.Options.tfidf(2));
        checkRows(tfidf, Golden.npy("tfidf/tfidf_first20.npy.gz"), 0, 1e-12);
        checkRows(tfidf, Golden.npy("tfidf/tfidf_spam_first10.npy.gz"), 100, 1e-12);
        // the float32 tensor path meets the 1e-6 tolerance too
        var t = tfidf.toTensor(docs.subList(0, 20));
        double[] want = Golden.npy("tfidf/tfidf_first20.npy.gz").data();
        for (int i = 0; i < want.length; i++) assertEquals(want[i], t.data()[i], 1e-6);
    }

    @Test
    void countsMatchScikitLearn() {
        BagOfWords counts = BagOfWords.fit(docs, BagOfWords.Options.counts(2));
        assertEquals(expectedVocab, counts.terms());
        checkRows(counts, Golden.npy("tfidf/counts_first20.npy.gz"), 0, 0);
    }

    @Test
    void binaryWeightingIsPresence() {
        BagOfWords bin = BagOfWords.fit(docs, new BagOfWords.Options(BagOfWords.Weighting.BINARY, false, 2, 0, new NGrams(1, 1)));
        double[] counts = Golden.npy("tfidf/counts_first20.npy.gz").data();
        double[] row = bin.transform(docs.get(3)).toDense();
        for (int j = 0; j < row.length; j++) assertEquals(counts[3 * row.length + j] > 0 ? 1.0 : 0.0, row[j]);
    }

    @Test
    void maxFeaturesKeepsTheMostFrequentTermsInCodePointOrder() {
        BagOfWords all = BagOfWords.fit(docs, BagOfWords.Options.counts(2));
        BagOfWords top = BagOfWords.fit(docs, BagOfWords.Options.counts(2).withMaxFeatures(100));
        assertEquals(100, top.dim());
        List<String> sorted = new ArrayList<>(top.terms());
        sorted.sort(Vocabulary::compareCodePoints);
        assertEquals(sorted, top.terms());
        assertEquals(true, all.terms().containsAll(top.terms()));
    }

    private static void checkRows(BagOfWords model, Golden.Npy expected, int firstDoc, double tol) {
        int dim = expected.shape()[1];
        assertEquals(model.dim(), dim);
        for (int r = 0; r < expected.shape()[0]; r++) {
            double[] got = model.transform(docs.get(firstDoc + r)).toDense();
            double[] want = Arrays.copyOfRange(expected.data(), r * dim, (r + 1) * dim);
            assertArrayEquals(want, got, tol, "row " + (firstDoc + r));
        }
    }
}
