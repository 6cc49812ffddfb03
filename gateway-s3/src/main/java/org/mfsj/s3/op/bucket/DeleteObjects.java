package org.mfsj.s3.op.bucket;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.mfsj.s3.error.S3Error;
import org.mfsj.s3.error.S3Exception;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.op.UploadChecks;
import org.mfsj.s3.store.S3Store;
import org.mfsj.s3.xml.XmlReader;
import org.mfsj.s3.xml.XmlWriter;
import org.w3c.dom.Element;

/** DeleteObjects: up to 1000 keys in one request; each answered as Deleted or Error, with its version if named. */
public final class DeleteObjects implements S3Operation {
    private static final int MAX_KEYS = 1000;
    private static final long MAX_BODY = 2L << 20;

    private final S3Store store;

    public DeleteObjects(S3Store store) {
        this.store = store;
    }

    @Override
    public void handle(S3Exchange x) throws IOException {
        long bucket = store.bucket(x.creds(), x.request().bucket()).inode();
        byte[] body = UploadChecks.smallBody(x, MAX_BODY);
        Element root = XmlReader.parse(new java.io.ByteArrayInputStream(body), MAX_BODY);
        XmlReader.expectRoot(root, "Delete");
        boolean quiet = "true".equalsIgnoreCase(String.valueOf(XmlReader.text(root, "Quiet")).strip());
        List<Target> targets = new ArrayList<>();
        for (Element o : XmlReader.children(root, "Object")) {
            targets.add(new Target(XmlReader.required(o, "Key"), XmlReader.text(o, "VersionId")));
        }
        if (targets.isEmpty() || targets.size() > MAX_KEYS) {
            throw new S3Exception(S3Error.MALFORMED_XML, "A Delete request names 1 to " + MAX_KEYS + " objects");
        }
        XmlWriter w = XmlWriter.document("DeleteResult");
        for (Target t : targets) {
            try {
                if (t.version() != null && !t.version().equals("null")) {
                    // a bucket that never had versioning holds only the "null" version of each key
                    throw new S3Exception(S3Error.NO_SUCH_VERSION);
                }
                store.delete(x.creds(), bucket, t.key());
                if (!quiet) {
                    w.start("Deleted").element("Key", t.key()).optional("VersionId", t.version()).end();
                }
            } catch (S3Exception e) {
                w.start("Error").element("Key", t.key()).optional("VersionId", t.version())
                        .element("Code", e.error().code()).element("Message", e.getMessage()).end();
            }
        }
        x.sendXml(200, w);
    }

    /** A key to delete, and the version the request named (S3 repeats it in the answer). */
    private record Target(String key, String version) {
    }
}
