package dev.cauce.cli.image;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cauce image}: batch conversion of image folders and augmentation previews. */
@Command(name = "image",
        description = "Convert image folders into tensors or resized images, and preview augmentations.",
        subcommands = {ImageConvertCommand.class, ImageAugmentCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Examples:",
            "  cauce image convert --in photos/ --out shards/ --size 224x224 --standardize fit",
            "  cauce image augment --in fruits.jpg --n 16 --preview grid.png --boxes 150,120,360,330"})
public final class ImageCommand implements Runnable {

    @picocli.CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
