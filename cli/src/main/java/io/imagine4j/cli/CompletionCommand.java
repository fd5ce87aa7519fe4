package io.imagine4j.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code imagine4j completion}: prints the shell completion script (bash; zsh with bashcompinit). */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print the shell completion script for imagine4j (bash, and zsh after `autoload -U +X bashcompinit"
                + " && bashcompinit`).", "Use it with: source <(imagine4j completion)"},
        footerHeading = "%n", footer = "Exit codes:%n  0    the script was printed")
final class CompletionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    private final CliEnvironment env;

    CompletionCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        env.out().print(AutoComplete.bash("imagine4j", spec.root().commandLine()));
        env.out().flush();
        return ExitCodes.SUCCESS;
    }
}
