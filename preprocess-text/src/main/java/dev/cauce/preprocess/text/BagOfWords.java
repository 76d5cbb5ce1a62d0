package dev.cauce.preprocess.text;

import dev.cauce.core.Rng;
import dev.cauce.core.Tensor;
import dev.cauce.core.Transform;
import dev.cauce.core.TransformSpec;
import dev.cauce.core.spec.Params;
import dev.cauce.core.spec.SpecException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fitted bag-of-words model (scikit-learn's {@code CountVectorizer} / {@code TfidfVectorizer}):
 * tokens in, one sparse row out. Fit once with {@link #fit}; the result is immutable.
 *
 * <p>Semantics, as scikit-learn 1.2: the vocabulary is every term (after n-grams) that occurs in at
 * least {@code minDf} documents, sorted by code point; with {@code maxFeatures} only the most
 * frequent terms by corpus count are kept (ties: code-point order). TF-IDF uses the raw count as tf
 * and the smooth idf {@code ln((1 + n) / (1 + df)) + 1}; rows are then L2-normalised when
 * {@code l2} is set (an empty row stays zero).
 *
 * <p>{@link #spec()} holds the whole fitted state (options, terms in column order, idf as doubles),
 * so {@link #fromSpec} rebuilds a model that gives bit-identical rows.
 */
public final class BagOfWords implements Transform<List<String>, SparseVector> {
    /** The name its {@link #spec()} carries. */
    public static final String NAME = "text.bag_of_words";

    /** How a term's count becomes its value. */
    public enum Weighting { COUNTS, BINARY, TFIDF }

    /**
     * Fitting options.
     *
     * @param weighting   counts, binary presence, or tf-idf
     * @param l2          normalise each row to unit length
     * @param minDf       minimum number of documents containing a term (>= 1)
     * @param maxFeatures keep at most this many terms (0 = all)
     * @param ngrams      word n-gram range
     */
    public record Options(Weighting weighting, boolean l2, int minDf, int maxFeatures, NGrams ngrams) {
        public Options {
            if (minDf < 1) throw new IllegalArgumentException("minDf must be >= 1, got " + minDf);
            if (maxFeatures < 0) throw new IllegalArgumentException("maxFeatures must be >= 0 (0 = all), got " + maxFeatures);
        }

        /** scikit-learn's {@code TfidfVectorizer} defaults (l2, unigrams) with this {@code minDf}. */
        public static Options tfidf(int minDf) {
            return new Options(Weighting.TFIDF, true, minDf, 0, new NGrams(1, 1));
        }

        /** scikit-learn's {@code CountVectorizer} (raw counts, no normalisation). */
        public static Options counts(int minDf) {
            return new Options(Weighting.COUNTS, false, minDf, 0, new NGrams(1, 1));
        }

        public Options withNgrams(int min, int max) {
            return new Options(weighting, l2, minDf, maxFeatures, new NGrams(min, max));
        }

        public Options withMaxFeatures(int n) {
            return new Options(weighting, l2, minDf, n, ngrams);
        }
    }

    private final Options options;
    private final List<String> terms;
    private final Map<String, Integer> index;
    private final double[] idf;

    private BagOfWords(Options options, List<String> terms, double[] idf) {
        this.options = options;
        this.terms = List.copyOf(terms);
        this.idf = idf;
        this.index = new HashMap<>(terms.size() * 2);
        for (int i = 0; i < terms.size(); i++) {
            // A repeated term would leave a column that no token can reach.
            if (index.put(terms.get(i), i) != null) throw new IllegalArgumentException("terms: duplicate term '" + terms.get(i) + "'");
        }
    }

    /** Fits the vocabulary (and idf) on tokenized documents, in one pass. */
    public static BagOfWords fit(Iterable<? extends List<String>> docs, Options options) {
        Map<String, long[]> stats = new HashMap<>(); // term -> {document frequency, corpus count}
        int n = 0;
        Set<String> seen = new HashSet<>();
        for (List<String> doc : docs) {
            n++;
            seen.clear();
            for (String t : options.ngrams().of(doc)) {
                long[] s = stats.computeIfAbsent(t, k -> new long[2]);
                s[1]++;
                if (seen.add(t)) s[0]++;
            }
        }
        List<String> kept = new ArrayList<>();
        for (var e : stats.entrySet()) if (e.getValue()[0] >= options.minDf()) kept.add(e.getKey());
        if (options.maxFeatures() > 0 && kept.size() > options.maxFeatures()) {
            kept.sort((a, b) -> {
                int c = Long.compare(stats.get(b)[1], stats.get(a)[1]);
                return c != 0 ? c : Vocabulary.compareCodePoints(a, b);
            });
            kept = new ArrayList<>(kept.subList(0, options.maxFeatures()));
        }
        kept.sort(Vocabulary::compareCodePoints);
        double[] idf = null;
        if (options.weighting() == Weighting.TFIDF) {
            idf = new double[kept.size()];
            for (int j = 0; j < idf.length; j++) {
                idf[j] = Math.log((1.0 + n) / (1.0 + stats.get(kept.get(j))[0])) + 1.0;
            }
        }
        return new BagOfWords(options, kept, idf);
    }

    public Options options() {
        return options;
    }

    /** Column index → term. */
    public List<String> terms() {
        return terms;
    }

    /** The column of {@code term}, or -1. */
    public int column(String term) {
        Integer j = index.get(term);
        return j == null ? -1 : j;
    }

    /** The idf vector (a copy), or null unless the weighting is TF-IDF. */
    public double[] idf() {
        return idf == null ? null : idf.clone();
    }

    public int dim() {
        return terms.size();
    }

    /** One document's row; terms outside the vocabulary are ignored. */
    public SparseVector transform(List<String> tokens) {
        Map<Integer, int[]> counts = new HashMap<>();
        for (String t : options.ngrams().of(tokens)) {
            Integer j = index.get(t);
            if (j != null) counts.computeIfAbsent(j, k -> new int[1])[0]++;
        }
        int[] cols = new int[counts.size()];
        int k = 0;
        for (int j : counts.keySet()) cols[k++] = j;
        Arrays.sort(cols);
        double[] vals = new double[cols.length];
        for (int i = 0; i < cols.length; i++) {
            int c = counts.get(cols[i])[0];
            vals[i] = switch (options.weighting()) {
                case COUNTS -> c;
                case BINARY -> 1.0;
                case TFIDF -> c * idf[cols[i]];
            };
        }
        SparseVector row = new SparseVector(terms.size(), cols, vals);
        return options.l2() ? row.l2Normalized() : row;
    }

    /** Rows of several documents as a dense float32 tensor {@code [docs, dim]}. */
    public Tensor toTensor(List<? extends List<String>> docs) {
        Tensor t = Tensor.zeros(docs.size(), dim());
        for (int i = 0; i < docs.size(); i++) transform(docs.get(i)).addTo(t.data(), i * dim());
        return t;
    }

    @Override
    public SparseVector apply(List<String> input, Rng rng) {
        return transform(input);
    }

    @Override
    public TransformSpec spec() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("weighting", options.weighting().name());
        p.put("l2", options.l2());
        p.put("minDf", options.minDf());
        p.put("maxFeatures", options.maxFeatures());
        p.put("ngramMin", options.ngrams().min());
        p.put("ngramMax", options.ngrams().max());
        p.put("terms", terms);
        if (idf != null) {
            List<Double> l = new ArrayList<>(idf.length);
            for (double v : idf) l.add(v);
            p.put("idf", l);
        }
        return TransformSpec.of(NAME, p);
    }

    /**
     * Rebuilds a fitted model from {@link #spec()}: same columns, same idf bits, same rows.
     *
     * @throws IllegalArgumentException naming the parameter when the spec is not a valid model
     */
    public static BagOfWords fromSpec(TransformSpec spec) {
        if (!NAME.equals(spec.name())) {
            throw new IllegalArgumentException("expected a " + NAME + " spec, got '" + spec.name() + "'");
        }
        if (!spec.children().isEmpty()) throw new IllegalArgumentException(NAME + " takes no children, got " + spec.children().size());
        Params p = new Params(NAME, spec.params());
        BagOfWords model = fromParams(p);
        p.checkNoneUnused();
        return model;
    }

    /** Reads the parameters of {@link #spec()}; errors name the key path of {@code p}. */
    static BagOfWords fromParams(Params p) {
        Weighting weighting = p.enumValue("weighting", Weighting.class);
        Options options = new Options(weighting, p.bool("l2"), p.integer("minDf", 1, Integer.MAX_VALUE),
                p.integer("maxFeatures", 0, Integer.MAX_VALUE), new NGrams(p.integer("ngramMin", 1, 100), p.integer("ngramMax", 1, 100)));
        List<String> terms = p.strings("terms");
        if (options.maxFeatures() > 0 && terms.size() > options.maxFeatures()) {
            throw new SpecException(p.pathOf("terms"), "has " + terms.size() + " terms, more than maxFeatures " + options.maxFeatures());
        }
        double[] idf = null;
        if (weighting == Weighting.TFIDF) {
            idf = p.numbers("idf", 0);
            if (idf.length != terms.size()) {
                throw new SpecException(p.pathOf("idf"), "has " + idf.length + " values, needs one per term (" + terms.size() + ")");
            }
            for (int j = 0; j < idf.length; j++) {
                // Smooth idf is ln((1 + n) / (1 + df)) + 1 with df <= n, never below 1.
                if (!(idf[j] >= 1.0)) throw new SpecException(p.pathOf("idf") + "[" + j + "]", idf[j] + " is below 1, the smallest smooth idf");
            }
        } else if (p.has("idf")) {
            throw new SpecException(p.pathOf("idf"), "only allowed with weighting TFIDF, got " + weighting);
        }
        return new BagOfWords(options, terms, idf);
    }
}
