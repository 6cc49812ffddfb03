package org.mfsj.tools.cmd;

import java.util.List;
import java.util.concurrent.Callable;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** A tool that connects once and reports on each path it is given, in order. */
abstract class EachPathCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Parameters(arity = "1..*", paramLabel = "PATH")
    List<String> paths;

    /** Reports on one path, already resolved to {@code attr}. */
    abstract void each(MfsClient c, Creds me, String path, Attr attr) throws MfsException;

    @Override
    public Integer call() throws Exception {
        Creds me = ClientOptions.localUser();
        try (MfsClient c = client.connect()) {
            for (String path : paths) {
                each(c, me, path, ClientOptions.resolve(c, me, ClientOptions.normalize(path)));
            }
        }
        return 0;
    }
}
