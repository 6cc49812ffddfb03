package org.mfsj.common.wire.client2master;

import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.MalformedMessageException;
import org.mfsj.common.wire.TypeCodecs;
import org.mfsj.common.wire.WireReader;
import org.mfsj.common.wire.WireWriter;

/**
 * Puts a finished file in place as one change: sets its modification time and one extended
 * attribute, then renames it over {@code dstName} (a file there is replaced, as by rename). An
 * object store's PUT uses it so the object appears with its metadata, or not at all, in one
 * changelog record. Answered with an {@link EntryReply} holding the file's new attributes.
 * {@code expectTarget} makes it conditional (an S3 PUT with If-None-Match or If-Match): the
 * master checks what {@code dstName} is bound to in the same step that replaces it, so two
 * conditional writers cannot both win; {@link #ANY_TARGET}, {@link #NO_TARGET} or an inode.
 * {@code dstPath} (with {@code dstBase} not 0) is where the caller found {@code dstParent}: its
 * names from {@code dstBase}, '/' between them. The master looks them up in the same step and
 * refuses with ESTALE, the file not put in place, when they no longer lead to {@code dstParent}
 * (another client renamed or removed a directory on the way since the caller found it); 0 and "":
 * no check. (A {@link PublishWritten}'s chunk ends are recorded all the same, as for any refusal
 * of the publish itself: its writer has handed them over and publishes again without them.)
 */
public record Publish(int msgId, Creds creds, long srcParent, String srcName, long dstParent, String dstName,
        String xattrName, byte[] xattrValue, long mtimeNanos, long reqId, long expectTarget, long dstBase,
        String dstPath) implements Idempotent {
    public static final int MAX_DATA = SetXattr.MAX_DATA;
    /** No condition: whatever {@code dstName} is, it is replaced. */
    public static final long ANY_TARGET = -1;
    /** {@code dstName} must be free. */
    public static final long NO_TARGET = 0;

    public Publish {
        if ((dstBase == 0) != dstPath.isEmpty()) {
            throw new MalformedMessageException("publish: a path to check needs the inode it starts at (inode "
                    + dstBase + ", path '" + dstPath + "')");
        }
        if (!dstPath.isEmpty() && (dstPath.startsWith("/") || dstPath.endsWith("/") || dstPath.contains("//"))) {
            throw new MalformedMessageException("publish: path '" + dstPath + "' has an empty name");
        }
    }

    /** Without a path to check. */
    public Publish(int msgId, Creds creds, long srcParent, String srcName, long dstParent, String dstName,
            String xattrName, byte[] xattrValue, long mtimeNanos, long reqId, long expectTarget) {
        this(msgId, creds, srcParent, srcName, dstParent, dstName, xattrName, xattrValue, mtimeNanos, reqId,
                expectTarget, 0, "");
    }

    @Override
    public void encodeBody(WireWriter w) {
        TypeCodecs.creds(w, creds);
        w.u64(srcParent);
        w.str(srcName);
        w.u64(dstParent);
        w.str(dstName);
        w.str(xattrName);
        w.bytes(xattrValue);
        w.u64(mtimeNanos);
        w.u64(reqId);
        w.u64(expectTarget);
        w.u64(dstBase);
        w.str(dstPath);
    }

    public static Publish decode(int msgId, WireReader r) {
        return new Publish(msgId,
                TypeCodecs.creds(r),
                r.u64(),
                r.str(),
                r.u64(),
                r.str(),
                r.str(),
                r.bytes(MAX_DATA),
                r.u64(),
                r.u64(),
                r.u64(),
                r.u64(),
                r.str());
    }
}
