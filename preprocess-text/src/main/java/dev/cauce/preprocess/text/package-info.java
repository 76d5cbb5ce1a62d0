/**
 * Text to features: decoding ({@link dev.cauce.preprocess.text.TextDecoding}), cleanup
 * ({@link dev.cauce.preprocess.text.TextCleaner}), tokenizers, rule-based sentences, stop words for
 * en/es/fr/de/it/pt, OpenNLP stemmers, vocabularies, bag of words / TF-IDF, hashing and id sequences.
 *
 * <p>Reference equivalences, checked by the tests on golden files:
 * <ul>
 *   <li>{@code Stemmer.Algorithm.PORTER} (OpenNLP {@code SnowballStemmer(PORTER)}) = NLTK
 *       {@code PorterStemmer(mode=ORIGINAL_ALGORITHM)} on all 2,000 golden words;
 *       {@code PORTER_MARTIN} (OpenNLP {@code PorterStemmer}) = NLTK {@code MARTIN_EXTENSIONS}, which
 *       differs from the original on 4 of them (cetology, forcibly, irresistibly, is). NLTK's default
 *       mode, {@code NLTK_EXTENSIONS}, is neither (55 differences).</li>
 *   <li>{@code Stemmer.Algorithm.SPANISH} = NLTK {@code SnowballStemmer('spanish')} on 1,000 words.</li>
 *   <li>{@link dev.cauce.preprocess.text.BagOfWords} with {@code Options.tfidf(2)} and
 *       {@link dev.cauce.preprocess.text.Tokenizer#sklearnDefault()} on Python-lowercased text =
 *       scikit-learn 1.2 {@code TfidfVectorizer(min_df=2)}: vocabulary, idf and rows (1e-12).</li>
 *   <li>{@link dev.cauce.preprocess.text.HashingVectorizer} = scikit-learn's murmur3 hashing.</li>
 * </ul>
 * Word vectors live in {@link dev.cauce.preprocess.text.word2vec}.
 */
package dev.cauce.preprocess.text;
