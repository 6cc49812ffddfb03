package org.mfsj.s3.op.bucket;

import org.mfsj.s3.auth.S3User;
import org.mfsj.s3.xml.XmlWriter;

/**
 * The Owner element: the uid as ID and as display name, so every answer (ListBuckets, listings,
 * ACLs, uploads) names an owner the same way whichever of its keys asked.
 */
public final class Owner {
    private Owner() {
    }

    public static void write(XmlWriter w, S3User u) {
        write(w, "Owner", u.uid(), Integer.toUnsignedString(u.uid()));
    }

    public static void write(XmlWriter w, String element, int uid, String name) {
        w.start(element).element("ID", Integer.toUnsignedString(uid)).element("DisplayName", name).end();
    }
}
