package org.mfsj.master.meta.codec;

import org.mfsj.master.namespace.op.HoldOpenRecord;
import org.mfsj.master.namespace.op.ReleaseOpenRecord;
import org.mfsj.master.namespace.op.ReleaseOpensRecord;

/** Bodies of the records of files held open past their last name; tags 82-89. */
final class OpenBodies {
    private OpenBodies() {
    }

    static void register(RecordTypes t) {
        t.add(82, HoldOpenRecord.class, (w, r) -> w.u64(r.inode()).u64(r.session()).u32(r.opens()),
                r -> new HoldOpenRecord(r.u64(), r.u64(), positive(r.u32())));
        t.add(83, ReleaseOpenRecord.class, (w, r) -> w.u64(r.inode()).u64(r.session()).u32(r.releases()),
                r -> new ReleaseOpenRecord(r.u64(), r.u64(), positive(r.u32())));
        t.add(84, ReleaseOpensRecord.class,
                (w, r) -> w.u64(r.session()).list(r.files(), (fw, f) -> fw.u64(f.inode()).u32(f.releases())),
                r -> new ReleaseOpensRecord(r.u64(), r.list(ReleaseOpensRecord.MAX_FILES, 12,
                        fr -> new ReleaseOpensRecord.Released(fr.u64(), positive(fr.u32())))));
    }

    private static int positive(int n) {
        if (n <= 0) {
            throw new org.mfsj.common.wire.MalformedMessageException("open count " + n);
        }
        return n;
    }
}
