package org.mfsj.s3.acl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Request;
import org.mfsj.s3.op.UploadChecks;
import org.mfsj.s3.op.bucket.Owner;
import org.mfsj.s3.xml.XmlReader;
import org.mfsj.s3.xml.XmlWriter;
import org.w3c.dom.Element;

/**
 * ACLs as S3 has them with Object Ownership "bucket owner enforced" (the default of new AWS
 * buckets): every bucket and object shows one grant, FULL_CONTROL to its owner, and only ACLs that
 * say exactly that may be set. Access itself follows the POSIX owner, group and mode of the
 * directory or file, the same for every door; a public-read ACL here would be a promise the
 * other doors do not keep, so it is refused, not ignored.
 */
public final class OwnerOnlyAcl {
    /** The canned ACLs that mean "the owner only". */
    private static final Set<String> OWNER_ONLY_CANNED = Set.of("private", "bucket-owner-full-control");
    private static final Set<String> GRANT_HEADERS = Set.of("x-amz-grant-read", "x-amz-grant-write",
            "x-amz-grant-read-acp", "x-amz-grant-write-acp", "x-amz-grant-full-control");
    private static final long MAX_XML = 64 * 1024;

    private OwnerOnlyAcl() {
    }

    /** Answers GetBucketAcl / GetObjectAcl for something owned by {@code ownerUid}. */
    public static void send(S3Exchange x, int ownerUid) throws IOException {
        String name = Integer.toUnsignedString(ownerUid);
        XmlWriter w = XmlWriter.document("AccessControlPolicy");
        Owner.write(w, "Owner", ownerUid, name);
        w.start("AccessControlList").start("Grant").startTyped("Grantee", "CanonicalUser")
                .element("ID", Integer.toUnsignedString(ownerUid)).element("DisplayName", name).end()
                .element("Permission", "FULL_CONTROL").end().end();
        x.sendXml(200, w);
    }

    /**
     * Refuses {@code x-amz-acl} and {@code x-amz-grant-*} headers that grant more than the owner's
     * full control, on any request (PutObject, CreateBucket, CopyObject, Put*Acl ...).
     */
    public static void checkHeaders(S3Request r) throws S3Exception {
        String canned = r.header("x-amz-acl");
        if (canned != null && !OWNER_ONLY_CANNED.contains(canned.strip().toLowerCase(Locale.ROOT))) {
            throw new S3Exception(S3Error.ACCESS_CONTROL_LIST_NOT_SUPPORTED,
                    "Canned ACL '" + canned.strip() + "' is not supported: only private; access follows the POSIX "
                            + "owner, group and mode (set them through FUSE, NFS or mfs tools)");
        }
        for (String h : GRANT_HEADERS) {
            if (r.header(h) != null) {
                throw new S3Exception(S3Error.ACCESS_CONTROL_LIST_NOT_SUPPORTED,
                        h + " is not supported: access follows the POSIX owner, group and mode");
            }
        }
    }

    /** Reads a PutBucketAcl / PutObjectAcl body (checked against its digests) and accepts it as {@link #checkBody}. */
    public static void checkBody(S3Exchange x, int ownerUid) throws IOException {
        checkBody(UploadChecks.smallBody(x, MAX_XML), ownerUid);
    }

    /** Accepts a PutBucketAcl / PutObjectAcl body only when it grants FULL_CONTROL to the owner alone. */
    public static void checkBody(byte[] body, int ownerUid) throws IOException {
        if (body.length == 0) {
            return;
        }
        Element root = XmlReader.parse(new ByteArrayInputStream(body), MAX_XML);
        XmlReader.expectRoot(root, "AccessControlPolicy");
        List<Element> lists = XmlReader.children(root, "AccessControlList");
        List<Element> grants = lists.isEmpty() ? List.of() : XmlReader.children(lists.get(0), "Grant");
        String owner = Integer.toUnsignedString(ownerUid);
        for (Element g : grants) {
            List<Element> grantee = XmlReader.children(g, "Grantee");
            String id = grantee.isEmpty() ? null : XmlReader.text(grantee.get(0), "ID");
            if (!owner.equals(id) || !"FULL_CONTROL".equals(XmlReader.text(g, "Permission"))) {
                throw new S3Exception(S3Error.ACCESS_CONTROL_LIST_NOT_SUPPORTED,
                        "Only FULL_CONTROL for the owner (ID " + owner + ") can be granted: access follows the "
                                + "POSIX owner, group and mode");
            }
        }
    }
}
