package org.mfsj.s3;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import org.mfsj.s3.acl.GetBucketAcl;
import org.mfsj.s3.acl.GetObjectAcl;
import org.mfsj.s3.acl.PutBucketAcl;
import org.mfsj.s3.acl.PutObjectAcl;
import org.mfsj.s3.cors.CorsConfigs;
import org.mfsj.s3.http.S3Operation;
import org.mfsj.s3.op.bucket.CreateBucket;
import org.mfsj.s3.op.bucket.DeleteBucket;
import org.mfsj.s3.op.bucket.DeleteBucketCors;
import org.mfsj.s3.op.bucket.DeleteObjects;
import org.mfsj.s3.op.bucket.GetBucketCors;
import org.mfsj.s3.op.bucket.GetBucketLocation;
import org.mfsj.s3.op.bucket.GetBucketVersioning;
import org.mfsj.s3.op.bucket.HeadBucket;
import org.mfsj.s3.op.bucket.ListBuckets;
import org.mfsj.s3.op.bucket.ListObjectVersions;
import org.mfsj.s3.op.bucket.ListObjects;
import org.mfsj.s3.op.bucket.ListObjectsV2;
import org.mfsj.s3.op.bucket.PutBucketCors;
import org.mfsj.s3.op.multipart.AbortMultipartUpload;
import org.mfsj.s3.op.multipart.CompleteMultipartUpload;
import org.mfsj.s3.op.multipart.CreateMultipartUpload;
import org.mfsj.s3.op.multipart.ListMultipartUploads;
import org.mfsj.s3.op.multipart.ListParts;
import org.mfsj.s3.op.multipart.UploadPart;
import org.mfsj.s3.op.multipart.UploadPartCopy;
import org.mfsj.s3.op.multipart.Uploads;
import org.mfsj.s3.op.object.CopyObject;
import org.mfsj.s3.op.object.DeleteObject;
import org.mfsj.s3.op.object.GetObject;
import org.mfsj.s3.op.object.HeadObject;
import org.mfsj.s3.op.object.PutObject;
import org.mfsj.s3.store.S3Store;
import org.mfsj.s3.tagging.DeleteTagging;
import org.mfsj.s3.tagging.GetTagging;
import org.mfsj.s3.tagging.PutTagging;
import org.mfsj.s3.tagging.TagTarget;
import org.mfsj.s3.tagging.Tags;

/** The dispatch table: AWS API name to the operation that serves it. */
final class Operations {
    private Operations() {
    }

    static Map<String, S3Operation> all(S3Store store, Uploads uploads, S3Config cfg, CorsConfigs cors,
            Executor reads) {
        Map<String, S3Operation> m = new HashMap<>();
        m.put("ListBuckets", new ListBuckets(store));
        m.put("CreateBucket", new CreateBucket(store));
        m.put("HeadBucket", new HeadBucket(store, cfg.region()));
        m.put("DeleteBucket", new DeleteBucket(store));
        m.put("GetBucketLocation", new GetBucketLocation(store, cfg.region()));
        m.put("GetBucketVersioning", new GetBucketVersioning(store));
        m.put("ListObjects", new ListObjects(store));
        m.put("ListObjectsV2", new ListObjectsV2(store));
        m.put("ListObjectVersions", new ListObjectVersions(store));
        m.put("DeleteObjects", new DeleteObjects(store));
        m.put("PutBucketCors", new PutBucketCors(store, cors));
        m.put("GetBucketCors", new GetBucketCors(store, cors));
        m.put("DeleteBucketCors", new DeleteBucketCors(store, cors));
        m.put("GetBucketAcl", new GetBucketAcl(store));
        m.put("PutBucketAcl", new PutBucketAcl(store));
        m.put("GetObjectAcl", new GetObjectAcl(store));
        m.put("PutObjectAcl", new PutObjectAcl(store));
        Tags tags = new Tags(store.client());
        for (TagTarget t : TagTarget.values()) {
            String on = t == TagTarget.OBJECT ? "Object" : "Bucket";
            m.put("Get" + on + "Tagging", new GetTagging(store, tags, t));
            m.put("Put" + on + "Tagging", new PutTagging(store, tags, t));
            m.put("Delete" + on + "Tagging", new DeleteTagging(store, tags, t));
        }
        m.put("PutObject", new PutObject(store));
        m.put("GetObject", new GetObject(store, reads));
        m.put("HeadObject", new HeadObject(store));
        m.put("DeleteObject", new DeleteObject(store));
        m.put("CopyObject", new CopyObject(store));
        m.put("CreateMultipartUpload", new CreateMultipartUpload(uploads));
        m.put("UploadPart", new UploadPart(uploads));
        m.put("UploadPartCopy", new UploadPartCopy(uploads));
        m.put("CompleteMultipartUpload", new CompleteMultipartUpload(uploads, cfg.minPartSize()));
        m.put("AbortMultipartUpload", new AbortMultipartUpload(uploads));
        m.put("ListMultipartUploads", new ListMultipartUploads(uploads));
        m.put("ListParts", new ListParts(uploads));
        return m;
    }

    static Uploads uploads(S3Store store, Clock clock) {
        return new Uploads(store, clock);
    }
}
