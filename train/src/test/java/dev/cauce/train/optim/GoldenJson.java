package dev.cauce.train.optim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the golden JSON files copied into src/test/resources/golden (see the NOTICE there). */
public final class GoldenJson {
    private GoldenJson() {
    }

    public static JsonNode load(String name) {
        String path = "/golden/" + name;
        try (InputStream in = GoldenJson.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("test resource missing: " + path);
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": " + e.getMessage(), e);
        }
    }

    /** A JSON array of numbers as doubles. */
    public static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = array.get(i).asDouble();
        return out;
    }

    /** A JSON array of arrays of numbers as double rows. */
    public static double[][] matrix(JsonNode array) {
        double[][] out = new double[array.size()][];
        for (int i = 0; i < out.length; i++) out[i] = doubles(array.get(i));
        return out;
    }

    /** A JSON array of numbers as floats (rounded to nearest). */
    public static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) out[i] = (float) array.get(i).asDouble();
        return out;
    }

    /** |actual − expected| ≤ tol·max(1, |expected|): relative for large values, absolute near zero. */
    public static boolean close(double actual, double expected, double tol) {
        return Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected));
    }
}
