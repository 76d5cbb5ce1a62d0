package dev.cauce.augment.text;

import dev.cauce.core.Rng;
import dev.cauce.preprocess.text.TextCorpus;
import dev.cauce.preprocess.text.TextDecoding;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared guarantees of every text augmenter, on the bundled real e-mails (samples/text/mail)
 * and the Spanish sample text with accents, ñ, ¿ ¡ « », a tab and double spaces.
 */
class TextAugmenterPropertiesTest {
    static final Path SAMPLES = Path.of("..", "samples", "text");
    static final List<String> TEXTS = new ArrayList<>();
    static dev.cauce.preprocess.text.word2vec.WordVectors vectors;

    @BeforeAll
    static void load() throws Exception {
        TextCorpus.forEach(SAMPLES.resolve("mail"), d -> TEXTS.add(TextDecoding.LATIN1.decode(d.bytes(), d.source())));
        TEXTS.add(Files.readString(SAMPLES.resolve("es/texto-es.txt"), StandardCharsets.UTF_8));
        TEXTS.add("Emoji 🐋 whale\u00A0sea  \t and ship.\r\nrn cl 0 1 5 8 vv");
        TEXTS.add("");
        TEXTS.add("  \t\n ... !!! ");
        assertTrue(TEXTS.size() >= 12);
        List<List<String>> sentences = new ArrayList<>();
        for (String t : TEXTS) sentences.addAll(dev.cauce.preprocess.text.word2vec.Sentences.split(t, dev.cauce.preprocess.text.word2vec.Sentences.LETTER_WORDS));
        vectors = dev.cauce.preprocess.text.word2vec.Word2Vec.train(sentences,
                dev.cauce.preprocess.text.word2vec.Word2VecConfig.defaults().withDim(8).withMinCount(1).withEpochs(2)).vectors();
    }

    static List<TextAugmenter> augmenters(double f) throws Exception {
        Thesaurus wn = Thesaurus.load(SAMPLES.resolve("wordnet-extract.tsv"));
        List<TextAugmenter> all = new ArrayList<>();
        for (CharNoise.Op op : CharNoise.Op.values()) all.add(new CharNoise(op, f, CharNoise.SPANISH));
        all.add(new KeyboardTypos(KeyboardLayout.usQwerty(), f));
        all.add(new KeyboardTypos(KeyboardLayout.spanish(), f));
        all.add(new OcrNoise(f));
        all.add(new WordNoise(WordNoise.Op.SWAP, f));
        all.add(new WordNoise(WordNoise.Op.DELETE, f));
        all.add(WordReplace.synonyms(wn, f));
        all.add(WordReplace.misspellings(f));
        all.add(WordReplace.neighbours(vectors, 3, -1.0, f));
        return all;
    }

