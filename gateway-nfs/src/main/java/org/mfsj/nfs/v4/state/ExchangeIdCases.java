package org.mfsj.nfs.v4.state;

import java.util.Arrays;
import org.mfsj.nfs.v4.Nfs4;
import org.mfsj.nfs.v4.Nfs4Exception;

/**
 * NFSv4.1 EXCHANGE_ID's table of cases (RFC 8881 18.35.5): what a client owner presenting a
 * verifier, as a principal, with or without the update flag, gets given the records the server
 * holds for that owner. Kept apart from {@link Nfs4State}, which holds the records.
 */
final class ExchangeIdCases {
    private ExchangeIdCases() {
    }

    /** Runs under the state's lock. */
    static ClientRecord apply(Nfs4State s, StateId.Key owner, byte[] verifier, int principal, boolean update)
            throws Nfs4Exception {
        ClientRecord confirmed = s.confirmedOf(owner);
        if (update) {
            return update(confirmed, verifier, principal);
        }
        if (confirmed == null) {
            // case 1, a new owner; case 4, an unconfirmed record is replaced whatever it holds
            s.dropUnconfirmed(owner);
            return s.newRecord(owner, verifier, principal);
        }
        boolean sameVerifier = Arrays.equals(confirmed.verifier, verifier);
        if (confirmed.principal != principal) {
            // case 3: another principal claims the owner; only a client without state may lose it
            if (s.holdsState(confirmed)) {
                throw new Nfs4Exception(Nfs4.ERR_CLID_INUSE, "client owner in use by another principal");
            }
            s.dropUnconfirmed(owner);
            s.dropRecord(confirmed);
            return s.newRecord(owner, verifier, principal);
        }
        if (sameVerifier) {
            // case 2: the same client again
            return confirmed;
        }
        // case 5: the client restarted; its old record lives until the new one is confirmed
        s.dropUnconfirmed(owner);
        return s.newRecord(owner, verifier, principal);
    }

    private static ClientRecord update(ClientRecord confirmed, byte[] verifier, int principal) throws Nfs4Exception {
        if (confirmed == null) {
            throw new Nfs4Exception(Nfs4.ERR_NOENT, "no confirmed client record to update");
        }
        if (!Arrays.equals(confirmed.verifier, verifier)) {
            throw new Nfs4Exception(Nfs4.ERR_NOT_SAME, "update with another verifier");
        }
        if (confirmed.principal != principal) {
            throw new Nfs4Exception(Nfs4.ERR_PERM, "update by another principal");
        }
        return confirmed;
    }
}
