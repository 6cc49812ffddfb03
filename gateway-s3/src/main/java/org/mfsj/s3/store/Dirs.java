package org.mfsj.s3.store;

import java.util.ArrayList;
import java.util.List;
import org.mfsj.client.DirPage;
import org.mfsj.client.MfsClient;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Creds;
import org.mfsj.common.types.DirEntry;
import org.mfsj.s3.error.ErrorMapping;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;

/** Whole-directory reads, page by page. */
public final class Dirs {
    private static final int PAGE = 1000;

    private Dirs() {
    }

    public static List<DirEntry> readAll(MfsClient c, Creds creds, long dir, boolean withAttrs, S3Error notFound)
            throws S3Exception {
        List<DirEntry> out = new ArrayList<>();
        long cookie = 0;
        try {
            while (true) {
                DirPage p = c.readdir(creds, dir, cookie, PAGE, withAttrs);
                for (DirEntry e : p.entries()) {
                    if (!e.name().equals(".") && !e.name().equals("..")) {
                        out.add(e);
                    }
                    cookie = e.cookie();
                }
                if (p.eof() || p.entries().isEmpty()) {
                    return out;
                }
            }
        } catch (MfsException e) {
            throw ErrorMapping.of(e, notFound);
        }
    }
}
