package org.mfsj.common.wire.client2master;

import java.util.List;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * The files this session has open, sent when the session is resumed on a master (perhaps a new
 * leader, which never saw those opens): each inode with the number of opens not yet released. The
 * master counts at least that many, so a file unlinked later stays for this client until it
 * releases it. A client with more files open sends several. Answered with a {@link StatusReply}.
 */
public record ReportOpens(int msgId, List<OpenCount> opens) implements Message {
    public static final int MAX_FILES = 50_000;

    /** {@code opens} opens of file {@code inode}. */
    public record OpenCount(long inode, int opens) {
    }

    public ReportOpens {
        opens = List.copyOf(opens);
        if (opens.size() > MAX_FILES) {
            throw new IllegalArgumentException(opens.size() + " files in one report; at most " + MAX_FILES);
        }
    }

    @Override
    public void encodeBody(WireWriter w) {
        w.u32(opens.size());
        for (OpenCount o : opens) {
            w.u64(o.inode());
            w.u32(o.opens());
        }
    }

    public static ReportOpens decode(int msgId, WireReader r) {
        return new ReportOpens(msgId, r.list(MAX_FILES, 12, x -> new OpenCount(x.u64(), x.u32())));
    }
}
