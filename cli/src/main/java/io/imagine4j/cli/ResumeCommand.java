package io.imagine4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code imagine4j resume}: follow every unfinished job of the store to its end. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Follow every unfinished job of the job store to its end, each on its provider (keys from the"
                + " environment). Jobs of a run that was killed are taken up as soon as its leases lapse (15 s).",
                "Exits 0 once every job has ended, however it ended (each is listed); 5 when some still run at --timeout;"
                        + " 2 when some could not be resumed (a key is missing)."},
        footerHeading = "%n", footer = ExitCodes.TABLE)
final class ResumeCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    private final CliEnvironment env;

    ResumeCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        return new ResumeRun(common, env).run();
    }
}
