package org.mfsj.tools.cmd;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.mfsj.client.MfsClient;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.ChunkReport;
import org.mfsj.common.types.Creds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code mfs checkfile PATH...}: how many chunks have how many valid copies. */
@Command(name = "checkfile", description = "Count the chunks of files by number of valid copies.")
public final class CheckFileCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Parameters(arity = "1..*")
    List<String> paths;

    @Override
    public Integer call() throws Exception {
        Creds me = ClientOptions.localUser();
        try (MfsClient c = client.connect()) {
            for (String path : paths) {
                Attr a = c.resolve(me, ClientOptions.normalize(path));
                Map<Long, Integer> byCopies = new TreeMap<>();
                for (ChunkReport r : c.fileInfo(a.inode())) {
                    if (r.chunkId() != 0) {
                        byCopies.merge(r.validCopies(), 1, Integer::sum);
                    }
                }
                System.out.println(path + ":");
                byCopies.forEach((copies, n) -> System.out.printf(" chunks with %d cop%s: %d%n", copies,
                        copies == 1 ? "y" : "ies", n));
            }
        }
        return 0;
    }
}
