package dev.cauce.bench.train;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cauce bench}: MNIST training throughput of Cauce and PyTorch side by side, as ratios.
 *
 * <p>Each round runs the PyTorch peer ({@code torch_mlp_mnist.py}), then {@link MnistTrainBench}
 * in a fresh JVM with this JVM's own flags (the launcher gives {@code bench} the flags of
 * {@code cauce train}), and reports the round's ratio. On a shared machine a single run swings by
 * ±20%, and so does the peer: only ratios taken in the same window mean anything, so rounds
 * alternate and the summary quotes medians and how many rounds met the goal.
 */
public final class SideBySide {
    private static final String HELP = """
            Usage: cauce bench [--variant mlp|cnn] [--rounds N] [--epochs N] [--threads N] [--data DIR]
                               [--peer FILE.py] [--python EXE] [--goal X]

            Trains the same MNIST model with PyTorch and with Cauce, alternating, and prints
            each round's samples/s, peak memory and test accuracy, then the median ratio.

              --variant  mlp (784-256-128-10, 10 epochs) or cnn (conv5x5x32-pool-conv5x5x64-pool-
                         fc128-fc10, 3 epochs); Adam 1e-3, batch 128, 8,000 training digits.
              --rounds   rounds of (PyTorch, Cauce); default 6. Quote medians, never one round.
              --epochs   default 10 (mlp) or 3 (cnn), as the peer.
              --threads  compute threads for both; default 2.
              --data     the MNIST split (IDX files); default the checkout's samples/mnist.
              --peer     the PyTorch script; default ../shared/peers/torch_mlp_mnist.py beside the
                         checkout, when it exists. Without one, Cauce runs alone.
              --python   the Python that has torch; default /usr/bin/python3.
              --goal     the ratio to count rounds against; default 1.0 (mlp) or 0.7 (cnn).

            Run it on a quiet machine: it prints the load average before and after.
            Example: cauce bench --variant cnn --rounds 8
            """;

    private SideBySide() {
    }

    /** One run's figures, from the last JSON line a bench prints. */
    record Run(double samplesPerSecond, double peakRssMib, double testAccuracy) {
        static Run parse(String output, String who) {
            String json = null;
            for (String line : output.split("\n")) if (line.startsWith("{")) json = line;
            if (json == null) throw new IllegalStateException(who + " printed no JSON result line; its output ended with:\n" + tail(output));
            return new Run(number(json, "train_samples_per_s", who), number(json, "peak_rss_mib", who), number(json, "test_acc", who));
        }

