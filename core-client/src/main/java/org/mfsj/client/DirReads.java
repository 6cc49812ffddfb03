package org.mfsj.client;

import java.util.List;
import java.util.function.UnaryOperator;
import org.mfsj.client.master.MasterCalls;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.DirEntry;
import org.mfsj.common.wire.client2master.ReadDir;
import org.mfsj.common.wire.client2master.ReadDirNames;
import org.mfsj.common.wire.client2master.ReadDirNamesReply;
import org.mfsj.common.wire.client2master.ReadDirReply;

/** Directory listings, a page a call (a follower may answer); attributes listed get this client's unflushed lengths. */
final class DirReads {
    private final MasterCalls master;
    private final UnaryOperator<Attr> patch;

    DirReads(MasterCalls master, UnaryOperator<Attr> patch) {
        this.master = master;
        this.patch = patch;
    }

    DirPage readdir(Creds creds, long dir, long cookie, int max, boolean withAttrs) throws MfsException {
        String what = "readdir " + dir;
        ReadDirReply r = master.read(id -> new ReadDir(id, creds, dir, cookie, max, withAttrs), ReadDirReply.class,
                what);
        MfsException.check(r.status(), what);
        List<DirEntry> entries = r.entries();
        if (withAttrs) {
            entries = entries.stream().map(e -> e.attr() == null ? e
                    : new DirEntry(e.name(), e.inode(), e.type(), e.cookie(), patch.apply(e.attr()))).toList();
        }
        return new DirPage(entries, r.eof());
    }

    NamesPage readdirNames(Creds creds, long dir, long cookie, int max) throws MfsException {
        String what = "readdir " + dir;
        ReadDirNamesReply r = master.read(id -> new ReadDirNames(new ReadDir(id, creds, dir, cookie, max, false)),
                ReadDirNamesReply.class, what);
        MfsException.check(r.status(), what);
        return new NamesPage(r.names(), r.eof());
    }
}
