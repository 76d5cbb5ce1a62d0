package dev.cauce.cli;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** Every command explains itself: --help works, and every option has a description that states its default. */
class HelpTest {

    @Test
    void everyCommandHasHelpAndEveryOptionSaysWhatItDoes() {
        CommandLine root = new CommandLine(new Main());
        check(root);
    }

    private static void check(CommandLine cl) {
        CliRun r = CliRun.of(path(cl, "--help"));
        assertEquals(0, r.exitCode(), cl.getCommandName() + ": " + r.err());
        assertTrue(r.out().contains("Usage:"), r.out());
        for (OptionSpec o : cl.getCommandSpec().options()) {
            if (o.usageHelp() || o.versionHelp()) continue;
            String d = String.join(" ", o.description());
            assertFalse(d.isBlank(), cl.getCommandName() + " " + o.longestName() + " has no description");
            boolean flag = o.arity().max() == 0;
            if (!flag && !o.required()) {
                assertTrue(d.contains("Default") || d.contains("default"),
                        cl.getCommandName() + " " + o.longestName() + " does not state its default: " + d);
            }
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommandName().equals("help")) continue;
            check(sub);
        }
    }

    private static String[] path(CommandLine cl, String last) {
        java.util.ArrayDeque<String> names = new java.util.ArrayDeque<>();
        for (CommandLine c = cl; c.getParent() != null; c = c.getParent()) names.addFirst(c.getCommandName());
        names.addLast(last);
        return names.toArray(String[]::new);
    }
}
