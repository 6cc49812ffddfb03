package org.mfsj.nfs.v3;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.common.status.MfsException;
import org.mfsj.nfs.v3.xdr.Reply3;

/**
 * One NFSv3 procedure: decodes its arguments (with the codecs of {@code v3.xdr}) and runs them.
 * Failures are thrown; {@link Nfs3Program} turns them into this procedure's failure reply.
 *
 * @param <A> the decoded arguments
 */
public interface Nfs3Procedure<A> {
    A decode(XdrDecodingStream in) throws IOException;

    Reply3 run(Nfs3Call call, A args) throws Nfs3Exception, MfsException;

    /** How many optional-attribute words follow the status in this procedure's failure reply. */
    int failWords();
}
