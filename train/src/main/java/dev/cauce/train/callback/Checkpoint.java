package dev.cauce.train.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cauce.core.io.AtomicFiles;
import dev.cauce.core.io.NdArray;
import dev.cauce.core.io.Safetensors;
import dev.cauce.train.Param;
import dev.cauce.train.layer.Layer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Model checkpoints: every parameter and buffer of a model in one safetensors file (float32, by
 * parameter name, e.g. {@code dense1.weight}), with the run's configuration as JSON in the file's
 * metadata under {@code cauce.config}, and the same JSON beside it in {@code <file>.json} for
 * people and tools.
 *
 * <p>The safetensors file is self-contained and written atomically (temporary file, then rename),
 * so an interrupted or failed run never leaves a half-written checkpoint: the previous one stays
 * intact. It loads in PyTorch with {@code safetensors.torch.load_file}; note that Cauce stores dense
 * weights as (in, out), the transpose of {@code nn.Linear.weight}, and conv weights as PyTorch does.
 *
 * <p>Resume: {@link #load} restores the weights and returns the {@link Info}; continue with
 * {@code Trainer.builder(...).startStep(info.step()).build().fit(train, info.epoch(), epochs)}.
 * Optimizer state (momentum, Adam moments) is not part of the checkpoint, so a resumed run restarts
 * those estimates.
 */
public final class Checkpoint {
    static final String KEY = "cauce.config";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Checkpoint() {
    }

    /**
     * What a checkpoint says about its run.
     *
     * @param model      the model spec (or a description) used to rebuild the model
     * @param inputShape shape of one input sample
     * @param epoch      completed epochs (the epoch to resume at)
     * @param step       completed optimizer updates
     * @param seed       the run's seed
     * @param optimizer  the optimizer's description
     * @param metrics    metrics of the last completed epoch (may be empty)
     */
    public record Info(String model, int[] inputShape, int epoch, long step, long seed, String optimizer, Map<String, Double> metrics) {
        public Info {
            inputShape = inputShape.clone();
            metrics = Map.copyOf(metrics);
        }
    }

    private static List<Param> state(Layer model) {
        List<Param> all = new ArrayList<>(model.params());
        all.addAll(model.buffers());
        return all;
    }

    /** Writes the checkpoint atomically (the safetensors file, then its JSON companion). */
    public static void save(Path file, Layer model, Info info) throws IOException {
        Map<String, NdArray> tensors = new LinkedHashMap<>();
        for (Param p : state(model)) {
            if (tensors.put(p.name(), NdArray.ofFloats(p.value.clone(), p.shape())) != null) {
                throw new IllegalArgumentException("checkpoint: two parameters are named " + p.name());
            }
        }
        ObjectNode cfg = JSON.createObjectNode();
        cfg.put("format", "cauce-checkpoint-1");
        cfg.put("model", info.model());
        var shape = cfg.putArray("input_shape");
        for (int d : info.inputShape()) shape.add(d);
        cfg.put("epoch", info.epoch());
        cfg.put("step", info.step());
        cfg.put("seed", info.seed());
        cfg.put("optimizer", info.optimizer());
        ObjectNode m = cfg.putObject("metrics");
        new TreeMap<>(info.metrics()).forEach(m::put);
        cfg.put("dense_weight_layout", "(in, out): transpose for torch.nn.Linear.weight");
        String json = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(cfg);
        Safetensors.write(file, tensors, Map.of(KEY, json));
        Path sidecar = file.resolveSibling(file.getFileName() + ".json");
        AtomicFiles.write(sidecar, out -> out.write((json + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Restores every parameter and buffer of {@code model} from {@code file} and returns the saved
     * run information.
     *
     * @throws IOException naming the file when it is missing, unreadable, not a Cauce checkpoint,
     *                     or does not fit the model (missing tensor, wrong shape)
     */
    public static Info load(Path file, Layer model) throws IOException {
        if (!Files.isRegularFile(file)) throw new IOException(file + ": checkpoint not found");
        Safetensors.Contents c = Safetensors.read(file);
        String json = c.metadata().get(KEY);
        if (json == null) throw new IOException(file + ": not a Cauce checkpoint (no " + KEY + " metadata)");
        for (Param p : state(model)) {
            NdArray a = c.tensors().get(p.name());
            if (a == null) throw new IOException(file + ": has no tensor '" + p.name() + "' (does the model match the checkpoint?)");
            if (!Arrays.equals(a.shape(), p.shape())) {
                throw new IOException(file + ": tensor '" + p.name() + "' has shape " + Arrays.toString(a.shape())
                        + ", the model expects " + Arrays.toString(p.shape()));
            }
        }
        for (Param p : state(model)) System.arraycopy(c.tensors().get(p.name()).toFloats(), 0, p.value, 0, p.size());
        JsonNode cfg = JSON.readTree(json);
        int[] shape = new int[cfg.path("input_shape").size()];
        for (int i = 0; i < shape.length; i++) shape[i] = cfg.get("input_shape").get(i).asInt();
        Map<String, Double> metrics = new TreeMap<>();
        cfg.path("metrics").properties().forEach(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
        return new Info(cfg.path("model").asText(null), shape, cfg.path("epoch").asInt(), cfg.path("step").asLong(),
                cfg.path("seed").asLong(), cfg.path("optimizer").asText(""), metrics);
    }
}
