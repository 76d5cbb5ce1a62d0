package dev.cauce.train.optim;

import dev.cauce.train.regularize.DecoupledWeightDecay;

/**
 * Builds an optimizer from a command-line spec ({@code cauce train --optimizer ...}); the rate comes
 * from the schedule. Defaults are PyTorch's:
 * <pre>
 *   sgd(momentum=0, nesterov=false, wd=0)
 *   momentum(momentum=0.9, wd=0)            heavy ball
 *   nesterov(momentum=0.9, wd=0)
 *   sgdw(momentum=0.9, nesterov=false, wd=5e-4)   SGD with decoupled weight decay
 *   rmsprop(alpha=0.99, eps=1e-8, wd=0)
 *   adam(beta1=0.9, beta2=0.999, eps=1e-8, wd=0)   wd = coupled L2
 *   adamw(beta1=0.9, beta2=0.999, eps=1e-8, wd=0.01)
 * </pre>
 * {@code weight_decay} is accepted for {@code wd}.
 */
public final class Optimizers {
    /** The names {@link #parse} knows, for help texts. */
    public static final String NAMES = "sgd, momentum, nesterov, sgdw, rmsprop, adam, adamw";

    private Optimizers() {
    }

    public static StatefulOptimizer parse(String spec) {
        SpecCall c = SpecCall.parse(spec, "optimizer");
        return switch (c.name()) {
            case "sgd" -> {
                c.allow("momentum", "nesterov", "wd", "weight_decay");
                yield new Sgd(c.number(0, "momentum"), c.bool(false, "nesterov"), wd(c, 0));
            }
            case "momentum" -> new Sgd(c.allow("momentum", "wd", "weight_decay").number(0.9, "momentum"), false, wd(c, 0));
            case "nesterov" -> new Sgd(c.allow("momentum", "wd", "weight_decay").number(0.9, "momentum"), true, wd(c, 0));
            case "sgdw" -> {
                c.allow("momentum", "nesterov", "wd", "weight_decay");
                yield new DecoupledWeightDecay(new Sgd(c.number(0.9, "momentum"), c.bool(false, "nesterov"), 0), wd(c, 5e-4));
            }
            case "rmsprop" -> {
                c.allow("alpha", "eps", "wd", "weight_decay");
                yield new RmsProp(c.number(0.99, "alpha"), c.number(1e-8, "eps"), wd(c, 0));
            }
            case "adam" -> {
                c.allow("beta1", "beta2", "eps", "wd", "weight_decay");
                yield new Adam(c.number(0.9, "beta1"), c.number(0.999, "beta2"), c.number(1e-8, "eps"), wd(c, 0));
            }
            case "adamw" -> {
                c.allow("beta1", "beta2", "eps", "wd", "weight_decay");
                yield new AdamW(c.number(0.9, "beta1"), c.number(0.999, "beta2"), c.number(1e-8, "eps"), wd(c, 0.01));
            }
            default -> throw new IllegalArgumentException("unknown optimizer '" + spec + "'; known: " + NAMES);
        };
    }

    private static double wd(SpecCall c, double fallback) {
        return c.number(fallback, "wd", "weight_decay");
    }
}
