package dev.cauce.preprocess.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TokenizerTest {

    @Test
    void openNlpSimpleSplitsAtClassChanges() {
        assertEquals(List.of("I", "'", "d", "pay", "$", "3", ".", "50", "!"), Tokenizer.simple().tokenize("I'd pay $3.50!"));
    }

    @Test
    void whitespaceTokenizer() {
        assertEquals(List.of("I'd", "pay", "$3.50!"), Tokenizer.whitespace().tokenize(" I'd\tpay\n$3.50! "));
    }

    @Test
    void sklearnPatternFollowsPythonWordCharacters() {
        // single characters dropped; digits and '_' kept; latin-1 letters and superscripts are word chars
        assertEquals(List.of("año", "2002", "x_y", "ºò", "m²"), Tokenizer.sklearnDefault().tokenize("a año 2002 x_y ºò m² ¿?"));
        // combining marks are not \w in Python: U+0301 splits "café" written decomposed
        assertEquals(List.of("cafe"), Tokenizer.sklearnDefault().tokenize("cafe\u0301s"));
    }

    @Test
    void spansPointIntoTheText() {
        String s = "uno  dos\ttres";
        List<TextSpan> spans = Tokenizer.regex("\\S+").spans(s);
        assertEquals(List.of(new TextSpan(0, 3), new TextSpan(5, 8), new TextSpan(9, 13)), spans);
        assertEquals("dos", spans.get(1).of(s));
    }

    @Test
    void asciiClassRunsEqualJavaRegexMatches() {
        String text = "Héllo wörld_42, it's 3.50$ -- x_y z9 ÑANDÚ abc\tdef\n";
        for (String p : List.of("[a-z]+", "[A-Za-z0-9_]+", "[a-zA-Z]+", "[0-9]+", "[_a]+")) {
            Tokenizer fast = Tokenizer.regex(p);
            assertEquals(Tokenizer.AsciiRuns.class, fast.getClass(), p);
            assertEquals(new Tokenizer.Regex(p).spans(text), fast.spans(text), p);
            assertEquals(new Tokenizer.Regex(p).tokenize(text), fast.tokenize(text), p);
        }
        assertEquals(Tokenizer.Regex.class, Tokenizer.regex("[a-z]+'?[a-z]*").getClass());
    }

    @Test
    void emptyTextHasNoTokens() {
        for (Tokenizer t : List.of(Tokenizer.simple(), Tokenizer.whitespace(), Tokenizer.sklearnDefault(), Tokenizer.regex("[a-z]+"))) {
            assertEquals(List.of(), t.tokenize(""));
        }
    }

    @Test
    void sentenceSplitterHandlesAbbreviationsAndSpanish() {
        SentenceSplitter s = SentenceSplitter.defaults();
        assertEquals(List.of("Mr. Smith went to Washington.", "He saw J. Doe, e.g. at 3 p.m. today!", "Really?"),
                s.split("Mr. Smith went to Washington. He saw J. Doe, e.g. at 3 p.m. today! Really?"));
        assertEquals(List.of("¿Dónde está la Sra. Pérez?", "¡No lo sé!", "Adiós."),
                s.split("¿Dónde está la Sra. Pérez? ¡No lo sé!\n\nAdiós."));
        assertEquals(List.of("Version 2.5 is out", "New line"), s.split("Version 2.5 is out\n\nNew line"));
        assertEquals(List.of(), s.split("   "));
    }

    @Test
    void stopwordsForAllSixLanguages() {
        for (String lang : Stopwords.LANGUAGES) {
            Stopwords sw = Stopwords.of(lang);
            assertEquals(true, sw.words().size() > 100, lang);
        }
        assertEquals(List.of("whale", "sea"), Stopwords.of("en").remove(List.of("the", "whale", "and", "the", "sea")));
        assertEquals(List.of("ballena", "mar"), Stopwords.of("es").remove(List.of("la", "ballena", "y", "el", "mar")));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Stopwords.of("xx"));
    }
}
