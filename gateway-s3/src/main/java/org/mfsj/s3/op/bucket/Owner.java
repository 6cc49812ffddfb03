package org.mfsj.s3.op.bucket;

import org.mfsj.s3.auth.S3User;
import org.mfsj.s3.xml.XmlWriter;

/** The Owner element: the uid as ID, the access key as display name. */
public final class Owner {
    private Owner() {
    }

    public static void write(XmlWriter w, S3User u) {
        write(w, "Owner", u.uid(), u.accessKey());
    }

    public static void write(XmlWriter w, String element, int uid, String name) {
        w.start(element).element("ID", Integer.toUnsignedString(uid)).element("DisplayName", name).end();
    }
}
