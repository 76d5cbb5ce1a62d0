package dev.cauce.cli;

import java.util.List;

/** The sections {@code cauce demo} runs before training, in order. Each modality adds its own. */
final class DemoSections {
    private DemoSections() { }

    static List<DemoSection> all() {
        return List.of(
                new dev.cauce.cli.image.ImageDemo(),
                new dev.cauce.cli.audio.AudioDemo(),
                new dev.cauce.cli.text.TextDemo(),
                new dev.cauce.cli.video.VideoDemo()
        );
    }
}
