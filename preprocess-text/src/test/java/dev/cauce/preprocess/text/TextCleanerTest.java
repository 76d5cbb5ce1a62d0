package dev.cauce.preprocess.text;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class TextCleanerTest {

    @Test
    void nfcAndNfkcNormalize() {
        String decomposed = "cancio\u0301n"; // o + combining acute
        assertEquals("canción", TextCleaner.defaults().clean(decomposed));
        assertEquals("ﬁne ①", TextCleaner.defaults().withLowercase(null).clean("ﬁne ①"));
        assertEquals("fine 1", TextCleaner.defaults().withNormalization(TextCleaner.Normalization.NFKC).clean("ﬁne ①"));
    }

    @Test
    void lowercaseIsLocaleAware() {
        assertEquals("istanbul", TextCleaner.defaults().clean("ISTANBUL"));
        assertEquals("ıstanbul", TextCleaner.defaults().withLowercase(Locale.forLanguageTag("tr")).clean("ISTANBUL"));
        assertEquals("ÑANDÚ", TextCleaner.defaults().withLowercase(null).clean("ÑANDÚ"));
    }

    @Test
    void accentsStripOnlyWhenAsked() {
        TextCleaner c = TextCleaner.defaults().withStripAccents(true);
        assertEquals("el nino comio pinones en la cancion", c.clean("El niño comió piñones en la canción"));
        assertEquals("el niño", TextCleaner.defaults().clean("El niño"));
    }

    @Test
    void removesUrlsEmailsDigitsPunctuation() {
        TextCleaner c = TextCleaner.defaults().withRemoveUrls(true).withRemoveEmails(true).withRemoveDigits(true).withRemovePunctuation(true);
        String in = "Visit http://www.example.com/x?a=1 or www.spam.biz, mail yyyy@example.com: only $3.50 (50% off)!";
        assertEquals("visit or mail only off", c.clean(in));
        // removals leave a space so words never fuse
        assertEquals("a b", TextCleaner.defaults().withRemovePunctuation(true).clean("a,b"));
    }

    @Test
    void lettersOnlyKeepsAccentedLetters() {
        assertEquals("año señor r d", TextCleaner.defaults().withLettersOnly(true).clean("Año 2024: señor R2-D2"));
    }

    @Test
    void whitespaceCollapsesAcrossUnicodeSpaces() {
        assertEquals("a b c", TextCleaner.defaults().clean("  a\t\tb\u00A0\n c  "));
        assertEquals("  a\t\tb ", TextCleaner.defaults().withNormalizeWhitespace(false).clean("  a\t\tb "));
    }

    @Test
    void emailHeadersStrip() {
        String mail = "From: a@b.c\nSubject: Hi\n\nHello there\n\nBye";
        assertEquals("hello there bye", TextCleaner.defaults().withStripEmailHeaders(true).clean(mail));
        assertEquals("Hello there\n\nBye", EmailText.stripHeaders(mail));
        // a plain document is not mistaken for a message
        assertEquals("Dear John,\n\nHello", EmailText.stripHeaders("Dear John,\n\nHello"));
        assertEquals("", EmailText.stripHeaders("Subject: only headers\n"));
        assertEquals("body", EmailText.stripHeaders("Subject: x\r\n\r\nbody"));
    }

    @Test
    void specDescribesTheOptions() {
        var spec = TextCleaner.defaults().withStripAccents(true).spec();
        assertEquals("text.clean", spec.name());
        assertEquals(true, spec.params().get("stripAccents"));
        assertFalse((Boolean) spec.params().get("removeUrls"));
    }
}
