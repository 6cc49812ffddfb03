package org.mfsj.tools.cmd;

import java.io.Console;

/** Asks for a password on the terminal without echoing it (mfsmount -p). */
final class PasswordPrompt {
    private PasswordPrompt() {
    }

    static String ask(String prompt) {
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("-p asks on a terminal and there is none; give the password in the"
                    + " environment as " + MountCommand.PASSWORD_ENV + " instead");
        }
        char[] typed = console.readPassword("%s", prompt);
        if (typed == null) {
            throw new IllegalArgumentException("no password was typed (end of input)");
        }
        return new String(typed);
    }
}
