package dev.cauce.cli.text;

import dev.cauce.augment.text.KeyboardLayout;
import dev.cauce.augment.text.KeyboardTypos;
import dev.cauce.augment.text.OcrNoise;
import dev.cauce.augment.text.TextAugmenter;
import dev.cauce.augment.text.Thesaurus;
import dev.cauce.augment.text.WordReplace;
import dev.cauce.cli.DemoSection;
import dev.cauce.core.Rng;
import dev.cauce.preprocess.text.BagOfWords;
import dev.cauce.preprocess.text.SentenceSplitter;
import dev.cauce.preprocess.text.Stemmer;
import dev.cauce.preprocess.text.Stopwords;
import dev.cauce.preprocess.text.TextCleaner;
import dev.cauce.preprocess.text.TextCorpus;
import dev.cauce.preprocess.text.TextDecoding;
import dev.cauce.preprocess.text.Tokenizer;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** The text part of {@code cauce demo}: cleanup, stems, TF-IDF and augmentations on samples/text. */
public final class TextDemo implements DemoSection {

    @Override
    public String title() {
        return "Text: e-mails and Spanish prose -> clean tokens, stems, TF-IDF, augmentations";
    }

    @Override
    public void run(Path samples, Path outDir, PrintStream out) throws Exception {
        Path dir = samples.resolve("text");
        List<TextCorpus.Document> mails = TextCorpus.readAll(dir.resolve("mail"));
        TextCleaner clean = TextCleaner.defaults().withStripEmailHeaders(true).withRemoveUrls(true).withRemoveEmails(true);
        List<String> bodies = new ArrayList<>();
        for (TextCorpus.Document d : mails) bodies.add(clean.clean(TextDecoding.LATIN1.decode(d.bytes(), d.source())));

        // split sentences on the raw body (cleanup collapses the blank lines that end paragraphs), then clean one
        String rawBody = dev.cauce.preprocess.text.EmailText.stripHeaders(TextDecoding.LATIN1.decode(mails.getFirst().bytes(), "mail"));
        String first = clean.clean(SentenceSplitter.defaults().split(rawBody).getFirst());
        List<String> tokens = Tokenizer.sklearnDefault().tokenize(first);
        List<String> kept = Stopwords.of("en").remove(tokens);
        out.println("  ham mail, first sentence: " + first);
        out.println("    tokens:            " + tokens);
        out.println("    without stopwords: " + kept);
        out.println("    Porter stems:      " + new Stemmer(Stemmer.Algorithm.PORTER).stemAll(kept));

        String es = Files.readString(dir.resolve("es/texto-es.txt"), StandardCharsets.UTF_8);
        String esSentence = SentenceSplitter.defaults().split(es).get(2);
        List<String> esTokens = Stopwords.of("es").remove(Tokenizer.sklearnDefault().tokenize(TextCleaner.defaults().clean(esSentence)));
        out.println("  Spanish: " + esSentence.replaceAll("\\s+", " "));
        out.println("    Snowball stems:    " + new Stemmer(Stemmer.Algorithm.SPANISH).stemAll(esTokens));
        out.println("    accents stripped:  " + TextCleaner.defaults().withStripAccents(true).clean(esSentence));

        Stopwords en = Stopwords.of("en");
        List<List<String>> docs = bodies.stream().map(b -> en.remove(Tokenizer.sklearnDefault().tokenize(b))).toList();
        BagOfWords tfidf = BagOfWords.fit(docs, BagOfWords.Options.tfidf(1));
        int spamDoc = IntStream.range(0, mails.size()).filter(i -> mails.get(i).label().equals("spam")).reduce((a, b) -> b).orElse(0);
        var row = tfidf.transform(docs.get(spamDoc));
        String top = IntStream.range(0, row.nnz()).boxed().sorted(Comparator.comparingDouble(k -> -row.values()[k])).limit(6)
                .map(k -> String.format("%s %.2f", tfidf.terms().get(row.indices()[k]), row.values()[k])).toList().toString();
        out.printf("  TF-IDF on %d mails (%d terms); top terms of a spam mail (stop words removed): %s%n", docs.size(), tfidf.dim(), top);
        Path png = outDir.resolve("text-tfidf.png");
        TfidfPicture.write(png, tfidf, docs, mails.stream().map(TextCorpus.Document::label).toList(), 10);
        out.println("  mean TF-IDF of the top terms, ham vs spam -> " + png);

        Thesaurus wordnet = Thesaurus.load(dir.resolve("wordnet-extract.tsv"));
        String raw = TextDecoding.LATIN1.decode(mails.getFirst().bytes(), "mail");
        String line = raw.substring(raw.indexOf("\n\n") + 2).lines().filter(l -> l.length() > 40 && l.contains(" the ")).findFirst().orElse(first);
        List<TextAugmenter> augs = List.of(new KeyboardTypos(KeyboardLayout.usQwerty(), 0.06), new OcrNoise(0.08),
                WordReplace.synonyms(wordnet, 0.3), WordReplace.misspellings(0.5));
        out.println("  augmented (whitespace and punctuation untouched):");
        out.println("    original:  " + line);
        String[] names = {"keyboard", "ocr", "synonyms", "misspell"};
        for (int i = 0; i < augs.size(); i++) out.printf("    %-9s  %s%n", names[i] + ":", augs.get(i).apply(line, Rng.of(7, 0, i, 0)));
        String esLine = es.lines().filter(l -> l.contains("ñ")).findFirst().orElse(esSentence);
        out.println("    es original:  " + esLine.strip());
        out.println("    es keyboard:  " + new KeyboardTypos(KeyboardLayout.spanish(), 0.08).apply(esLine, Rng.seeded(3)).strip());
    }
}
