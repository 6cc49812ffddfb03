package org.mfsj.master.exports;

import java.util.Set;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.client2master.AppendChunks;
import org.mfsj.common.wire.client2master.CreateOpen;
import org.mfsj.common.wire.client2master.Link;
import org.mfsj.common.wire.client2master.Mkdir;
import org.mfsj.common.wire.client2master.Mknod;
import org.mfsj.common.wire.client2master.Open;
import org.mfsj.common.wire.client2master.RemoveXattr;
import org.mfsj.common.wire.client2master.Rename;
import org.mfsj.common.wire.client2master.Rmdir;
import org.mfsj.common.wire.client2master.SetAttr;
import org.mfsj.common.wire.client2master.SetGoal;
import org.mfsj.common.wire.client2master.SetQuota;
import org.mfsj.common.wire.client2master.SetTrashTime;
import org.mfsj.common.wire.client2master.Snapshot;
import org.mfsj.common.wire.client2master.Publish;
import org.mfsj.common.wire.client2master.PublishWritten;
import org.mfsj.common.wire.client2master.ScratchCreateWrite;
import org.mfsj.common.wire.client2master.PurgeTrash;
import org.mfsj.common.wire.client2master.RestoreTrash;
import org.mfsj.common.wire.client2master.ScratchCreateOpen;
import org.mfsj.common.wire.client2master.ScratchOpenChunk;
import org.mfsj.common.wire.client2master.SetXattr;
import org.mfsj.common.wire.client2master.Symlink;
import org.mfsj.common.wire.client2master.Unlink;
import org.mfsj.common.wire.client2master.WriteChunk;

/**
 * What an export forbids before a request reaches its handler: changes on ro, goals and trash
 * times out of bounds.
 */
public final class ExportGuard {
    private static final Set<Class<? extends Message>> CHANGES = Set.of(SetAttr.class, Mkdir.class, Mknod.class,
            Unlink.class, Rmdir.class, Rename.class, Link.class, Symlink.class, WriteChunk.class, SetGoal.class,
            SetXattr.class, RemoveXattr.class, SetTrashTime.class, RestoreTrash.class, PurgeTrash.class, Snapshot.class,
            SetQuota.class, CreateOpen.class, Publish.class, AppendChunks.class, ScratchCreateOpen.class,
            ScratchOpenChunk.class, ScratchCreateWrite.class, PublishWritten.class);

    private ExportGuard() {
    }

    public static Status admit(ExportRule rule, Message m) {
        if (rule.readOnly() && (CHANGES.contains(m.getClass()) || m instanceof Open o && o.write())) {
            return Status.EROFS;
        }
        // a goal no export allows (0, 10) is the namespace's to refuse, with EINVAL
        if (m instanceof SetGoal g && g.goal() >= 1 && g.goal() <= 9
                && (g.goal() < rule.minGoal() || g.goal() > rule.maxGoal())) {
            return Status.EPERM;
        }
        if (m instanceof SetTrashTime t && (t.seconds() < rule.minTrashSeconds() || t.seconds() > rule.maxTrashSeconds())) {
            return Status.EPERM;
        }
        return Status.OK;
    }
}
