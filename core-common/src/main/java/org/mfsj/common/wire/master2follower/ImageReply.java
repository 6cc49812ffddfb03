package org.mfsj.common.wire.master2follower;

import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * A follower's answer to an {@link ImagePart}: its term, the image it speaks of, and how many of
 * its bytes it holds in order ({@code nextOffset}: where the leader goes on, also after a cut
 * connection). {@code complete}: it holds the whole image, checked and ready to load (or it already
 * held the image's last entry), so the leader goes on with entries after {@code imageVersion}.
 */
public record ImageReply(int msgId, long term, long follower, long imageVersion, long nextOffset, boolean complete)
        implements Message {
    @Override
    public void encodeBody(WireWriter w) {
        w.u64(term).u64(follower).u64(imageVersion).u64(nextOffset).bool(complete);
    }

    public static ImageReply decode(int msgId, WireReader r) {
        return new ImageReply(msgId, r.u64(), r.u64(), r.u64(), r.u64(), r.bool());
    }
}
