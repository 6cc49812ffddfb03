package org.mfsj.s3.tagging;

import java.io.IOException;
import java.util.Optional;
import org.mfsj.s3.http.S3Exchange;
import org.mfsj.s3.op.UploadChecks;
import org.mfsj.s3.store.Found;
import org.mfsj.s3.store.S3Store;

/** What carries tags, with where S3 treats the two differently: limits, answers, where they are kept. */
public enum TagTarget {
    /** An object: up to 10 tags; a PUT answers 200; no tags read as an empty set. */
    OBJECT(TagSet.OBJECT_LIMIT, 200) {
        @Override
        Optional<TagSet> read(S3Store store, Tags tags, S3Exchange x) throws IOException {
            try (Found f = find(store, x)) {
                return Optional.of(new TagSet(f.meta().tags()));
            }
        }

        @Override
        void write(S3Store store, Tags tags, S3Exchange x, TagSet set) throws IOException {
            try (Found f = find(store, x)) {
                tags.setOnObject(x.creds(), f, set);
            }
        }

        private Found find(S3Store store, S3Exchange x) throws IOException {
            return store.find(x.creds(), bucket(store, x), x.request().key(), false);
        }
    },
    /** A bucket: up to 50 tags; a PUT answers 204; no tags is NoSuchTagSet. */
    BUCKET(TagSet.BUCKET_LIMIT, 204) {
        @Override
        Optional<TagSet> read(S3Store store, Tags tags, S3Exchange x) throws IOException {
            return tags.ofBucket(x.creds(), bucket(store, x));
        }

        @Override
        void write(S3Store store, Tags tags, S3Exchange x, TagSet set) throws IOException {
            tags.setOnBucket(x.creds(), bucket(store, x), set);
        }
    };

    final int limit;
    final int putStatus;

    TagTarget(int limit, int putStatus) {
        this.limit = limit;
        this.putStatus = putStatus;
    }

    /** The tags there: empty when an object has none, absent when a bucket has none. */
    abstract Optional<TagSet> read(S3Store store, Tags tags, S3Exchange x) throws IOException;

    /** Replaces the tags there; an empty set removes them. */
    abstract void write(S3Store store, Tags tags, S3Exchange x, TagSet set) throws IOException;

    static long bucket(S3Store store, S3Exchange x) throws IOException {
        return store.bucket(x.creds(), x.request().bucket()).inode();
    }

    /** The {@code <Tagging>} body, its Content-MD5 or checksum verified when one was sent. */
    TagSet body(S3Exchange x) throws IOException {
        return TagSet.parseXml(UploadChecks.smallBody(x, TagSet.MAX_XML), limit);
    }
}
