package dev.cauce.preprocess.video;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find their data: bundled samples always, the shared reference set when present. */
final class TestData {
    private TestData() { }

    /** The repository's samples/video folder (tests run with the module folder as working directory). */
    static Path sample(String name) {
        Path p = Path.of("..", "samples", "video", name).toAbsolutePath().normalize();
        if (!Files.isRegularFile(p)) throw new IllegalStateException("bundled sample missing: " + p);
        return p;
    }

    /** The shared reference videos (absent on a user's machine: tests using them are assumption-gated). */
    static final Path SHARED_VIDEO = Path.of("/work/shared/data/video");
    static final Path SHARED_GOLDEN = Path.of("/work/shared/golden/video");

    /** A file from the test resources, copied out to {@code dir} (FFmpeg needs a real path). */
    static Path resource(String name, Path dir) throws IOException {
        try (InputStream in = TestData.class.getResourceAsStream("/video/" + name)) {
            if (in == null) throw new IllegalStateException("test resource missing: /video/" + name);
            Path out = dir.resolve(name);
            Files.copy(in, out);
            return out;
        }
    }

    /** The golden frames.json (ffprobe and OpenCV counts per video), bundled in the test resources. */
    static JsonNode goldenFrames() {
        try (InputStream in = TestData.class.getResourceAsStream("/video/frames.json")) {
            return new ObjectMapper().readTree(in).get("videos");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
