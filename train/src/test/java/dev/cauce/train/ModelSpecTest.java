package dev.cauce.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cauce.train.layer.Layer;
import dev.cauce.train.layer.Sequential;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelSpecTest {
    private static final String CNN = "conv(32,5)-relu-maxpool(2)-conv(64,5)-relu-maxpool(2)-dense(128)-relu-dropout(0.5)-dense(10)";

    @Test
    void buildsTheIssueCnnWithChainedShapes() {
        Sequential m = ModelSpec.build(CNN, new int[] {28, 28}, Initializer.HE_NORMAL, 1);
        List<String> names = m.layers().stream().map(Layer::name).toList();
        assertEquals(List.of("conv1", "relu1", "maxpool1", "conv2", "relu2", "maxpool2", "dense1", "relu3", "dropout1", "dense2"), names);
        assertArrayEquals(new int[] {10}, m.outputShape(new int[] {1, 28, 28}));
        // 32·1·5·5 + 32 + 64·32·5·5 + 64 + 1024·128 + 128 + 128·10 + 10
        long params = m.params().stream().mapToLong(p -> p.size()).sum();
        assertEquals(832 + 51264 + 131200 + 1290, params);
    }

    @Test
    void acceptsEveryLayerName() {
        Sequential m = ModelSpec.build("conv2d(4,3,1,1)-bn-leakyrelu(0.1)-avgpool(2,2)-gap-dense(8)-ln-elu-gelu-gelu_tanh-sigmoid-tanh-softplus-flatten-dense(3)",
                new int[] {1, 8, 8}, Initializer.GLOROT_UNIFORM, 2);
        assertArrayEquals(new int[] {3}, m.outputShape(new int[] {1, 8, 8}));
        assertEquals(15, m.layers().size());
    }

    @Test
    void residualBlocksAndEmbeddings() {
        Sequential conv = ModelSpec.build("conv(8,3,1,1)-res(8)-res(16)-gap-dense(10)", new int[] {1, 12, 12}, Initializer.HE_NORMAL, 1);
        assertArrayEquals(new int[] {10}, conv.outputShape(new int[] {1, 12, 12}));
        // res(8) keeps 8 channels: identity shortcut (no .proj); res(16) needs a 1x1 projection
        List<String> names = conv.params().stream().map(Param::name).toList();
        assertTrue(names.contains("res2.proj.weight") && !names.contains("res1.proj.weight"), names.toString());
        GradientCheck.check(ModelSpec.build("res(4)-res(3)", new int[] {4}, Initializer.HE_NORMAL, 2), GradientCheck.random(1, -1, 1, 2, 4), 3e-3);
        Sequential text = ModelSpec.build("embedding(50,8)-dense(2)", new int[] {5}, Initializer.GLOROT_UNIFORM, 3);
        assertArrayEquals(new int[] {2}, text.outputShape(new int[] {5}));
    }

    @Test
    void typoNamesTheTokenPositionAndAllowedNames() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ModelSpec.build("dense(128)-rleu-dense(10)", new int[] {784}, Initializer.HE_NORMAL, 1));
        String msg = e.getMessage();
        assertTrue(msg.contains("layer 2 'rleu' (character 12)"), msg);
        assertTrue(msg.contains("did you mean 'relu'?"), msg);
        assertTrue(msg.contains("allowed: dense(units), conv("), msg);
    }

    @Test
    void shapesThatDoNotChainAreReported() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ModelSpec.build("conv(8,5)-maxpool(2)-conv(8,5)-maxpool(2)-conv(8,5)", new int[] {1, 28, 28}, Initializer.HE_NORMAL, 1));
        assertTrue(e.getMessage().contains("layer 5 'conv(8,5)'") && e.getMessage().contains("input 4x4 is too small for a 5x5 kernel"),
                e.getMessage());
        var flat = assertThrows(IllegalArgumentException.class,
                () -> ModelSpec.build("dense(10)-conv(8,3)", new int[] {784}, Initializer.HE_NORMAL, 1));
        assertTrue(flat.getMessage().contains("conv needs an image input (C, H, W) or (H, W), got shape [10]"), flat.getMessage());
    }

    @Test
    void badArgumentsAndSyntax() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelSpec.build("dense(12,3)", new int[] {4}, Initializer.HE_NORMAL, 1))
                .getMessage().contains("dense takes 1 argument(s) (units), got 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelSpec.build("dense(x)", new int[] {4}, Initializer.HE_NORMAL, 1))
                .getMessage().contains("argument 1 'x' is not a number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelSpec.build("dense(4)--relu", new int[] {4}, Initializer.HE_NORMAL, 1))
                .getMessage().contains("empty layer"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelSpec.build("dense(4", new int[] {4}, Initializer.HE_NORMAL, 1))
                .getMessage().contains("missing ')'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelSpec.build("dropout(1.5)", new int[] {4}, Initializer.HE_NORMAL, 1))
                .getMessage().contains("dropout rate must be in [0, 1), got 1.5"));
        // a '-' inside parentheses is part of a number, not a separator
        Sequential m = ModelSpec.build("dense(4)-leakyrelu(1e-2)-dense(2)", new int[] {3}, Initializer.HE_NORMAL, 1);
        assertEquals(3, m.layers().size());
    }

    @Test
    void aLayerTooLargeForAnArrayIsNamedNotAnIntegerOverflow() {
        var dense = assertThrows(IllegalArgumentException.class,
                () -> ModelSpec.build("dense(1e9)-dense(10)", new int[] {1, 28, 28}, Initializer.HE_NORMAL, 1));
        assertEquals("model spec \"dense(1e9)-dense(10)\", layer 1 'dense(1e9)' (character 1): dense1.weight: shape [784, 1000000000] is "
                + "784,000,000,000 values, more than one Java array holds (2,147,483,639)", dense.getMessage());
        var embedding = assertThrows(IllegalArgumentException.class,
                () -> ModelSpec.build("embedding(2000000000,2000000000)", new int[] {16}, Initializer.HE_NORMAL, 1));
        assertTrue(embedding.getMessage().contains("more than 2^63 values") || embedding.getMessage().contains("4,000,000,000,000,000,000 values"),
                embedding.getMessage());
    }

    @Test
    void argumentsAreQuotedAsWrittenAndAStrayDashIsPlaced() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelSpec.build("dense(0)-dense(10)", new int[] {4}, Initializer.HE_NORMAL, 1))
                .getMessage().endsWith("units must be a positive integer, got 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelSpec.build("conv(8,3,-2)", new int[] {1, 8, 8}, Initializer.HE_NORMAL, 1))
                .getMessage().endsWith("stride must be a positive integer, got -2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelSpec.build("dense(2.5)", new int[] {4}, Initializer.HE_NORMAL, 1))
                .getMessage().endsWith("got 2.5"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelSpec.build("dense(10)-", new int[] {4}, Initializer.HE_NORMAL, 1))
                .getMessage().endsWith("empty layer (a '-' at the end?)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelSpec.build("-dense(10)", new int[] {4}, Initializer.HE_NORMAL, 1))
                .getMessage().endsWith("empty layer (a '-' at the start?)"));
    }
}
