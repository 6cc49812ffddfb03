package org.mfsj.s3.store;

import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.client2master.Scratch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks the gateway's temp directory as a scratch directory, so the master answers a PUT's calls on
 * its temp file once applied; only the publishing change then waits for the changelog. Without the
 * mark (a master that maps the gateway's root to another user refuses it) PUTs work as before,
 * each call waiting.
 */
final class ScratchMark {
    private static final Logger LOG = LoggerFactory.getLogger(ScratchMark.class);
    private static final byte[] ON = {1};

    private ScratchMark() {
    }

    static void ensure(MfsClient client, long dir) {
        try {
            try {
                client.getxattr(Creds.ROOT, dir, Scratch.XATTR);
                return;
            } catch (MfsException e) {
                if (e.status() != Status.ENODATA) {
                    throw e;
                }
            }
            client.setxattr(Creds.ROOT, dir, Scratch.XATTR, ON, 0);
        } catch (MfsException e) {
            LOG.warn("temp directory {} not marked as scratch ({}): every PUT call waits for the changelog; "
                    + "let the gateway's session act as root in the master's exports to mark it", dir, e.getMessage());
        }
    }
}
