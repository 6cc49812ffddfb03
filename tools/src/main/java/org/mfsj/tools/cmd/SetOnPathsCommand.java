package org.mfsj.tools.cmd;

import java.util.List;
import java.util.concurrent.Callable;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Creds;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** A tool that sets one value (goal, trash time) on each path, optionally on everything below. */
abstract class SetOnPathsCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Option(names = {"-r", "--recursive"})
    boolean recursive;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PATH")
    List<String> paths;

    /** The value being set, as printed. */
    abstract long value();

    /** Sets it on one inode; returns how many inodes changed. */
    abstract long set(MfsClient c, Creds me, long inode) throws MfsException;

    @Override
    public Integer call() throws Exception {
        Creds me = ClientOptions.localUser();
        try (MfsClient c = client.connect()) {
            for (String path : paths) {
                long changed = set(c, me, ClientOptions.resolve(c, me, ClientOptions.normalize(path)).inode());
                System.out.println(path + ": " + value() + (recursive ? " (" + changed + " inodes changed)" : ""));
            }
        }
        return 0;
    }
}
