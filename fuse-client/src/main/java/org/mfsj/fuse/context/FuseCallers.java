package org.mfsj.fuse.context;

import org.mfsj.common.types.Creds;
import ru.serce.jnrfuse.struct.FuseContext;

/** Callers as libfuse reports them for the request on this thread, with groups from /proc. */
public final class FuseCallers implements CallerSource {
    /** Reads libfuse's per-thread request context. */
    @FunctionalInterface
    public interface ContextReader {
        FuseContext context();
    }

    private final ContextReader reader;
    private final ProcGroups groups;

    public FuseCallers(ContextReader reader, ProcGroups groups) {
        this.reader = reader;
        this.groups = groups;
    }

    @Override
    public Caller current() {
        FuseContext ctx = reader.context();
        int uid = ctx.uid.intValue();
        int gid = ctx.gid.intValue();
        int pid = ctx.pid.intValue();
        // root passes every check, so its groups need not be read
        int[] supplementary = uid == 0 ? new int[0] : groups.of(pid);
        return new Caller(new Creds(uid, gid, supplementary), pid);
    }
}
