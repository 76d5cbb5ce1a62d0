package dev.cauce.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Paths and helpers for the test resources (golden files and the MNIST subset). */
public final class TestResources {
    private TestResources() { }

    /** A file or folder under src/test/resources, e.g. {@code golden/npy}. */
    public static Path path(String relative) {
        try {
            var url = TestResources.class.getResource("/" + relative);
            if (url == null) throw new IllegalStateException("missing test resource " + relative);
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String relative) {
        try {
            return new ObjectMapper().readTree(Files.readAllBytes(path(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
