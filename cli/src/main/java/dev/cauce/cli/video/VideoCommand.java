package dev.cauce.cli.video;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code cauce video}: frame sampling and optical flow for video files. */
@Command(name = "video",
        mixinStandardHelpOptions = true,
        description = {
            "Video to tensors: sample frames into NPY clips and compute dense optical flow.",
            "Frames are sampled uniformly, per segment or by motion, and are counted by decoding, never from "
                + "the header."},
        footer = {"",
            "Examples:",
            "  cauce video sample --in videos/ --frames 16 --strategy uniform --out clips/",
            "  cauce video flow --in samples/video/realshort.mp4 --out flow.npz --preview flow.png"},
        subcommands = {VideoSampleCommand.class, VideoFlowCommand.class, CommandLine.HelpCommand.class})
public final class VideoCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
