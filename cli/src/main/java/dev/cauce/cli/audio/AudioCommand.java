package dev.cauce.cli.audio;

import picocli.CommandLine.Command;

/** {@code cauce audio}: audio conversion and previews. */
@Command(name = "audio", mixinStandardHelpOptions = true,
        description = "Turn audio files into spectrogram, mel or MFCC tensors, and preview augmentations.",
        subcommands = {AudioConvertCommand.class, AudioPreviewCommand.class},
        footer = {"", "Examples:",
                "  cauce audio convert --in data/digits --out digits.npz --feature mel",
                "  cauce audio preview speech.wav --out spec.png --snr 10"})
public final class AudioCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
