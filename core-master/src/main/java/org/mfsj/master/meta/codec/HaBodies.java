package org.mfsj.master.meta.codec;

import org.mfsj.master.meta.TermStart;
import org.mfsj.master.meta.Voters;

/** Bodies of the records of master HA; tags 64-79. */
final class HaBodies {
    private HaBodies() {
    }

    static void register(RecordTypes t) {
        t.add(64, TermStart.class, (w, r) -> w.u64(r.term()), r -> new TermStart(r.u64()));
        t.add(65, Voters.class, (w, r) -> w.str(r.text()), r -> Voters.parse(r.str()));
    }
}
