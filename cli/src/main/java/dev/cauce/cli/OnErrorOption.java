package dev.cauce.cli;

import dev.cauce.core.ErrorPolicy;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** The {@code --on-error skip|fail} option every batch command shares (a picocli mixin). */
public final class OnErrorOption {

    @Option(names = "--on-error", defaultValue = "skip", paramLabel = "skip|fail", converter = PolicyConverter.class,
            description = "skip: leave failed inputs out, report each one and exit 1; fail: stop at the first failure "
                    + "and leave no output behind. Default: ${DEFAULT-VALUE}.")
    ErrorPolicy policy = ErrorPolicy.SKIP;

    public ErrorPolicy policy() {
        return policy;
    }

    /** True when the first failure must stop the job. */
    public boolean failFast() {
        return policy == ErrorPolicy.FAIL;
    }

    static final class PolicyConverter implements ITypeConverter<ErrorPolicy> {
        @Override
        public ErrorPolicy convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "skip" -> ErrorPolicy.SKIP;
                case "fail" -> ErrorPolicy.FAIL;
                default -> throw new picocli.CommandLine.TypeConversionException("must be skip or fail, got '" + value + "'");
            };
        }
    }
}
