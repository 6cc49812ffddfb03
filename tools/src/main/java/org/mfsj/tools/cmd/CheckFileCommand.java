package org.mfsj.tools.cmd;

import java.util.Map;
import java.util.TreeMap;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.ChunkReport;
import org.mfsj.common.types.Creds;
import picocli.CommandLine.Command;

/** {@code mfs checkfile PATH...}: how many chunks have how many valid copies. */
@Command(name = "checkfile", description = "Count the chunks of files by number of valid copies.")
public final class CheckFileCommand extends EachPathCommand {
    @Override
    void each(MfsClient c, Creds me, String path, Attr attr) throws MfsException {
        Map<Long, Integer> byCopies = new TreeMap<>();
        for (ChunkReport r : c.fileInfo(attr.inode())) {
            if (r.chunkId() != 0) {
                byCopies.merge(r.validCopies(), 1, Integer::sum);
            }
        }
        System.out.println(path + ":");
        byCopies.forEach((copies, n) -> System.out.printf(" chunks with %d cop%s: %d%n", copies,
                copies == 1 ? "y" : "ies", n));
    }
}
