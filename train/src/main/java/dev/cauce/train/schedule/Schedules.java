package dev.cauce.train.schedule;

import dev.cauce.train.Schedule;
import dev.cauce.train.optim.SpecCall;

/**
 * Builds a schedule from a command-line spec ({@code cauce train --lr 0.1 --schedule ...}). Steps are
 * optimizer updates (batches), not epochs; {@code lr} is the base rate and {@code totalSteps} the
 * run's number of updates (the default length of the decaying schedules).
 * <pre>
 *   constant
 *   step(size=N, gamma=0.1)                       lr·γ^⌊t/N⌋
 *   multistep(milestones=a|b|..., gamma=0.1)     lr·γ^(milestones ≤ t)
 *   piecewise(boundaries=a|b, values=x|y|z)      absolute rates, lr unused
 *   exp(gamma=0.999)                              lr·γᵗ
 *   poly(power=1, end=0, total=totalSteps)
 *   cyclic(up=N, down=up, low=lr/10, high=lr)     triangular
 *   cosine(warmup=0, total=totalSteps, min=0)     linear warm-up, then cosine
 * </pre>
 */
public final class Schedules {
    /** The names {@link #parse} knows, for help texts. */
    public static final String NAMES = "constant, step, multistep, piecewise, exp, poly, cyclic, cosine";

    private Schedules() {
    }

    public static Schedule parse(String spec, double lr, long totalSteps) {
        SpecCall c = SpecCall.parse(spec, "schedule");
        return switch (c.name()) {
            case "constant" -> {
                c.allow();
                yield new ConstantRate(lr);
            }
            case "step" -> {
                c.allow("size", "gamma");
                if (!c.args().containsKey("size")) throw new IllegalArgumentException("'" + spec + "': step needs size=N (updates between decays)");
                yield new StepDecay(lr, c.integer(0, "size"), c.number(0.1, "gamma"));
            }
            case "multistep" -> PiecewiseConstant.multiStep(lr, c.allow("milestones", "gamma").integers("milestones"), c.number(0.1, "gamma"));
            case "piecewise" -> new PiecewiseConstant(c.allow("boundaries", "values").integers("boundaries"), c.numbers("values"));
            case "exp" -> new ExponentialDecay(lr, c.allow("gamma").number(0.999, "gamma"));
            case "poly" -> {
                c.allow("power", "end", "total");
                yield new PolynomialDecay(lr, c.integer(totalSteps, "total"), c.number(1, "power"), c.number(0, "end"));
            }
            case "cyclic" -> {
                c.allow("up", "down", "low", "high");
                if (!c.args().containsKey("up")) throw new IllegalArgumentException("'" + spec + "': cyclic needs up=N (updates from low to high)");
                long up = c.integer(0, "up");
                yield new CyclicTriangular(c.number(lr / 10, "low"), c.number(lr, "high"), up, c.integer(up, "down"));
            }
            case "cosine" -> {
                c.allow("warmup", "total", "min");
                yield new WarmupCosine(lr, c.integer(0, "warmup"), c.integer(totalSteps, "total"), c.number(0, "min"));
            }
            default -> throw new IllegalArgumentException("unknown schedule '" + spec + "'; known: " + NAMES);
        };
    }
}
