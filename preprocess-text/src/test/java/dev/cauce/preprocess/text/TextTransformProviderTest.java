package dev.cauce.preprocess.text;

import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;
import dev.cauce.core.spec.Encoded;
import dev.cauce.core.spec.SpecException;
import dev.cauce.core.spec.SpecRoundTrip;
import dev.cauce.core.spec.TransformFactory;
import dev.cauce.core.spec.TransformRegistry;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every registered text transform: spec, rebuild, same spec, same output on real e-mail text. */
class TextTransformProviderTest {
    private final TransformRegistry registry = TransformRegistry.load();

    /** The sample mails (ham then spam, sorted by name), lowercased and tokenized as scikit-learn does. */
    private static List<List<String>> sampleMails() throws Exception {
        List<List<String>> docs = new ArrayList<>();
        for (String dir : List.of("ham", "spam")) {
            try (var files = Files.list(Path.of("..", "samples", "text", "mail", dir))) {
                for (Path f : files.sorted().toList()) {
                    String text = TextDecoding.LATIN1.decode(Files.readAllBytes(f), f.toString());
                    docs.add(Tokenizer.sklearnDefault().tokenize(text.toLowerCase(Locale.ROOT)));
                }
            }
        }
        return docs;
    }

    @Test
    void everyTextTransformRoundTripsWithTheSameOutput() throws Exception {
        String mail;
        try (var files = Files.list(Path.of("..", "samples", "text", "mail", "ham"))) {
            mail = Files.readString(files.sorted().findFirst().orElseThrow());
        }
        List<String> tokens = Tokenizer.simple().tokenize(mail.toLowerCase(Locale.ROOT));
        List<List<String>> mails = sampleMails();
        BagOfWords tfidf = BagOfWords.fit(mails.subList(0, 6), BagOfWords.Options.tfidf(1).withNgrams(1, 2));
        Vocabulary vocab = Vocabulary.fit(List.of(tokens), 1, 50, true);
        TextCleaner cleaner = new TextCleaner(TextCleaner.Normalization.NFKC, Locale.ROOT, true, true, true, false, true, false, true, true);
        List<Case<?>> cases = List.of(
                new Case<>(TextTransformProvider.read(TextDecoding.LATIN1), new Encoded("mail.txt", mail.getBytes(StandardCharsets.ISO_8859_1))),
                new Case<>(TextTransformProvider.toTensor(), new HashingVectorizer(64, true, false).apply(tokens, dev.cauce.core.Rng.seeded(0))),
                new Case<>(cleaner, mail),
                new Case<>(Tokenizer.simple(), mail),
                new Case<>(Tokenizer.whitespace(), mail),
                new Case<>(Tokenizer.regex("[a-z]+"), mail),
                new Case<>(Tokenizer.regex("\\p{L}{2,}"), mail),
                new Case<>(new Tokenizer.WordRuns(2), mail),
                new Case<>(new NGrams(1, 3), tokens),
                new Case<>(SentenceSplitter.defaults(), mail),
                new Case<>(Stopwords.of("en"), tokens),
                new Case<>(new Stemmer(Stemmer.Algorithm.ENGLISH), tokens),
                new Case<>(new HashingVectorizer(1024, true, true), tokens),
                new Case<>(vocab, tokens),
                new Case<>(tfidf, mails.get(7)),
                new Case<>(new SequenceEncoder(vocab, 40, SequenceEncoder.Side.PRE, SequenceEncoder.Side.POST), tokens),
                new Case<>(new TokenPipeline(cleaner, Tokenizer.simple(), Stopwords.of("en"), new Stemmer(Stemmer.Algorithm.PORTER)), mail));
        for (Case<?> c : cases) c.check(registry);

        Set<String> covered = cases.stream().map(c -> c.t().spec().name()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> provided = new TextTransformProvider().transforms().stream().map(TransformFactory::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(provided, covered, "every registered text transform has a round-trip case");
    }

    record Case<I>(Transform<I, ?> t, I input) {
        void check(TransformRegistry registry) {
            SpecRoundTrip.check(registry, t, input, o -> o instanceof SparseVector v ? v.toDense() : o);
        }
    }

    @Test
    void bagOfWordsRebuiltFromItsSpecGivesBitIdenticalRows() throws Exception {
        List<List<String>> mails = sampleMails();
        List<List<String>> train = mails.subList(0, 6);
        List<BagOfWords> models = List.of(
                BagOfWords.fit(train, BagOfWords.Options.tfidf(2)),
                BagOfWords.fit(train, BagOfWords.Options.tfidf(1).withNgrams(1, 2).withMaxFeatures(300)),
                BagOfWords.fit(train, BagOfWords.Options.counts(1)),
                BagOfWords.fit(train, new BagOfWords.Options(BagOfWords.Weighting.BINARY, true, 2, 0, new NGrams(1, 1))));
        for (BagOfWords model : models) {
            BagOfWords viaRegistry = (BagOfWords) registry.build(model.spec());
            BagOfWords viaFromSpec = BagOfWords.fromSpec(model.spec());
            for (BagOfWords rebuilt : List.of(viaRegistry, viaFromSpec)) {
                assertEquals(model.spec(), rebuilt.spec());
                assertEquals(model.terms(), rebuilt.terms());
                assertEquals(model.options(), rebuilt.options());
                if (model.idf() != null) {
                    long[] a = Arrays.stream(model.idf()).mapToLong(Double::doubleToRawLongBits).toArray();
                    long[] b = Arrays.stream(rebuilt.idf()).mapToLong(Double::doubleToRawLongBits).toArray();
                    assertArrayEquals(a, b, "idf bits");
                }
                // Held-out mails too: the rows are SparseVector, whose equals compares doubles bit by bit.
                for (List<String> doc : mails) assertEquals(model.transform(doc), rebuilt.transform(doc));
                assertArrayEquals(model.toTensor(mails).data(), rebuilt.toTensor(mails).data());
            }
        }
        assertTrue(models.get(0).dim() > 50, "a real vocabulary: " + models.get(0).dim());
    }

    @Test
    void badBagOfWordsSpecsNameTheKeyPath() throws Exception {
        BagOfWords model = BagOfWords.fit(sampleMails().subList(0, 3), BagOfWords.Options.tfidf(1));
        Map<String, Object> params = model.spec().params();

        Map<String, Object> shortIdf = new java.util.HashMap<>(params);
        shortIdf.put("idf", List.of(1.5));
        SpecException e = assertThrows(SpecException.class, () -> registry.build(TransformSpec.of(BagOfWords.NAME, shortIdf), "transforms[3]"));
        assertEquals("transforms[3].params.idf: has 1 values, needs one per term (" + model.dim() + ")", e.getMessage());

        Map<String, Object> counts = new java.util.HashMap<>(params);
        counts.put("weighting", "COUNTS");
        e = assertThrows(SpecException.class, () -> registry.build(TransformSpec.of(BagOfWords.NAME, counts), "transforms[3]"));
        assertEquals("transforms[3].params.idf: only allowed with weighting TFIDF, got COUNTS", e.getMessage());

        Map<String, Object> noIdf = new java.util.HashMap<>(params);
        noIdf.remove("idf");
        e = assertThrows(SpecException.class, () -> BagOfWords.fromSpec(TransformSpec.of(BagOfWords.NAME, noIdf)));
        assertEquals("text.bag_of_words.params.idf: missing (required parameter)", e.getMessage());

        Map<String, Object> lowIdf = new java.util.HashMap<>(params);
        List<Object> idf = new ArrayList<>((List<?>) params.get("idf"));
        idf.set(2, 0.5);
        lowIdf.put("idf", idf);
        e = assertThrows(SpecException.class, () -> BagOfWords.fromSpec(TransformSpec.of(BagOfWords.NAME, lowIdf)));
        assertEquals("text.bag_of_words.params.idf[2]: 0.5 is below 1, the smallest smooth idf", e.getMessage());

        Map<String, Object> duplicate = new java.util.HashMap<>(params);
        List<String> terms = new ArrayList<>(model.terms());
        terms.set(1, terms.get(0));
        duplicate.put("terms", terms);
        e = assertThrows(SpecException.class, () -> registry.build(TransformSpec.of(BagOfWords.NAME, duplicate), "transforms[3]"));
        assertEquals("transforms[3].params: terms: duplicate term '" + terms.get(0) + "'", e.getMessage());

        IllegalArgumentException wrongName = assertThrows(IllegalArgumentException.class,
                () -> BagOfWords.fromSpec(TransformSpec.of("text.hashing", params)));
        assertEquals("expected a text.bag_of_words spec, got 'text.hashing'", wrongName.getMessage());
    }

    @Test
    void badTextParametersNameTheKeyPath() {
        SpecException lang = assertThrows(SpecException.class, () -> registry.build(
                TransformSpec.of("text.stopwords", Map.of("language", "xx")), "transforms[2]"));
        assertEquals("transforms[2].params.language: 'xx' is not allowed, allowed [en, es, fr, de, it, pt]", lang.getMessage());
        SpecException regex = assertThrows(SpecException.class, () -> registry.build(
                TransformSpec.of("text.tokenize.regex", Map.of("pattern", "[a-z")), "transforms[1]"));
        assertTrue(regex.getMessage().startsWith("transforms[1].params.pattern: '[a-z' is not a valid regular expression"), regex.getMessage());
        SpecException decoding = assertThrows(SpecException.class, () -> registry.build(
                TransformSpec.of("text.read", Map.of("decoding", "utf16")), "transforms[0]"));
        assertEquals("transforms[0].params.decoding: 'utf16' is not allowed, allowed [UTF8_STRICT, UTF8_REPLACE, LATIN1]", decoding.getMessage());
    }

    @Test
    void readDecodesAsToldAndRefusesBinaryFilesNamingTheInput() {
        byte[] latin = "caf\u00e9 ni\u00f1o".getBytes(StandardCharsets.ISO_8859_1);
        @SuppressWarnings("unchecked")
        Transform<Encoded, String> latin1 = (Transform<Encoded, String>) registry.build(
                TransformSpec.of("text.read", Map.of("decoding", "latin1")), "transforms[0]");
        assertEquals("caf\u00e9 ni\u00f1o", latin1.apply(new Encoded("es/a.txt", latin), dev.cauce.core.Rng.seeded(0)));
        @SuppressWarnings("unchecked")
        Transform<Encoded, String> strict = (Transform<Encoded, String>) registry.build(TransformSpec.of("text.read", Map.of()), "transforms[0]");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> strict.apply(new Encoded("es/a.txt", latin), dev.cauce.core.Rng.seeded(0)));
        assertTrue(bad.getMessage().startsWith("es/a.txt: invalid UTF-8 at byte offset 3"), bad.getMessage());
        IllegalArgumentException binary = assertThrows(IllegalArgumentException.class,
                () -> strict.apply(new Encoded("img/x.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}), dev.cauce.core.Rng.seeded(0)));
        assertTrue(binary.getMessage().startsWith("img/x.png: looks like a binary file"), binary.getMessage());
    }
}
