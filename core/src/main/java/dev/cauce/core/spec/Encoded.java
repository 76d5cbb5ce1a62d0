package dev.cauce.core.spec;

/**
 * The raw bytes of one input file and the name it is known by ({@code cats/001.jpg}); what a
 * pipeline's first transform (a reader such as {@code read_image}) receives. Bytes rather than a
 * path, so the same pipeline runs on a local folder and on Spark's {@code binaryFiles}.
 *
 * @param source the input's stable name, used in error messages
 * @param bytes  the file's content (not copied: treat as read-only)
 */
public record Encoded(String source, byte[] bytes) {
    public Encoded {
        if (source == null || bytes == null) throw new IllegalArgumentException("source and bytes are required");
    }
}
