package dev.cauce.preprocess.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invalid UTF-8, empty documents, a 10 MB single-line document, binary files. */
class BadInputTest {

    @Test
    void invalidUtf8NamesTheByteOffset() {
        byte[] good = "año ".getBytes(StandardCharsets.UTF_8); // 5 bytes
        byte[] bad = Arrays.copyOf(good, good.length + 3);
        bad[5] = (byte) 0xC3; // lead byte of a 2-byte sequence
        bad[6] = 'x';         // ... not followed by a continuation byte
        bad[7] = 'y';
        var e = assertThrows(IllegalArgumentException.class, () -> TextDecoding.UTF8_STRICT.decode(bad, "mail.txt"));
        assertTrue(e.getMessage().startsWith("mail.txt: invalid UTF-8 at byte offset 5"), e.getMessage());
        // replacement only when the user asks for it, and nothing else is lost
        assertEquals("año \uFFFDxy", TextDecoding.UTF8_REPLACE.decode(bad, "mail.txt"));
        assertEquals(8, TextDecoding.LATIN1.decode(bad, "mail.txt").length());
        var t = assertThrows(IllegalArgumentException.class, () -> TextDecoding.UTF8_STRICT.decode(new byte[] {'a', (byte) 0xE2, (byte) 0x82}, "cut.txt"));
        assertTrue(t.getMessage().contains("byte offset 1"), t.getMessage());
    }

    @Test
    void binaryFileIsRefusedWithItsName() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13};
        for (TextDecoding d : TextDecoding.values()) {
            var e = assertThrows(IllegalArgumentException.class, () -> d.decode(png, "photo.png"));
            assertTrue(e.getMessage().contains("photo.png") && e.getMessage().contains("binary"), e.getMessage());
        }
    }

    @Test
    void emptyDocumentFlowsThroughEveryStep() {
        String text = TextDecoding.UTF8_STRICT.decode(new byte[0], "empty.txt");
        assertEquals("", TextCleaner.defaults().withStripEmailHeaders(true).clean(text));
        assertEquals(List.of(), Tokenizer.simple().tokenize(text));
        assertEquals(List.of(), SentenceSplitter.defaults().split(text));
        assertEquals(List.of(), new Stemmer(Stemmer.Algorithm.PORTER).stemAll(List.of()));
    }

    @Test
    void tenMegabyteSingleLineDocumentIsProcessedWhole(@TempDir Path dir) throws Exception {
        StringBuilder sb = new StringBuilder(10_500_000);
        String[] words = {"whale", "sea", "ship", "harpoon", "ahab"};
        int n = 0;
        while (sb.length() < 10_000_000) {
            sb.append(words[n % words.length]).append(' ');
            n++;
        }
        sb.append("finalword");
        Path f = dir.resolve("one-line.txt");
        Files.writeString(f, sb);
        List<TextCorpus.Document> docs = TextCorpus.readAll(f);
        assertEquals(1, docs.size());
        String text = TextDecoding.UTF8_STRICT.decode(docs.getFirst().bytes(), docs.getFirst().source());
        List<String> tokens = Tokenizer.sklearnDefault().tokenize(TextCleaner.defaults().clean(text));
        assertEquals(n + 1, tokens.size(), "no token lost");
        assertEquals("finalword", tokens.getLast());
        BagOfWords bow = BagOfWords.fit(List.of(tokens), BagOfWords.Options.counts(1));
        assertEquals(1.0, bow.transform(tokens).get(bow.column("finalword")));
    }

    @Test
    void missingCorpusIsAClearError(@TempDir Path dir) {
        var e = assertThrows(java.io.IOException.class, () -> TextCorpus.readAll(dir.resolve("nope")));
        assertTrue(e.getMessage().contains("nope"));
    }
}
