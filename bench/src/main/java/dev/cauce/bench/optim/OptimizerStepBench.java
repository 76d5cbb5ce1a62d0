package dev.cauce.bench.optim;

import dev.cauce.train.Optimizer;
import dev.cauce.train.Param;
import dev.cauce.train.optim.Optimizers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Time of one optimizer step on a 200,000-float parameter (about the MNIST MLP's size), in
 * microseconds. The step runs once per batch, so it should stay far below a batch's forward and
 * backward time. PyTorch side (one thread, same sizes):
 * <pre>
 * import time, torch; torch.set_num_threads(1)
 * p = torch.nn.Parameter(torch.sin(torch.arange(200_000.))); p.grad = torch.cos(torch.arange(200_000.)) * 0.01
 * opt = torch.optim.Adam([p], lr=1e-6)   # or SGD(momentum=0.9), RMSprop, AdamW
 * for _ in range(300): opt.step()
 * t0 = time.perf_counter(); [opt.step() for _ in range(1000)]; print((time.perf_counter() - t0) / 1000 * 1e6, "us")
 * </pre>
 * <pre>java --add-modules jdk.incubator.vector -jar bench/target/benchmarks.jar OptimizerStepBench</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules", "jdk.incubator.vector"})
public class OptimizerStepBench {
    /** An {@link Optimizers#parse} spec. */
    @org.openjdk.jmh.annotations.Param({"sgd", "momentum", "nesterov", "rmsprop", "adam", "adamw"})
    public String optimizer;

    private Optimizer opt;
    private List<Param> params;

    @Setup
    public void setup() {
        Param p = new Param("w", true, 200_000);
        for (int i = 0; i < p.size(); i++) {
            p.value[i] = (float) Math.sin(i);
            p.grad[i] = (float) Math.cos(i) * 0.01f;
        }
        params = List.of(p);
        opt = Optimizers.parse(optimizer);
    }

    @Benchmark
    public float step() {
        opt.step(params, 1e-6);
        return params.getFirst().value[0];
    }
}
