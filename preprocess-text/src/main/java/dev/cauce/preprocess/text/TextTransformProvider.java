package dev.cauce.preprocess.text;

import dev.cauce.core.Tensor;
import dev.cauce.core.Transform;
import dev.cauce.core.spec.Encoded;
import dev.cauce.core.spec.Params;
import dev.cauce.core.spec.SpecException;
import dev.cauce.core.spec.TransformFactory;
import dev.cauce.core.spec.TransformProvider;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * The text module's transforms for {@link dev.cauce.core.spec.TransformRegistry}, fitted ones
 * ({@code text.vocabulary}, {@code text.bag_of_words}) included: their specs carry the fitted state.
 */
public final class TextTransformProvider implements TransformProvider {

    @Override
    public List<TransformFactory> transforms() {
        Class<?> s = String.class;
        Class<?> tokens = List.class;
        return List.of(
                TransformFactory.of("text.read", Encoded.class, s, "a pipeline input's bytes as text (utf8_strict, utf8_replace or latin1)",
                        p -> read(p.enumValue("decoding", TextDecoding.class, TextDecoding.UTF8_STRICT))),
                TransformFactory.of("text.to_tensor", SparseVector.class, Tensor.class, "a term vector as a dense float32 tensor [dim]",
                        p -> toTensor()),
                TransformFactory.of("text.clean", s, s, "Unicode normalization, lowercase, removals, whitespace", TextTransformProvider::cleaner),
                TransformFactory.of("text.tokenize.simple", s, tokens, "OpenNLP SimpleTokenizer", p -> Tokenizer.simple()),
                TransformFactory.of("text.tokenize.whitespace", s, tokens, "split at whitespace", p -> Tokenizer.whitespace()),
                TransformFactory.of("text.tokenize.regex", s, tokens, "tokens matching a regular expression", p -> {
                    String pattern = p.string("pattern");
                    try {
                        java.util.regex.Pattern.compile(pattern);
                    } catch (java.util.regex.PatternSyntaxException e) {
                        throw new SpecException(p.pathOf("pattern"), "'" + pattern + "' is not a valid regular expression: " + e.getDescription());
                    }
                    return Tokenizer.regex(pattern);
                }),
                TransformFactory.of("text.tokenize.sklearn", s, tokens, "runs of word characters of at least minLength",
                        p -> new Tokenizer.WordRuns(p.integer("minLength", 1, 1000))),
                TransformFactory.of("text.ngrams", tokens, tokens, "word n-grams from min to max", p -> new NGrams(
                        p.integer("min", 1, 100), p.integer("max", 1, 100))),
                TransformFactory.of("text.sentences", s, tokens, "sentence splitting", p -> new SentenceSplitter(
                        new HashSet<>(p.strings("abbreviations")))),
                TransformFactory.of("text.stopwords", tokens, tokens, "remove a bundled stop-word list", p -> Stopwords.of(
                        p.choice("language", List.copyOf(Stopwords.LANGUAGES)))),
                TransformFactory.of("text.stem", tokens, tokens, "OpenNLP Porter or Snowball stemming", p -> new Stemmer(
                        p.enumValue("algorithm", Stemmer.Algorithm.class))),
                TransformFactory.of("text.hashing", tokens, SparseVector.class, "hashing-trick term vector", p -> new HashingVectorizer(
                        p.integer("nFeatures", 1, 1 << 30), p.bool("alternateSign"), p.bool("l2"))),
                TransformFactory.of(BagOfWords.NAME, tokens, SparseVector.class, "fitted bag of words: counts, binary or tf-idf",
                        BagOfWords::fromParams),
                TransformFactory.of("text.vocabulary", tokens, int[].class, "token ids of a fitted vocabulary", p -> Vocabulary.ofTerms(
                        p.strings("terms"), p.bool("specials"))),
                new TransformFactory("text.sequence", tokens, int[].class, "token ids padded or cut to a length (child: text.vocabulary)",
                        (p, children) -> {
                            if (children.size() != 1 || !(children.get(0) instanceof Vocabulary v)) {
                                throw new SpecException(p.path() + ".children", "needs exactly one child, a text.vocabulary");
                            }
                            return new SequenceEncoder(v, p.integer("length", 1, 1 << 24),
                                    p.enumValue("padding", SequenceEncoder.Side.class), p.enumValue("truncating", SequenceEncoder.Side.class));
                        }),
                new TransformFactory("text.tokens", s, tokens, "clean, tokenize, [stop words], [stem] (children in that order)",
                        TextTransformProvider::tokenPipeline));
    }

    /** Decodes an input file; an undecodable one fails with the input's name and the byte offset. */
    public static Transform<Encoded, String> read(TextDecoding decoding) {
        return Transform.of("text.read", java.util.Map.of("decoding", decoding.name()), e -> decoding.decode(e.bytes(), e.source()));
    }

    /** Term vectors become shard rows: dense float32, one column per feature. */
    public static Transform<SparseVector, Tensor> toTensor() {
        return Transform.of("text.to_tensor", java.util.Map.of(), v -> {
            float[] x = new float[v.dim()];
            v.addTo(x, 0);
            return Tensor.of(x, v.dim());
        });
    }

    private static TextCleaner cleaner(Params p) {
        String lower = p.string("lowercase");
        Locale locale = lower.equals("none") ? null : Locale.forLanguageTag(lower);
        return new TextCleaner(p.enumValue("normalization", TextCleaner.Normalization.class), locale, p.bool("stripAccents"),
                p.bool("removeUrls"), p.bool("removeEmails"), p.bool("removeDigits"), p.bool("removePunctuation"),
                p.bool("lettersOnly"), p.bool("stripEmailHeaders"), p.bool("normalizeWhitespace"));
    }

    private static Transform<?, ?> tokenPipeline(Params p, List<Transform<?, ?>> children) {
        TextCleaner cleaner = null;
        Tokenizer tokenizer = null;
        Stopwords stopwords = null;
        Stemmer stemmer = null;
        for (int i = 0; i < children.size(); i++) {
            Transform<?, ?> c = children.get(i);
            if (i == 0 && c instanceof TextCleaner tc) {
                cleaner = tc;
            } else if (i == 1 && c instanceof Tokenizer t) {
                tokenizer = t;
            } else if (i >= 2 && c instanceof Stopwords w && stopwords == null && stemmer == null) {
                stopwords = w;
            } else if (i >= 2 && c instanceof Stemmer st && stemmer == null) {
                stemmer = st;
            } else {
                throw new SpecException(p.path() + ".children[" + i + "]", "'" + c.spec().name()
                        + "' is not allowed here; text.tokens takes text.clean, a tokenizer, then optionally text.stopwords and text.stem");
            }
        }
        if (cleaner == null || tokenizer == null) {
            throw new SpecException(p.path() + ".children", "text.tokens needs text.clean and a tokenizer as its first two children");
        }
        return new TokenPipeline(cleaner, tokenizer, stopwords, stemmer);
    }
}
