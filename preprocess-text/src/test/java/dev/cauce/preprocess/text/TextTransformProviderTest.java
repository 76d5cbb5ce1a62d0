package dev.cauce.preprocess.text;

import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;
import dev.cauce.core.spec.SpecException;
import dev.cauce.core.spec.SpecRoundTrip;
import dev.cauce.core.spec.TransformFactory;
import dev.cauce.core.spec.TransformRegistry;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every registered text transform: spec, rebuild, same spec, same output on real e-mail text. */
class TextTransformProviderTest {
    private final TransformRegistry registry = TransformRegistry.load();

    @Test
    void everyTextTransformRoundTripsWithTheSameOutput() throws Exception {
        String mail;
        try (var files = Files.list(Path.of("..", "samples", "text", "mail", "ham"))) {
            mail = Files.readString(files.sorted().findFirst().orElseThrow());
        }
        List<String> tokens = Tokenizer.simple().tokenize(mail.toLowerCase(Locale.ROOT));
        Vocabulary vocab = Vocabulary.fit(List.of(tokens), 1, 50, true);
        TextCleaner cleaner = new TextCleaner(TextCleaner.Normalization.NFKC, Locale.ROOT, true, true, true, false, true, false, true, true);
        List<Case<?>> cases = List.of(
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
    void badTextParametersNameTheKeyPath() {
        SpecException lang = assertThrows(SpecException.class, () -> registry.build(
                TransformSpec.of("text.stopwords", Map.of("language", "xx")), "transforms[2]"));
        assertEquals("transforms[2].params.language: 'xx' is not allowed, allowed [en, es, fr, de, it, pt]", lang.getMessage());
        SpecException regex = assertThrows(SpecException.class, () -> registry.build(
                TransformSpec.of("text.tokenize.regex", Map.of("pattern", "[a-z")), "transforms[1]"));
        assertTrue(regex.getMessage().startsWith("transforms[1].params.pattern: '[a-z' is not a valid regular expression"), regex.getMessage());
    }
}