        private static double number(String json, String key, String who) {
            Matcher m = Pattern.compile("\"" + key + "\":\\s*(-?[0-9.eE+-]+)").matcher(json);
            if (!m.find()) throw new IllegalStateException(who + "'s result has no \"" + key + "\": " + json);
            return Double.parseDouble(m.group(1));
        }
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** The closing lines: medians of both, the ratio's range and median, rounds at the goal, memory. */
    static String summary(List<Run> peer, List<Run> cauce, double goal) {
        double[] ratios = new double[cauce.size()];
        int met = 0;
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = cauce.get(i).samplesPerSecond() / peer.get(i).samplesPerSecond();
            if (ratios[i] >= goal) met++;
        }
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT,
                "median samples/s: PyTorch %,.0f, Cauce %,.0f%n"
                        + "ratio Cauce/PyTorch per round %.2f-%.2fx, median %.2fx; %d of %d rounds at or above %.2fx%n"
                        + "peak RSS: PyTorch %.0f-%.0f MiB, Cauce %.0f-%.0f MiB",
                median(samples(peer)), median(samples(cauce)), sorted[0], sorted[sorted.length - 1], median(ratios),
                met, ratios.length, goal, min(peer), max(peer), min(cauce), max(cauce));
    }

    private static double[] samples(List<Run> runs) {
        return runs.stream().mapToDouble(Run::samplesPerSecond).toArray();
    }

    private static double min(List<Run> runs) {
        return runs.stream().mapToDouble(Run::peakRssMib).min().orElse(Double.NaN);
    }

    private static double max(List<Run> runs) {
        return runs.stream().mapToDouble(Run::peakRssMib).max().orElse(Double.NaN);
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        // defaults relative to the checkout (the launcher exports CAUCE_HOME), not to where it is run from
        Path home = Path.of(System.getenv().getOrDefault("CAUCE_HOME", "."));
        String variant = "mlp", data = home.resolve("samples/mnist").toString(), python = "/usr/bin/python3";
        Path peer = home.resolve("../shared/peers/torch_mlp_mnist.py").normalize();
        boolean peerGiven = false;
        int rounds = 6, epochs = -1, threads = 2;
        double goal = Double.NaN;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("-h") || a.equals("--help")) {
                    System.out.print(HELP);
                    return;
                }
                if (i + 1 >= args.length) throw new IllegalArgumentException(a + " needs a value");
                String v = args[++i];
                switch (a) {
                    case "--variant" -> variant = v;
                    case "--rounds" -> rounds = integer(a, v);
                    case "--epochs" -> epochs = integer(a, v);
                    case "--threads" -> threads = integer(a, v);
                    case "--data" -> data = v;
                    case "--peer" -> { peer = Path.of(v); peerGiven = true; }
                    case "--python" -> python = v;
                    case "--goal" -> goal = decimal(a, v);
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (!variant.equals("mlp") && !variant.equals("cnn")) throw new IllegalArgumentException("--variant must be mlp or cnn, got " + variant);
            if (rounds < 1 || threads < 1) throw new IllegalArgumentException("--rounds and --threads must be at least 1");
            if (peerGiven && !Files.isRegularFile(peer)) throw new IllegalArgumentException("--peer " + peer + ": no such file");
            if (!Files.isRegularFile(Path.of(data, "train-images-idx3-ubyte.gz"))) {
                throw new IllegalArgumentException("--data " + data + ": no train-images-idx3-ubyte.gz there (an MNIST split in IDX files)");
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage() + "\n(cauce bench --help explains the options)");
            System.exit(2);
        }
        if (epochs < 0) epochs = variant.equals("mlp") ? 10 : 3;
        if (Double.isNaN(goal)) goal = variant.equals("mlp") ? 1.0 : 0.7;
        boolean withPeer = Files.isRegularFile(peer);
        if (!withPeer) System.err.println("no PyTorch peer at " + peer + " (give --peer FILE.py): Cauce runs alone");

        List<String> bench = new ArrayList<>();
        bench.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        bench.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());   // the launcher's flags
        bench.addAll(List.of("-cp", System.getProperty("java.class.path"), MnistTrainBench.class.getName(),
                "--variant", variant, "--threads", String.valueOf(threads), "--epochs", String.valueOf(epochs), "--data", data));
        List<String> torch = List.of(python, peer.toString(), "--variant", variant, "--threads", String.valueOf(threads),
                "--epochs", String.valueOf(epochs));

        System.out.printf(Locale.ROOT, "MNIST %s, %s, %s, %s; load average %s%n",
                variant, count(epochs, "epoch"), count(threads, "thread"), count(rounds, "round"), loadAverage());
        List<Run> peerRuns = new ArrayList<>(), cauceRuns = new ArrayList<>();
        try {
            runRounds(rounds, withPeer ? torch : null, bench, peerRuns, cauceRuns);
        } catch (IllegalStateException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
        if (withPeer) {
            System.out.println(summary(peerRuns, cauceRuns, goal));
        } else {
            System.out.printf(Locale.ROOT, "median samples/s: Cauce %,.0f%n", median(samples(cauceRuns)));
        }
        System.out.println("load average " + loadAverage());
    }

    /** Alternating rounds: the peer (when {@code torch} is not null), then Cauce; one line each. */
    private static void runRounds(int rounds, List<String> torch, List<String> bench, List<Run> peerRuns, List<Run> cauceRuns)
            throws IOException, InterruptedException {
        for (int r = 1; r <= rounds; r++) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d/%d", r, rounds));
            Run p = null;
            if (torch != null) {
                p = Run.parse(run(torch, "PyTorch"), "PyTorch");
                peerRuns.add(p);
                line.append(String.format(Locale.ROOT, "  PyTorch %,8.0f samples/s %4.0f MiB acc %.4f |", p.samplesPerSecond(), p.peakRssMib(), p.testAccuracy()));
            }
            Run c = Run.parse(run(bench, "Cauce"), "Cauce");
            cauceRuns.add(c);
            line.append(String.format(Locale.ROOT, "  Cauce %,8.0f samples/s %4.0f MiB acc %.4f", c.samplesPerSecond(), c.peakRssMib(), c.testAccuracy()));
            if (p != null) line.append(String.format(Locale.ROOT, "  | %.2fx", c.samplesPerSecond() / p.samplesPerSecond()));
            System.out.println(line);
        }
    }

    /** Runs a command, returns its standard output; a failure names the side and shows its output's end. */
    private static String run(List<String> command, String who) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("GOMP_SPINCOUNT", "0");   // libgomp's spinning workers fight for 2 cores (see the peer's notes)
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(who + " failed (" + String.join(" ", command.subList(0, Math.min(3, command.size())))
                    + " ...); its output ended with:\n" + tail(out));
        }
        return out;
    }

    /** An option's whole-number value; a bad one is named ("--rounds: 'x' is not a whole number"). */
    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + value + "' is not a whole number");
        }
    }

    private static double decimal(String option, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + value + "' is not a number");
        }
    }

    private static String count(int n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }

    private static String tail(String out) {
        String[] lines = out.split("\n");
        return String.join("\n", Arrays.copyOfRange(lines, Math.max(0, lines.length - 8), lines.length));
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
