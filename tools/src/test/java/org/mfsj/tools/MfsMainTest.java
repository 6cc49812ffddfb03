package org.mfsj.tools;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MfsMainTest {
    @Test
    void everyDaemonAndToolIsASubCommand() {
        // merges of several doors at once have dropped one from the list before
        assertThat(new CommandLine(new MfsMain()).getSubcommands().keySet()).contains("master", "chunkserver", "s3",
                "nfs", "mount", "up", "down", "status", "ls", "mkdir", "put", "get", "rm", "mv", "setgoal", "getgoal",
                "fileinfo", "checkfile", "saveimage", "metarestore", "metadump", "settrashtime", "gettrashtime",
                "trash", "snapshot", "quota", "role");
    }
}
