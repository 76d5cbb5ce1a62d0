package dev.cauce.augment.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The WordNet reader on a tiny database in the real file layout (test resource wordnet-mini, see its NOTICE). */
class WordNetTest {
    static Path mini() throws Exception {
        return Path.of(WordNetTest.class.getResource("wordnet-mini/index.noun").toURI()).getParent();
    }

    @Test
    void synonymsFollowTheSenseOrderAndSkipTheWordItself() throws Exception {
        WordNet wn = WordNet.open(mini());
        // sense 1 of "whale" (a very large person) lists giant, hulk, heavyweight, whale; sense 2 (the animal) only whale
        assertEquals(List.of("giant", "hulk", "heavyweight"), wn.synonyms("whale"));
        assertEquals(List.of("hulk", "heavyweight", "whale"), wn.synonyms("Giant"));
        // adjective markers such as "(ip)" are stripped: galore(ip) is "galore" itself
        assertTrue(wn.synonyms("galore").contains("abounding"), wn.synonyms("galore").toString());
        assertEquals(List.of(), wn.synonyms("kraken"));
    }

    @Test
    void extractSavesWithTheLicenseAndLoadsBack(@TempDir Path dir) throws Exception {
        Thesaurus t = WordNet.open(mini()).extract(List.of("whale", "galore", "kraken"));
        assertEquals(2, t.entries().size());
        Path f = dir.resolve("extract.tsv");
        t.save(f, WordNet.LICENSE);
        assertTrue(Files.readString(f).startsWith("# Synonyms extracted from WordNet 3.0. WordNet 3.0 Copyright 2006 by Princeton University."));
        assertEquals(t, Thesaurus.load(f));
    }

    @Test
    void aTableWithoutEntriesIsAClearError(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("empty.tsv"), "# only a comment\n\n");
        var e = assertThrows(java.io.IOException.class, () -> Thesaurus.load(f));
        assertEquals(f + ": no entries (expected word<TAB>alternatives lines)", e.getMessage());
    }

    @Test
    void aFolderWithoutWordNetIsAClearError(@TempDir Path dir) {
        var e = assertThrows(java.io.IOException.class, () -> WordNet.open(dir));
        assertTrue(e.getMessage().contains("index.noun") && e.getMessage().contains("WordNet 3.0 database"), e.getMessage());
    }
}
