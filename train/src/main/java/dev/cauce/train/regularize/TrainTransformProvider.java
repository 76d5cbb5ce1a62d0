package dev.cauce.train.regularize;

import dev.cauce.core.Tensor;
import dev.cauce.core.spec.TransformFactory;
import dev.cauce.core.spec.TransformProvider;

import java.util.List;

/** The train module's data transforms for {@link dev.cauce.core.spec.TransformRegistry}: {@code gaussian_input_noise}. */
public final class TrainTransformProvider implements TransformProvider {
    @Override
    public List<TransformFactory> transforms() {
        return List.of(TransformFactory.of("gaussian_input_noise", Tensor.class, Tensor.class, "add N(0, sigma^2) noise to every value",
                p -> new GaussianInputNoise(p.number("sigma", 0, 1e6))));
    }
}
