package org.mfsj.nfs;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading NFSv4 results by hand, shared by the unit tests and the integration tests in tools. */
public final class Nfs4Replies {
    private Nfs4Replies() {
    }

    /** OPEN4resok after the status: returns the stateid (16 bytes) and checks no delegation came. */
    public static byte[] openOk(XdrReader r) {
        byte[] sid = r.fixed(16);
        afterOpenStateid(r);
        return sid;
    }

    /** The rest of OPEN4resok after its stateid: change info, flags, attributes set, delegation. */
    public static void afterOpenStateid(XdrReader r) {
        r.b();
        r.l();
        r.l();
        r.i();
        int words = r.i();
        for (int i = 0; i < words; i++) {
            r.i();
        }
        assertThat(r.i()).as("no delegation").isZero();
    }
}
