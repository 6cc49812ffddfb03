package org.mfsj.nfs.v4;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrDecodingStream;
import org.mfsj.common.status.MfsException;

/**
 * One NFSv4 operation: decodes its arguments and runs them within a COMPOUND. A failure is thrown
 * and ends the COMPOUND; {@link #failBody} is what follows the status then.
 *
 * @param <A> the decoded arguments
 */
public interface Nfs4Op<A> {
    A decode(XdrDecodingStream in) throws IOException;

    OpBody run(CompoundContext ctx, A args) throws Nfs4Exception, MfsException;

    /** The body after a failure status: nothing, for all but a few operations. */
    default OpBody failBody() {
        return OpBody.EMPTY;
    }
}
