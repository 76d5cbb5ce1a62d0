package dev.cauce.cli;

import dev.cauce.core.SampleException;
import dev.cauce.train.JitWarmup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code cauce} command. Exit codes: 0 success, 1 bad input or some inputs failed (a one-line
 * message names the file and the problem), 2 usage error. Stack traces only with {@code --verbose}.
 */
@Command(name = "cauce",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "Cauce turns raw images, audio, text and video into training-ready tensors, "
                + "augments them, and streams them into a bundled SIMD training core.",
            "",
            "Start with 'cauce demo'. Every command explains itself with --help.",
            "Training speed against PyTorch, side by side: 'cauce bench --help' (the launcher runs it from the bench module)."},
        subcommands = {
            DemoCommand.class,
            TrainCommand.class,
            dev.cauce.cli.image.ImageCommand.class,
            dev.cauce.cli.audio.AudioCommand.class,
            dev.cauce.cli.text.TextCommand.class,
            dev.cauce.cli.video.VideoCommand.class,
            dev.cauce.cli.run.RunCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class Main implements Callable<Integer> {

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces for errors (default: one line per error).")
    static boolean verbose;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** The JIT warm-up started for {@code cauce train} before parsing, or null. */
    JitWarmup warmup;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.out);
        return 0;
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (used by tests). */
    public static int run(String... args) {
        Main main = new Main();
        // `cauce train`: start compiling the training kernels before picocli and the data loading
        // (~0.25 s and more of overlap); TrainingRun stops it when training starts
        if (firstWord(args).equals("train")) main.warmup = JitWarmup.start();
        try {
            return execute(main, args);
        } finally {
            if (main.warmup != null) main.warmup.close();
        }
    }

    /** The subcommand name: the first argument that is not an option, or "". */
    private static String firstWord(String[] args) {
        for (String a : args) if (!a.startsWith("-")) return a;
        return "";
    }

    private static int execute(Main main, String[] args) {
        CommandLine cl = new CommandLine(main);
        cl.setUsageHelpWidth(100);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (verbose) ex.printStackTrace(cmd.getErr());
            cmd.getErr().println("error: " + oneLine(ex));
            return isUsage(ex) ? 2 : 1;
        });
        // A mistyped option gets one line and a pointer to the help, not 40 lines of usage.
        cl.setParameterExceptionHandler((ex, args2) -> {
            CommandLine cmd = ex.getCommandLine();
            if (verbose) ex.printStackTrace(cmd.getErr());
            cmd.getErr().println("error: " + ex.getMessage().replace('\n', ' '));
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
            return 2;
        });
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            // picocli hands Errors through: without this the user gets a JVM stack trace
            if (verbose) e.printStackTrace(cl.getErr());
            cl.getErr().println("error: " + outOfMemory(e, Runtime.getRuntime().maxMemory()));
            return 1;
        }
    }

    /** One line for an {@link OutOfMemoryError}: what ran out, the heap's limit, and how to raise it. */
    static String outOfMemory(OutOfMemoryError e, long maxHeapBytes) {
        return "out of memory (" + (e.getMessage() == null ? "Java heap space" : e.getMessage()) + "); the Java heap is limited to "
                + (maxHeapBytes >> 20) + " MB: give it more with CAUCE_JAVA_OPTS=-Xmx8g (for example), or use a smaller model, "
                + "batch or input";
    }

    /**
     * Usage errors exit with 2: option values that fail validation (commands and constructors throw
     * {@link IllegalArgumentException} for those). Problems with input data exit with 1: they arrive
     * as {@link IOException}, {@link SampleException} or {@link IllegalStateException}.
     */
    private static boolean isUsage(Throwable ex) {
        return ex instanceof UsageException || ex instanceof IllegalArgumentException;
    }

    static String oneLine(Throwable ex) {
        Throwable t = ex;
        if (t instanceof UncheckedIOException u && u.getCause() != null) t = u.getCause();
        String msg = t.getMessage();
        if (msg == null || msg.isBlank()) msg = t.getClass().getSimpleName();
        if (t instanceof java.nio.file.FileSystemException fs && fs.getFile() != null) {
            // These carry only the path as their message; say what is wrong with it.
            String reason = switch (fs) {
                case java.nio.file.NoSuchFileException e -> "no such file or folder";
                case java.nio.file.NotDirectoryException e -> "exists and is not a folder";
                case java.nio.file.FileAlreadyExistsException e -> "already exists";
                case java.nio.file.DirectoryNotEmptyException e -> "folder is not empty";
                case java.nio.file.AccessDeniedException e -> "permission denied";
                default -> fs.getReason() == null ? fs.getClass().getSimpleName() : fs.getReason();
            };
            msg = fs.getFile() + (fs.getOtherFile() != null ? " -> " + fs.getOtherFile() : "") + ": " + reason;
        }
        if (!(t instanceof IOException || t instanceof IllegalArgumentException || t instanceof SampleException
                || t instanceof UsageException || t instanceof IllegalStateException)) {
            msg = t.getClass().getSimpleName() + ": " + msg;
        }
        return msg.replace('\n', ' ');
    }

    /** A problem with how the command was called (exit code 2). */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"cauce " + (v == null ? "dev" : v) + " on Java " + Runtime.version()};
        }
    }
}
