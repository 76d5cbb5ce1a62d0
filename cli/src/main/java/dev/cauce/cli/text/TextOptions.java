package dev.cauce.cli.text;

import dev.cauce.cli.Main;
import dev.cauce.preprocess.text.Stemmer;
import dev.cauce.preprocess.text.Stopwords;
import dev.cauce.preprocess.text.TextCleaner;
import dev.cauce.preprocess.text.TextDecoding;
import dev.cauce.preprocess.text.TokenPipeline;
import dev.cauce.preprocess.text.Tokenizer;
import picocli.CommandLine.Option;

import java.util.Locale;

/** Decoding, cleanup and tokenization options shared by the text commands. */
public final class TextOptions {

    @Option(names = "--encoding", defaultValue = "utf-8",
            description = "How bytes become text: utf-8 (invalid bytes are an error naming the byte offset), utf-8-replace "
                    + "(invalid bytes become U+FFFD), latin-1 (every byte is one character; right for old mixed-charset mail) "
                    + "(default: ${DEFAULT-VALUE}).")
    String encoding;

    @Option(names = "--strip-headers", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Drop an e-mail header block (text up to the first blank line, when the file starts with a header line) "
                    + "(default: ${DEFAULT-VALUE}).")
    boolean stripHeaders;

    @Option(names = "--lowercase", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Lowercase (Unicode, locale-independent) (default: ${DEFAULT-VALUE}).")
    boolean lowercase;

    @Option(names = "--strip-accents", description = "Remove accents (canción -> cancion) (default: false).")
    boolean stripAccents;

    @Option(names = "--remove-urls", description = "Remove URLs (default: false).")
    boolean removeUrls;

    @Option(names = "--remove-emails", description = "Remove e-mail addresses (default: false).")
    boolean removeEmails;

    @Option(names = "--remove-digits", description = "Remove digits (default: false).")
    boolean removeDigits;

    @Option(names = "--tokenizer", defaultValue = "sklearn",
            description = "sklearn (scikit-learn's default pattern: words of 2+ letters/digits), simple (OpenNLP SimpleTokenizer), "
                    + "whitespace (OpenNLP), or regex:PATTERN (every match is a token) (default: ${DEFAULT-VALUE}).")
    String tokenizer;

    @Option(names = "--stopwords", description = "Remove the stop words of this language: en, es, fr, de, it, pt (default: keep all).")
    String stopwords;

    @Option(names = "--stem", description = "Stem with OpenNLP: porter (Porter 1980, = NLTK ORIGINAL_ALGORITHM), porter-martin, "
            + "english (Snowball Porter2), spanish, french, german, italian, portuguese, ... (default: no stemming).")
    String stem;

    public TextDecoding decoding() {
        return decoding(encoding);
    }

    /** The decoding named by an {@code --encoding} value. */
    static TextDecoding decoding(String encoding) {
        return switch (encoding.toLowerCase(Locale.ROOT)) {
            case "utf-8", "utf8" -> TextDecoding.UTF8_STRICT;
            case "utf-8-replace", "utf8-replace" -> TextDecoding.UTF8_REPLACE;
            case "latin-1", "latin1", "iso-8859-1" -> TextDecoding.LATIN1;
            default -> throw new Main.UsageException("--encoding must be utf-8, utf-8-replace or latin-1, got '" + encoding + "'");
        };
    }

    public TextCleaner cleaner() {
        return TextCleaner.defaults().withLowercase(lowercase ? Locale.ROOT : null).withStripAccents(stripAccents)
                .withRemoveUrls(removeUrls).withRemoveEmails(removeEmails).withRemoveDigits(removeDigits)
                .withStripEmailHeaders(stripHeaders);
    }

    public TokenPipeline pipeline() {
        Tokenizer t = switch (tokenizer) {
            case "sklearn" -> Tokenizer.sklearnDefault();
            case "simple" -> Tokenizer.simple();
            case "whitespace" -> Tokenizer.whitespace();
            default -> {
                if (!tokenizer.startsWith("regex:")) {
                    throw new Main.UsageException("--tokenizer must be sklearn, simple, whitespace or regex:PATTERN, got '" + tokenizer + "'");
                }
                try {
                    yield Tokenizer.regex(tokenizer.substring(6));
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw new Main.UsageException("--tokenizer: bad regular expression: " + e.getDescription());
                }
            }
        };
        Stopwords sw = null;
        if (stopwords != null) {
            try {
                sw = Stopwords.of(stopwords);
            } catch (IllegalArgumentException e) {
                throw new Main.UsageException("--stopwords: " + e.getMessage());
            }
        }
        Stemmer st = null;
        if (stem != null) {
            try {
                st = new Stemmer(Stemmer.Algorithm.valueOf(stem.toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw new Main.UsageException("--stem: unknown algorithm '" + stem + "'");
            }
        }
        return new TokenPipeline(cleaner(), t, sw, st);
    }
}
