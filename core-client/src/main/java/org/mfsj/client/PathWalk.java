package org.mfsj.client;

import java.util.ArrayDeque;
import java.util.Deque;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;

/** Path resolution on top of lookup, the same for every {@link MfsClient} implementation. */
final class PathWalk {
    private PathWalk() {
    }

    static Attr resolve(MfsClient client, Creds creds, String absolutePath) throws MfsException {
        if (!absolutePath.startsWith("/")) {
            throw new MfsException(Status.EINVAL, "not an absolute path: " + absolutePath);
        }
        // the inodes walked through, so ".." needs no request (and cannot climb above the root)
        Deque<Long> parents = new ArrayDeque<>();
        long cur = client.rootInode();
        Attr attr = null;
        for (String part : absolutePath.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                cur = parents.isEmpty() ? cur : parents.pop();
                attr = null;
                continue;
            }
            attr = client.lookup(creds, cur, part);
            parents.push(cur);
            cur = attr.inode();
        }
        return attr != null ? attr : client.getattr(cur);
    }
}
