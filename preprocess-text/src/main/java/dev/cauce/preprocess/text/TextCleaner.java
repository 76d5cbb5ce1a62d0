package dev.cauce.preprocess.text;

import dev.cauce.core.Rng;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Text cleanup as one deterministic transform. Steps run in a fixed order: e-mail header stripping,
 * Unicode normalization, URL and e-mail address removal, lowercasing, accent stripping, digit,
 * punctuation or non-letter removal, whitespace normalization. Removed spans become one space, so
 * the words on either side never fuse ("a,b" without punctuation is "a b", not "ab").
 *
 * <p>Start from {@link #defaults()} (NFC, lowercase with {@link Locale#ROOT}, whitespace collapsed,
 * nothing removed) and switch steps on with the {@code with…} methods.
 *
 * @param normalization       Unicode normalization form applied first
 * @param lowercase           locale for lowercasing ({@code tr} maps I to dotless ı), or null to keep case
 * @param stripAccents        drop combining marks after NFD ("canción" → "cancion", "ñ" → "n")
 * @param removeUrls          drop http(s)/ftp URLs and {@code www.} addresses
 * @param removeEmails        drop e-mail addresses
 * @param removeDigits        drop decimal digits (any script)
 * @param removePunctuation   drop Unicode punctuation and symbols
 * @param lettersOnly         drop everything that is not a letter, a combining mark or whitespace
 * @param stripEmailHeaders   drop an RFC 822 header block ({@link EmailText#stripHeaders})
 * @param normalizeWhitespace collapse every run of whitespace to one space and trim
 */
public record TextCleaner(Normalization normalization, Locale lowercase, boolean stripAccents, boolean removeUrls,
                          boolean removeEmails, boolean removeDigits, boolean removePunctuation, boolean lettersOnly,
                          boolean stripEmailHeaders, boolean normalizeWhitespace) implements Transform<String, String> {

    /** Unicode normalization forms (NFKC also folds compatibility characters: "ﬁ" → "fi", "①" → "1"). */
    public enum Normalization { NONE, NFC, NFKC }

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:(?:https?|ftp)://|www\\.)[^\\s<>\"']+");
    private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern DIGITS = Pattern.compile("\\p{Nd}+");
    private static final Pattern PUNCT = Pattern.compile("[\\p{P}\\p{S}]+");
    private static final Pattern NON_LETTERS = Pattern.compile("[^\\p{L}\\p{M}\\s]+");
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    public TextCleaner {
        Objects.requireNonNull(normalization, "normalization");
    }

    /** NFC, lowercase with {@link Locale#ROOT}, whitespace collapsed; nothing removed. */
    public static TextCleaner defaults() {
        return new TextCleaner(Normalization.NFC, Locale.ROOT, false, false, false, false, false, false, false, true);
    }

    public TextCleaner withNormalization(Normalization n) {
        return new TextCleaner(n, lowercase, stripAccents, removeUrls, removeEmails, removeDigits, removePunctuation, lettersOnly, stripEmailHeaders, normalizeWhitespace);
    }

    /** Lowercase with {@code locale}, or keep case when null. */
    public TextCleaner withLowercase(Locale locale) {
        return new TextCleaner(normalization, locale, stripAccents, removeUrls, removeEmails, removeDigits, removePunctuation, lettersOnly, stripEmailHeaders, normalizeWhitespace);
    }

    public TextCleaner withStripAccents(boolean on) {
        return new TextCleaner(normalization, lowercase, on, removeUrls, removeEmails, removeDigits, removePunctuation, lettersOnly, stripEmailHeaders, normalizeWhitespace);
    }

    public TextCleaner withRemoveUrls(boolean on) {
        return new TextCleaner(normalization, lowercase, stripAccents, on, removeEmails, removeDigits, removePunctuation, lettersOnly, stripEmailHeaders, normalizeWhitespace);
    }

    public TextCleaner withRemoveEmails(boolean on) {
        return new TextCleaner(normalization, lowercase, stripAccents, removeUrls, on, removeDigits, removePunctuation, lettersOnly, stripEmailHeaders, normalizeWhitespace);
    }

    public TextCleaner withRemoveDigits(boolean on) {
        return new TextCleaner(normalization, lowercase, stripAccents, removeUrls, removeEmails, on, removePunctuation, lettersOnly, stripEmailHeaders, normalizeWhitespace);
    }

    public TextCleaner withRemovePunctuation(boolean on) {
        return new TextCleaner(normalization, lowercase, stripAccents, removeUrls, removeEmails, removeDigits, on, lettersOnly, stripEmailHeaders, normalizeWhitespace);
    }

    public TextCleaner withLettersOnly(boolean on) {
        return new TextCleaner(normalization, lowercase, stripAccents, removeUrls, removeEmails, removeDigits, removePunctuation, on, stripEmailHeaders, normalizeWhitespace);
    }

    public TextCleaner withStripEmailHeaders(boolean on) {
        return new TextCleaner(normalization, lowercase, stripAccents, removeUrls, removeEmails, removeDigits, removePunctuation, lettersOnly, on, normalizeWhitespace);
    }

    public TextCleaner withNormalizeWhitespace(boolean on) {
        return new TextCleaner(normalization, lowercase, stripAccents, removeUrls, removeEmails, removeDigits, removePunctuation, lettersOnly, stripEmailHeaders, on);
    }

    /** Cleans one text. */
    public String clean(String text) {
        String s = text;
        if (stripEmailHeaders) s = EmailText.stripHeaders(s);
        s = switch (normalization) {
            case NONE -> s;
            case NFC -> Normalizer.normalize(s, Normalizer.Form.NFC);
            case NFKC -> Normalizer.normalize(s, Normalizer.Form.NFKC);
        };
        if (removeUrls) s = URL.matcher(s).replaceAll(" ");
        if (removeEmails) s = EMAIL.matcher(s).replaceAll(" ");
        if (lowercase != null) s = s.toLowerCase(lowercase);
        if (stripAccents) {
            s = MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
            s = Normalizer.normalize(s, Normalizer.Form.NFC);
        }
        if (removeDigits) s = DIGITS.matcher(s).replaceAll(" ");
        if (removePunctuation) s = PUNCT.matcher(s).replaceAll(" ");
        if (lettersOnly) s = NON_LETTERS.matcher(s).replaceAll(" ");
        if (normalizeWhitespace) s = SPACES.matcher(s).replaceAll(" ").strip();
        return s;
    }

    @Override
    public String apply(String input, Rng rng) {
        return clean(input);
    }

    @Override
    public TransformSpec spec() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("normalization", normalization.name());
        p.put("lowercase", lowercase == null ? "none" : lowercase.toLanguageTag());
        p.put("stripAccents", stripAccents);
        p.put("removeUrls", removeUrls);
        p.put("removeEmails", removeEmails);
        p.put("removeDigits", removeDigits);
        p.put("removePunctuation", removePunctuation);
        p.put("lettersOnly", lettersOnly);
        p.put("stripEmailHeaders", stripEmailHeaders);
        p.put("normalizeWhitespace", normalizeWhitespace);
        return TransformSpec.of("text.clean", p);
    }
}
