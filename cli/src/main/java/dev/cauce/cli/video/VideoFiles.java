package dev.cauce.cli.video;

import dev.cauce.cli.Main;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/** Finds the video files a batch command works on. */
final class VideoFiles {
    /** Extensions taken as video when a folder is given (a single file is always tried). */
    static final Set<String> EXTENSIONS = Set.of("mp4", "m4v", "mov", "avi", "mkv", "webm", "mpg", "mpeg", "wmv", "flv", "3gp", "ts");

    private VideoFiles() { }

    /** {@code in} itself if it is a file, else the video files under it (recursively), sorted. */
    static List<Path> list(Path in) throws IOException {
        if (Files.isRegularFile(in)) return List.of(in);
        dev.cauce.cli.OptionChecks.inputExists("--in", in, "file or folder");
        List<Path> files;
        try (Stream<Path> s = Files.walk(in)) {
            files = s.filter(Files::isRegularFile).filter(VideoFiles::looksLikeVideo).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new Main.UsageException("--in " + in + ": no video files (" + String.join(", ", EXTENSIONS.stream().sorted().toList()) + ")");
        }
        return files;
    }

    private static boolean looksLikeVideo(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