    /** The text without its word characters: whitespace and punctuation, in order. */
    static String skeleton(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().filter(cp -> !Units.isWordChar(cp)).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    @Test
    void whitespaceAndPunctuationStayByteIdentical() throws Exception {
        for (double f : new double[] {0.05, 0.3, 1.0}) {
            for (TextAugmenter a : augmenters(f)) {
                for (int t = 0; t < TEXTS.size(); t++) {
                    String in = TEXTS.get(t);
                    Rng rng = Rng.of(11, 0, t, 0);
                    List<TextEdit> plan = a.plan(in, rng);
                    String out = TextEdits.apply(in, plan);
                    assertEquals(skeleton(in), skeleton(out), () -> a.spec() + " on text " + in.length());
                    assertFalse(out.contains("\uFFFD"), () -> a.spec() + " produced U+FFFD");
                    assertTrue(out.codePoints().noneMatch(cp -> Character.getType(cp) == Character.SURROGATE), () -> a.spec() + " split a surrogate pair");
                    for (TextEdit e : plan) {
                        // the edited original characters are all letters/digits of words
                        assertTrue(in.substring(e.start(), e.end()).codePoints().allMatch(Units::isWordChar), () -> a.spec() + " edited " + e);
                        assertTrue(e.replacement().codePoints().allMatch(Units::isWordChar), () -> a.spec() + " wrote " + e);
                    }
                }
            }
        }
    }

    @Test
    void neverMoreThanTheRequestedFraction() throws Exception {
        for (double f : new double[] {0.0, 0.1, 0.5}) {
            for (TextAugmenter a : augmenters(f)) {
                for (int t = 0; t < TEXTS.size(); t++) {
                    String in = TEXTS.get(t);
                    List<TextEdit> plan = a.plan(in, Rng.of(5, 1, t, 0));
                    boolean wordLevel = a instanceof WordNoise || a instanceof WordReplace;
                    int units = wordLevel ? Units.words(in).size() : Units.letters(in).size();
                    int touched = 0;
                    for (TextEdit e : plan) {
                        if (a instanceof CharNoise c && c.op() == CharNoise.Op.SWAP) touched += 2;
                        else touched += 1;
                    }
                    assertTrue(touched <= Math.floor(f * units + 1e-9), a.spec() + " touched " + touched + " of " + units + " units on text " + t);
                    if (f == 0.0) assertEquals(in, a.apply(in, Rng.of(5, 1, t, 0)));
                }
            }
        }
    }

    @Test
    void sameKeySameOutputAndTheNoiseIsReal() throws Exception {
        String mail = TEXTS.get(0);
        for (TextAugmenter a : augmenters(0.2)) {
            String x = a.apply(mail, Rng.of(3, 0, 7, 1));
            String y = a.apply(mail, Rng.of(3, 0, 7, 1));
            assertEquals(x, y, a.toString());
            assertNotEquals(mail, x, a + " changed nothing at 20%");
        }
    }

    @Test
    void wordInsertOnlyAddsTheWordAndOneSpace() {
        String es = TEXTS.get(8);
        WordNoise ins = new WordNoise(WordNoise.Op.INSERT, 0.2, List.of("océano", "mar"));
        List<TextEdit> plan = ins.plan(es, Rng.seeded(9));
        assertEquals((int) Math.floor(0.2 * Units.words(es).size()), plan.size());
        String out = TextEdits.apply(es, plan);
        String undone = out;
        // removing the inserted "word " pieces gives back the original exactly
        List<TextEdit> sorted = new ArrayList<>(plan);
        sorted.sort((p, q) -> Integer.compare(q.start(), p.start()));
        StringBuilder sb = new StringBuilder(out);
        int shift = plan.stream().mapToInt(e -> e.replacement().length()).sum();
        for (TextEdit e : sorted) {
            shift -= e.replacement().length();
            int at = e.start() + shift;
            assertTrue(e.replacement().endsWith(" "));
            sb.delete(at, at + e.replacement().length());
        }
        assertEquals(es, sb.toString());
        assertNotEquals(es, undone);
    }

    @Test
    void spanishKeyboardKnowsEnieAndAccents() {
        KeyboardLayout es = KeyboardLayout.spanish();
        assertTrue(es.of('ñ').contains("l") && es.of('ñ').contains("p"), es.of('ñ'));
        assertTrue(es.of('á').startsWith("a"), "dropping the accent is a typo of á: " + es.of('á'));
        assertTrue(es.of('a').contains("á") && es.of('a').contains("s"));
        assertEquals("", KeyboardLayout.usQwerty().of('ñ'));
        assertTrue(KeyboardLayout.usQwerty().of('a').contains("q") && KeyboardLayout.usQwerty().of('a').contains("z"));
        // case is kept
        String out = new KeyboardTypos(es, 1.0).apply("ÑANDÚ", Rng.seeded(1));
        assertEquals(out.toUpperCase(java.util.Locale.ROOT), out);
        assertEquals(5, out.length());
    }

    @Test
    void ocrConfusesTheClassicPairs() {
        String out = new OcrNoise(1.0).apply("modern clock 0 1", Rng.seeded(4));
        // every candidate changes: rn->m, cl->d, o->0, m->rn ...
        assertNotEquals("modern clock 0 1", out);
        assertEquals(skeleton("modern clock 0 1"), skeleton(out));
        List<TextEdit> plan = new OcrNoise(1.0).plan("barn", Rng.seeded(1));
        assertTrue(plan.stream().anyMatch(e -> e.replacement().equals("m") && e.end() - e.start() == 2), plan.toString());
    }

    @Test
    void synonymsComeFromWordNetAndKeepCase() throws Exception {
        Thesaurus wn = Thesaurus.load(SAMPLES.resolve("wordnet-extract.tsv"));
        assertFalse(wn.lookup("also").isEmpty());
        String out = WordReplace.synonyms(wn, 1.0).apply("Also ALSO also", Rng.seeded(2));
        String[] w = out.split(" ");
        assertTrue(wn.lookup("also").contains(w[0].toLowerCase()) && Character.isUpperCase(w[0].charAt(0)) && Character.isLowerCase(w[0].charAt(1)), out);
        assertEquals(w[1].toUpperCase(), w[1]);
        assertEquals(w[2].toLowerCase(), w[2]);
    }

    @Test
    void misspellingsListHasSourcesAndSpanish() {
        Thesaurus m = Thesaurus.commonMisspellings();
        assertTrue(m.lookup("receive").contains("recieve"));
        assertTrue(m.lookup("también").contains("tambien"));
        assertEquals("Recieve", WordReplace.misspellings(1.0).apply("Receive", Rng.seeded(1)));
    }
}
