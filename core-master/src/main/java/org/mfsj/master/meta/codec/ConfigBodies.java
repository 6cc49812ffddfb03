package org.mfsj.master.meta.codec;

import java.nio.charset.StandardCharsets;
import org.mfsj.master.meta.ExportsSet;
import org.mfsj.master.meta.SessionOpened;

/** Bodies of the records of cluster-wide state outside the namespace: exports and sessions; tags 80-95. */
final class ConfigBodies {
    private ConfigBodies() {
    }

    static void register(RecordTypes t) {
        t.add(80, ExportsSet.class, (w, r) -> w.bytes(r.text().getBytes(StandardCharsets.UTF_8)).u64(r.editedMillis())
                .str(r.origin()),
                r -> new ExportsSet(new String(r.bytes(ExportsSet.MAX_BYTES), StandardCharsets.UTF_8), r.u64(), r.str()));
        t.add(81, SessionOpened.class, (w, r) -> { }, r -> new SessionOpened());
    }
}
