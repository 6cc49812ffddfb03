package org.mfsj.tools.it;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.mfsj.tools.MfsMain;

/**
 * Runs the {@code mfs} tool in the test's JVM with its standard streams captured. Standard streams
 * are global, so runs never overlap (tests that run the tool from several threads stay correct).
 */
final class MfsInJvm {
    /** What one run printed; {@code out} as bytes for commands that write data ({@code mfs get}). */
    record Run(int exit, byte[] outBytes, String err) {
        String out() {
            return new String(outBytes, StandardCharsets.UTF_8);
        }
    }

    private MfsInJvm() {
    }

    static Run run(String... args) {
        return run(new byte[0], args);
    }

    static synchronized Run run(byte[] stdin, String... args) {
        PrintStream savedOut = System.out;
        PrintStream savedErr = System.err;
        InputStream savedIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin));
            int exit = MfsMain.run(args);
            System.out.flush();
            return new Run(exit, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
            System.setErr(savedErr);
            System.setIn(savedIn);
        }
    }
}
