/**
 * Text augmentation by offsets on the original string. Every augmenter
 * ({@link dev.cauce.augment.text.TextAugmenter}) samples a plan of
 * {@link dev.cauce.augment.text.TextEdit}s from the given {@code Rng} and applies it with the pure
 * {@link dev.cauce.augment.text.TextEdits#apply}; whitespace and punctuation are never edited, at
 * most {@code floor(fraction × units)} letters or words change, and no U+FFFD is produced.
 *
 * <p>Sources of replacements: US QWERTY and Spanish keyboard neighbours, OCR confusions, WordNet 3.0
 * synonyms (read from a user-given database folder, or a small extract), a bundled list of common
 * misspellings (sources in its NOTICE), and word2vec nearest neighbours.
 */
package dev.cauce.augment.text;
