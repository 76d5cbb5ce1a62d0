package dev.cauce.cli.text;

import dev.cauce.augment.text.CharNoise;
import dev.cauce.augment.text.KeyboardLayout;
import dev.cauce.augment.text.KeyboardTypos;
import dev.cauce.augment.text.OcrNoise;
import dev.cauce.augment.text.TextAugmenter;
import dev.cauce.augment.text.Thesaurus;
import dev.cauce.augment.text.WordNet;
import dev.cauce.augment.text.WordNoise;
import dev.cauce.augment.text.WordReplace;
import dev.cauce.cli.Main;
import dev.cauce.core.Rng;
import dev.cauce.preprocess.text.TextDecoding;
import dev.cauce.preprocess.text.word2vec.WordVectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code cauce text augment}: noisy variants of one text file. */
@Command(name = "augment", mixinStandardHelpOptions = true,
        description = {"Print --n augmented variants of a text file, each made by one operation from --ops.",
                "Edits touch letters and words only: whitespace (double spaces, tabs, newlines) and punctuation stay "
                        + "byte-identical, and at most --fraction of the letters (character ops) or words (word ops) change.",
                "Ops: char-insert, char-substitute, char-delete, char-swap, keyboard (typos from --layout), ocr (0/O, "
                        + "rn/m, cl/d ...), word-swap, word-delete, word-insert, misspelling (bundled list), synonym "
                        + "(needs --wordnet), neighbour (needs --vectors)."},
        footer = {"", "Examples:",
                "  cauce text augment --in mail.txt --n 5",
                "  cauce text augment --in carta.txt --n 3 --ops keyboard,char-swap --layout es --fraction 0.05",
                "  cauce text augment --in mail.txt --ops synonym --wordnet /usr/share/wordnet --out variants/"})
public final class TextAugmentCommand implements Callable<Integer> {

    @Option(names = "--in", required = true, description = "The text file to augment.")
    Path in;

    @Option(names = "--n", defaultValue = "5", description = "Number of variants (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--ops", defaultValue = "char-swap,keyboard,ocr,word-swap,misspelling",
            description = "Comma-separated operations to draw from (default: ${DEFAULT-VALUE}).")
    String ops;

    @Option(names = "--fraction", defaultValue = "0.1", description = "Largest share of letters or words changed, in [0, 1] (default: ${DEFAULT-VALUE}).")
    double fraction;

    @Option(names = "--layout", defaultValue = "us", description = "Keyboard layout for typos: us or es (default: ${DEFAULT-VALUE}).")
    String layout;

    @Option(names = "--wordnet", description = "WordNet 3.0 database folder (index.* and data.* files), or a synonym table (.tsv) as written by Cauce's WordNet extract. Default: none (the synonym op then refuses to run).")
    Path wordnet;

