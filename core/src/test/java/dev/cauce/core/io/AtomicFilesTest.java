package dev.cauce.core.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void replacesTheTargetAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("a.bin");
        Files.writeString(target, "old");
        AtomicFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertEquals("new", Files.readString(target));
        assertEquals(List.of(target), list(dir));
    }

    @Test
    void aFailedWriteKeepsTheOldTargetAndRemovesTheTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("a.bin");
        Files.writeString(target, "old");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), list(dir));
    }

    /** SIGTERM (what Ctrl-C or a scheduler sends) while a file is half-written must not leave it behind. */
    @Test
    void aTerminatedJvmLeavesNoHalfWrittenTemporaryFile(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("shard.bin");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BlockingWriter.class.getName(), target.toString())
                .redirectErrorStream(true).start();
        try {
            // the child prints one line once its temporary file holds bytes and it is blocked mid-write
            String line = new String(p.getInputStream().readNBytes("writing\n".length()), StandardCharsets.UTF_8);
            assertEquals("writing\n", line, "child did not start writing");
            assertEquals(1, list(dir).size(), "the temporary file exists while writing");
            p.destroy();  // SIGTERM on Linux and macOS
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child did not exit after SIGTERM");
            assertEquals(List.of(), list(dir));
        } finally {
            p.destroyForcibly();
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    /** Child JVM: writes some bytes of args[0], says so, then blocks until killed. */
    public static final class BlockingWriter {
        public static void main(String[] args) throws IOException {
            AtomicFiles.write(Path.of(args[0]), out -> {
                out.write(new byte[1 << 17]);  // more than the 64 KiB buffer, so bytes reach the file
                out.flush();
                System.out.print("writing\n");
                System.out.flush();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }

    @Test
    void aRefusedWriteNamesTheTargetNotTheTemporary() {
        // procfs exists and accepts no new files: the error must name what the user asked for
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc/self")));
        Path target = Path.of("/proc/cauce-out.npz");
        IOException e = assertThrows(IOException.class,
                () -> AtomicFiles.write(target, out -> out.write(1)));
        assertTrue(e.getMessage().startsWith("/proc/cauce-out.npz: cannot write there"), e.getMessage());
        assertFalse(e.getMessage().contains(".tmp"), e.getMessage());
    }
}
