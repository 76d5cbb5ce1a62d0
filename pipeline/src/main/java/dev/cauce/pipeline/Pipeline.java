package dev.cauce.pipeline;

import dev.cauce.core.Rng;
import dev.cauce.core.SampleException;
import dev.cauce.core.Tensor;
import dev.cauce.core.Transform;
import dev.cauce.core.scale.Scaler;
import dev.cauce.core.spec.Encoded;
import dev.cauce.core.spec.SpecException;
import dev.cauce.core.spec.TransformRegistry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated spec with its transforms built: what both engines run. Built from the spec file on
 * the driver, and from the same canonical JSON ({@link #json()}) on every Spark executor.
 *
 * <p>Sample {@code i} of the sorted input list goes through the transforms with
 * {@code Rng.of(seed, epoch, i, 0)}: its randomness depends on what it is, never on the thread,
 * partition or executor that happens to process it.
 */
public final class Pipeline {
    private final PipelineSpec spec;
    private final String json;
    private final String base;
    private final Transform<Object, Object> chain;

    private Pipeline(Map<String, Object> tree, Path base, TransformRegistry registry) {
        this.spec = SpecFiles.parse(tree, base);
        this.json = SpecFiles.canonicalJson(tree);
        this.base = base.toString();
        // Files named by transform parameters (a thesaurus, word vectors) are relative to the spec's folder, as the source is.
        this.chain = registry.resolvingAgainst(base).chain(spec.transforms(), "transforms", Encoded.class);
        Class<?> out = registry.outputOf(spec.transforms(), Encoded.class);
        if (out != Object.class && !Tensor.class.isAssignableFrom(out)) {
            throw new SpecException("transforms[" + (spec.transforms().size() - 1) + "]", "gives " + out.getSimpleName()
                    + " but shards hold tensors; end with a step that gives a Tensor (e.g. to_tensor)");
        }
    }

    /** Reads, validates and builds a spec file with every transform on the class path. */
    public static Pipeline load(Path specFile) throws IOException {
        return new Pipeline(SpecFiles.tree(specFile), SpecFiles.base(specFile), TransformRegistry.load());
    }

    /** Rebuilds a pipeline from {@link #json()} and {@link #base()} (on a Spark executor). */
    public static Pipeline fromJson(String json, String base) {
        return new Pipeline(SpecFiles.fromJson(json), Path.of(base), TransformRegistry.load());
    }

    public PipelineSpec spec() { return spec; }

    /** The spec as canonical JSON (sorted keys). */
    public String json() { return json; }

    /** The folder relative paths were resolved against. */
    public String base() { return base; }

    /**
     * A digest of everything that decides the output except where it goes ({@code output.dir}), so
     * a rerun into the same folder can check it continues the same job.
     */
    public String fingerprint() {
        Map<String, Object> tree = new LinkedHashMap<>(SpecFiles.fromJson(json));
        if (tree.get("output") instanceof Map<?, ?> out) {
            Map<Object, Object> copy = new LinkedHashMap<>(out);
            copy.remove("dir");
            tree.put("output", copy);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(SpecFiles.canonicalJson(tree).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /**
     * Runs one input through the transforms and the first {@code fittedSteps} fitted scalers.
     *
     * @throws SampleException naming the input for any failure (unreadable, corrupt, wrong output)
     */
    public Tensor process(InputRef in, byte[] bytes, List<Scaler> fitted, int fittedSteps) {
        if (in.problem() != null) throw new SampleException(in.id(), in.problem());
        try {
            Object out = chain.apply(new Encoded(in.id(), bytes), Rng.of(spec.seed(), spec.epoch(), in.index(), 0));
            if (!(out instanceof Tensor x)) {
                throw new SampleException(in.id(), "the transforms gave " + (out == null ? "null" : out.getClass().getSimpleName())
                        + ", shards hold tensors");
            }
            for (int k = 0; k < fittedSteps; k++) x = fitted.get(k).apply(x, Rng.of(spec.seed(), spec.epoch(), in.index(), 1 + k));
            return x;
        } catch (SampleException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SampleException(in.id(), e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
    }

    /** The number of shards of {@code inputs} inputs. */
    public int shards(long inputs) {
        return (int) ((inputs + spec.output().shardSize() - 1) / spec.output().shardSize());
    }

    /** The shard input {@code index} belongs to. */
    public int shardOf(long index) {
        return (int) (index / spec.output().shardSize());
    }
}