    @Option(names = "--vectors", description = "Word vectors (word2vec text format, or .bin binary) for the neighbour op. Default: none (the neighbour op is left out).")
    Path vectors;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed; the same seed gives the same variants (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--encoding", defaultValue = "utf-8", description = "utf-8, utf-8-replace or latin-1 (default: ${DEFAULT-VALUE}).")
    String encoding;

    @Option(names = "--out", description = "Write variant i to <out>/<name>.aug<i>.<ext> instead of printing. Default: print to standard output.")
    Path out;

    private final PrintStream stdout;

    public TextAugmentCommand() {
        this(System.out);
    }

    TextAugmentCommand(PrintStream stdout) {
        this.stdout = stdout;
    }

    @Override
    public Integer call() throws Exception {
        if (n < 1) throw new Main.UsageException("--n must be >= 1, got " + n);
        if (!(fraction >= 0 && fraction <= 1)) throw new Main.UsageException("--fraction must be in [0, 1], got " + fraction);
        // the file is the user's argument: a typo or a folder is a usage error naming --in (exit 2),
        // bytes that do not decode are a problem with the data (exit 1)
        dev.cauce.cli.OptionChecks.inputExists("--in", in, "file");
        if (Files.isDirectory(in)) throw new Main.UsageException("--in " + in + ": is a folder, expected one text file");
        if (out != null) dev.cauce.cli.OutputChecks.folder("--out", out);
        TextDecoding decoding = TextOptions.decoding(encoding);
        String text;
        try {
            text = decoding.decode(Files.readAllBytes(in), in.toString());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        Map<String, TextAugmenter> chosen = augmenters();
        List<String> names = new ArrayList<>(chosen.keySet());
        String file = in.getFileName().toString();
        int dot = file.lastIndexOf('.');
        String stem = dot > 0 ? file.substring(0, dot) : file;
        String ext = dot > 0 ? file.substring(dot) : ".txt";
        if (out != null) Files.createDirectories(out);
        for (int i = 0; i < n; i++) {
            Rng rng = Rng.of(seed, 0, i, 0);
            String op = names.get(rng.nextInt(names.size()));
            String variant = chosen.get(op).apply(text, rng.child(1));
            if (out == null) {
                stdout.println("--- variant " + (i + 1) + " [" + op + "]");
                stdout.println(variant);
            } else {
                Path target = out.resolve(stem + ".aug" + (i + 1) + ext);
                dev.cauce.core.io.AtomicFiles.write(target, o -> o.write(variant.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                stdout.println(target + " [" + op + "]");
            }
        }
        return 0;
    }

    private Map<String, TextAugmenter> augmenters() throws IOException {
        Map<String, TextAugmenter> m = new LinkedHashMap<>();
        String alphabet = layout.equals("es") ? CharNoise.SPANISH : CharNoise.LATIN;
        for (String raw : ops.split(",")) {
            String op = raw.strip().toLowerCase(Locale.ROOT);
            if (op.isEmpty()) continue;
            TextAugmenter a = switch (op) {
                case "char-insert" -> new CharNoise(CharNoise.Op.INSERT, fraction, alphabet);
                case "char-substitute" -> new CharNoise(CharNoise.Op.SUBSTITUTE, fraction, alphabet);
                case "char-delete" -> new CharNoise(CharNoise.Op.DELETE, fraction, alphabet);
                case "char-swap" -> new CharNoise(CharNoise.Op.SWAP, fraction, alphabet);
                case "keyboard" -> {
                    try {
                        yield new KeyboardTypos(KeyboardLayout.named(layout), fraction);
                    } catch (IllegalArgumentException e) {
                        throw new Main.UsageException("--layout: " + e.getMessage());
                    }
                }
                case "ocr" -> new OcrNoise(fraction);
                case "word-swap" -> new WordNoise(WordNoise.Op.SWAP, fraction);
                case "word-delete" -> new WordNoise(WordNoise.Op.DELETE, fraction);
                case "word-insert" -> new WordNoise(WordNoise.Op.INSERT, fraction);
                case "misspelling" -> WordReplace.misspellings(fraction);
                case "synonym" -> {
                    if (wordnet == null) throw new Main.UsageException("the synonym op needs --wordnet");
                    yield WordReplace.synonyms(thesaurus(), fraction);
                }
                case "neighbour", "neighbor" -> {
                    if (vectors == null) throw new Main.UsageException("the neighbour op needs --vectors");
                    yield WordReplace.neighbours(WordVectors.load(vectors), 5, 0.5, fraction);
                }
                default -> throw new Main.UsageException("unknown op '" + op + "'; see --help for the list");
            };
            m.put(op, a);
        }
        if (m.isEmpty()) throw new Main.UsageException("--ops names no operation");
        return m;
    }

    /** A full WordNet folder is read lazily per word; a .tsv table is loaded whole. */
    private Thesaurus thesaurus() throws IOException {
        if (Files.isDirectory(wordnet)) {
            WordNet wn = WordNet.open(wordnet);
            String text = new String(Files.readAllBytes(in), java.nio.charset.StandardCharsets.ISO_8859_1);
            List<String> words = new ArrayList<>();
            for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) if (!w.isEmpty()) words.add(w);
            return wn.extract(words);
        }
        return Thesaurus.load(wordnet);
    }
}
