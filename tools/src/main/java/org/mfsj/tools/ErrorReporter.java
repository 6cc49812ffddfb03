package org.mfsj.tools;

import org.mfsj.common.status.MfsException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns a failed command into one line on stderr and a non-zero exit, not a stack trace. */
final class ErrorReporter implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        String name = cmd.getCommandName();
        if (ex instanceof MfsException m) {
            cmd.getErr().println("mfs " + name + ": " + m.getMessage());
            return 1;
        }
        if (ex instanceof java.io.IOException || ex instanceof IllegalArgumentException
                || ex instanceof org.mfsj.common.config.ConfigException) {
            cmd.getErr().println("mfs " + name + ": " + ex.getMessage());
            return 1;
        }
        cmd.getErr().println("mfs " + name + ": unexpected " + ex);
        ex.printStackTrace(cmd.getErr());
        return 2;
    }
}
