package dev.cauce.augment.text;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Synonyms from a Princeton WordNet 3.0 database folder (the {@code index.*} and {@code data.*}
 * files, wndb(5) format), read from a path the user gives; the 28 MB database is not bundled.
 * A word's synonyms are the other single-word lemmas of all its synsets, in WordNet's sense order
 * (most frequent sense first). Lookup is by exact lowercase lemma (no morphological reduction).
 */
public final class WordNet {
    private static final String[] POS = {"noun", "verb", "adj", "adv"};

    /** WordNet's license notice, kept with every extract. */
    public static final List<String> LICENSE = List.of(
            "Synonyms extracted from WordNet 3.0. WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.",
            "Permission to use, copy, modify and distribute this software and database and its documentation for any purpose",
            "and without fee or royalty is hereby granted, provided that the copyright notice and statements appear on ALL copies.",
            "THIS SOFTWARE AND DATABASE IS PROVIDED \"AS IS\" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES,",
            "EXPRESS OR IMPLIED. Full text: https://wordnet.princeton.edu/license-and-commercial-use");

    private final Path dir;
    private final Map<String, List<long[]>> index = new HashMap<>(); // lemma -> (pos, offset) pairs

    private WordNet(Path dir) {
        this.dir = dir;
    }

    /** Opens a WordNet database folder (reads the four index files). */
    public static WordNet open(Path dir) throws IOException {
        WordNet wn = new WordNet(dir);
        for (int p = 0; p < POS.length; p++) {
            Path f = dir.resolve("index." + POS[p]);
            if (!Files.isRegularFile(f)) throw new IOException(f + ": missing; give the folder of a WordNet 3.0 database (index.* and data.* files)");
            for (String line : Files.readAllLines(f, StandardCharsets.ISO_8859_1)) {
                if (line.startsWith("  ") || line.isBlank()) continue; // license header
                String[] t = line.split(" ");
                int synsetCount = Integer.parseInt(t[2]);
                int ptrCount = Integer.parseInt(t[3]);
                int first = 4 + ptrCount + 2;
                List<long[]> refs = wn.index.computeIfAbsent(t[0], k -> new ArrayList<>());
                for (int i = 0; i < synsetCount; i++) refs.add(new long[] {p, Long.parseLong(t[first + i])});
            }
        }
        return wn;
    }

    /** Single-word synonyms of {@code word} (lowercase), excluding the word itself. */
    public List<String> synonyms(String word) throws IOException {
        String lemma = word.toLowerCase(Locale.ROOT);
        List<long[]> refs = index.get(lemma);
        if (refs == null) return List.of();
        Set<String> out = new LinkedHashSet<>();
        RandomAccessFile[] files = new RandomAccessFile[POS.length];
        try {
            for (long[] ref : refs) {
                int p = (int) ref[0];
                if (files[p] == null) files[p] = new RandomAccessFile(dir.resolve("data." + POS[p]).toFile(), "r");
                files[p].seek(ref[1]);
                String line = files[p].readLine(); // RandomAccessFile reads bytes as latin-1 chars: the files are ASCII
                String[] t = line.split(" ");
                int words = Integer.parseInt(t[3], 16);
                for (int i = 0; i < words; i++) {
                    String w = t[4 + 2 * i].replaceAll("\\(.*\\)$", "").toLowerCase(Locale.ROOT);
                    if (!w.equals(lemma) && !w.contains("_") && w.chars().allMatch(Character::isLetter)) out.add(w);
                }
            }
        } finally {
            for (RandomAccessFile f : files) if (f != null) f.close();
        }
        return List.copyOf(out);
    }

    /** A small thesaurus with the synonyms of {@code words} only (for tests, demos and shipping). */
    public Thesaurus extract(Collection<String> words) throws IOException {
        Map<String, List<String>> map = new HashMap<>();
        for (String w : words) {
            List<String> s = synonyms(w);
            if (!s.isEmpty()) map.put(w.toLowerCase(Locale.ROOT), s);
        }
        return new Thesaurus(map);
    }
}
