/**
 * Word2vec with negative sampling ({@link dev.cauce.preprocess.text.word2vec.Word2Vec}) and word
 * vectors with the original tool's text and binary formats
 * ({@link dev.cauce.preprocess.text.word2vec.WordVectors}).
 *
 * <p>Determinism: with one thread training is bit-reproducible for a seed (every random draw comes
 * from {@code Rng.of(seed, epoch, shard, 0)}). With more threads the workers update shared matrices
 * without locks (Hogwild, as word2vec.c and gensim): results vary from run to run within the
 * statistical noise of training, which is the price of the speed.
 *
 * <p>Long documents: no sentence is truncated (gensim silently keeps only the first 10,000 tokens of
 * each); a sentence of any length is trained in full, and thread shares may cut it with context
 * windows reading across the cut.
 */
package dev.cauce.preprocess.text.word2vec;
