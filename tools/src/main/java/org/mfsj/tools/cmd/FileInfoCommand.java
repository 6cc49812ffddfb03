package org.mfsj.tools.cmd;

import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.ChunkReport;
import org.mfsj.common.types.CopyReport;
import org.mfsj.common.types.Creds;
import picocli.CommandLine.Command;

/** {@code mfs fileinfo PATH...}: every chunk with its id, version and where its copies are. */
@Command(name = "fileinfo", description = "Show the chunks of files: id, version, copies and where they are.")
public final class FileInfoCommand extends EachPathCommand {
    @Override
    void each(MfsClient c, Creds me, String path, Attr attr) throws MfsException {
        System.out.println(path + ":");
        for (ChunkReport r : c.fileInfo(attr.inode())) {
            print(r);
        }
    }

    private static void print(ChunkReport r) {
        if (r.chunkId() == 0) {
            System.out.printf("\tchunk %d: empty (hole)%n", r.index());
            return;
        }
        System.out.printf("\tchunk %d: %016X_%08X / (id:%d ver:%d) goal:%d%n", r.index(), r.chunkId(), r.version(),
                r.chunkId(), r.version(), r.goal());
        if (r.copies().isEmpty()) {
            System.out.println("\t\tno valid copies !!!");
        }
        int i = 1;
        for (CopyReport copy : r.copies()) {
            System.out.printf("\t\tcopy %d: %s%s%n", i++, copy.server(),
                    copy.valid() ? "" : " (invalid: version " + copy.version() + ")");
        }
    }
}
