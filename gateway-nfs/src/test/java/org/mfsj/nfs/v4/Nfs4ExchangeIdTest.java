package org.mfsj.nfs.v4;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.mfsj.nfs.XdrReader;

/**
 * EXCHANGE_ID's table of cases (RFC 8881 18.35.5) and CREATE_SESSION's checks, as pynfs tests
 * them: which record a client owner gets with a new or the same verifier, as the same or another
 * principal, with or without the update flag.
 */
class Nfs4ExchangeIdTest extends Nfs4TestBase {
    private static final int UPDATE = 0x40000000;
    private static final int CONFIRMED_R = 0x80000000;

    @Test
    void flagsThatAreNotTheClientsAreRefused() throws Exception {
        assertThat(exchange("flags", 1, 0x4)).isEqualTo(-Nfs4.ERR_INVAL);
        assertThat(exchange("flags", 1, CONFIRMED_R)).isEqualTo(-Nfs4.ERR_INVAL);
        assertThat(exchange("flags", 1, 0x10000)).isPositive();
    }

    @Test
    void anUnconfirmedRecordIsReplacedAndCannotBeUpdated() throws Exception {
        long first = exchange("fresh", 1, 0);
        assertThat(exchange("fresh", 1, UPDATE)).isEqualTo(-Nfs4.ERR_NOENT);
        long second = exchange("fresh", 1, 0);
        assertThat(second).isPositive().isNotEqualTo(first);
        assertThat(exchange("nobody-knows", 1, UPDATE)).isEqualTo(-Nfs4.ERR_NOENT);
    }

    @Test
    void aConfirmedClientKeepsItsIdAndOnlyItMayUpdateIt() throws Exception {
        assertThat(exchange("test-client", 1, 0)).as("the same client again").isEqualTo(clientId);
        assertThat(exchange("test-client", 1, UPDATE)).isEqualTo(clientId);
        assertThat(exchange("test-client", 2, UPDATE)).isEqualTo(-Nfs4.ERR_NOT_SAME);
        nfs.as(1000, 1000);
        assertThat(exchange("test-client", 1, UPDATE)).isEqualTo(-Nfs4.ERR_PERM);
        assertThat(exchange("test-client", 1, 0)).as("another principal, while the owner has a session")
                .isEqualTo(-Nfs4.ERR_CLID_INUSE);
    }

    @Test
    void aRestartedClientGetsANewIdAndItsOldSessionEndsWhenTheNewOneStarts() throws Exception {
        long restarted = exchange("test-client", 2, 0);
        assertThat(restarted).isPositive().isNotEqualTo(clientId);
        assertThat(status(op(PUTROOTFH))).as("the old session until the new record is confirmed").isZero();
        byte[] old = session;
        session = createSession(restarted, 1);
        seq = 0;
        assertThat(status(op(PUTROOTFH))).isZero();
        XdrReader r = call(sequence(old, 99, 0));
        assertThat(r.i()).isEqualTo(SEQUENCE);
        assertThat(r.i()).isEqualTo(Nfs4.ERR_BADSESSION);
    }

    @Test
    void createSessionRefusesUnknownFlagsTinyChannelsAndAnotherPrincipal() throws Exception {
        long id = exchange("sessions", 1, 0);
        assertThat(createSessionStatus(id, 0x100, 1 << 20)).isEqualTo(Nfs4.ERR_INVAL);
        assertThat(createSessionStatus(id, 0, 100)).isEqualTo(Nfs4.ERR_TOOSMALL);
        nfs.as(1000, 1000);
        assertThat(createSessionStatus(id, 0, 1 << 20)).isEqualTo(Nfs4.ERR_CLID_INUSE);
        nfs.as(0, 0);
        assertThat(createSessionStatus(id, 0, 1 << 20)).isZero();
    }

    /** The client id, or minus the status when EXCHANGE_ID fails. */
    private long exchange(String owner, int verifier, int flags) throws IOException {
        XdrReader r = call(op(EXCHANGE_ID, out -> {
            out.xdrEncodeOpaque(new byte[] {0, 0, 0, 0, 0, 0, 0, (byte) verifier}, 8);
            out.xdrEncodeString(owner);
            out.xdrEncodeInt(flags);
            out.xdrEncodeInt(0);
            out.xdrEncodeInt(0);
        }));
        int status = result(r, EXCHANGE_ID);
        return status == 0 ? r.l() : -status;
    }

    private int createSessionStatus(long id, int flags, int maxMessage) throws IOException {
        XdrReader r = call(createSessionOp(id, 1, flags, maxMessage));
        return result(r, CREATE_SESSION);
    }
}
