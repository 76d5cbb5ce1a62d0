package dev.cauce.preprocess.video;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BadInputTest {

    private static void assertRefused(Path file, String problem) {
        IOException e = assertThrows(IOException.class, () -> {
            try (VideoReader r = VideoReader.open(file)) {
                r.frameCount();
            }
        });
        assertTrue(e.getMessage().contains(file.toString()), "message names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(problem), "message says '" + problem + "': " + e.getMessage());
    }

    @Test
    void zeroByteFile(@TempDir Path dir) throws IOException {
        assertRefused(Files.createFile(dir.resolve("empty.mp4")), "empty file");
    }

    @Test
    void truncatedMp4(@TempDir Path dir) throws IOException {
        Path cut = Files.copy(TestData.sample("realshort.mp4"), dir.resolve("cut.mp4"));
        try (FileChannel ch = FileChannel.open(cut, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2); // the moov index sits at the end of this file
        }
        assertRefused(cut, "not a readable video");
    }

    @Test
    void textFileIsNotAVideo(@TempDir Path dir) throws IOException {
        assertRefused(Files.writeString(dir.resolve("notes.avi"), "these are notes, not a video\n".repeat(50)), "not a readable video");
    }

    @Test
    void audioOnlyFile(@TempDir Path dir) throws IOException {
        assertRefused(TestData.resource("audio-only-en-8.wav", dir), "no video stream");
    }

    @Test
    void missingFileAndDirectory(@TempDir Path dir) {
        assertThrows(NoSuchFileException.class, () -> VideoReader.open(dir.resolve("nothing.mp4")));
        assertRefused(dir, "is a directory");
    }

    @Test
    void aBatchReportsEachBadFileAndReadsTheGoodOnes(@TempDir Path dir) throws IOException {
        List<Path> batch = List.of(Files.createFile(dir.resolve("a.mp4")), TestData.sample("tree.avi"),
                TestData.resource("audio-only-en-8.wav", dir), TestData.sample("realshort.mp4"));
        List<String> errors = new ArrayList<>();
        int frames = 0;
        for (Path p : batch) {
            try (VideoReader r = VideoReader.open(p)) {
                frames += r.frameCount();
            } catch (IOException e) {
                errors.add(e.getMessage());
            }
        }
        assertEquals(68 + 36, frames);
        assertEquals(2, errors.size(), errors.toString());
    }
}
