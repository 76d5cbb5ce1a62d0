package dev.cauce.cli.text;

import picocli.CommandLine.Command;

/** {@code cauce text}: text features, augmentation, word vectors and the spam-filter example. */
@Command(name = "text", mixinStandardHelpOptions = true,
        description = "Turn raw text (folders, .tar.gz corpora, e-mails) into bag-of-words, TF-IDF or id-sequence tensors, "
                + "augment text, train word2vec, and train a spam filter.",
        subcommands = {TextConvertCommand.class, TextAugmentCommand.class, TextWord2VecCommand.class, TextSpamCommand.class},
        footer = {"", "Examples:",
                "  cauce text convert --in spam-assassin.tar.gz --out mails.npz --features tfidf --encoding latin-1",
                "  cauce text augment --in letter.txt --n 5 --ops keyboard,synonym --wordnet /usr/share/wordnet",
                "  cauce text word2vec --in moby-dick.txt --out vectors.txt --neighbours whale,ship,sea",
                "  cauce text spam --in spam-assassin.tar.gz"})
public final class TextCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
