package org.mfsj.s3.list;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import org.mfsj.s3.store.DirMarkers;
import org.mfsj.s3.store.Etags;
import org.mfsj.s3.store.ObjectMeta;
import org.mfsj.s3.store.S3Store;

/**
 * One page of a listing: objects and common prefixes (any delimiter) in S3 order, at most
 * {@code maxKeys} of both together, and where the next page starts.
 *
 * @param next the last key or common prefix of this page; resume after it
 */
public record Listing(List<Obj> objects, List<String> commonPrefixes, boolean truncated, String next) {

    /** One object of the page. */
    public record Obj(String key, Attr attr, ObjectMeta meta) {
    }

    /**
     * @param after resume strictly after this key ("" from the start); when it is a common prefix
     *              (ends with the delimiter) the keys under it are skipped too
     */
    public static Listing page(S3Store store, Creds creds, long bucket, String prefix, String delimiter,
                               String after, int maxKeys) throws IOException {
        KeyWalker w = new KeyWalker(store.client(), store.dirCache(), dir -> store.markers().has(creds, dir), creds,
                bucket, prefix, after);
        boolean delimited = delimiter != null && !delimiter.isEmpty();
        if (delimited && !after.isEmpty() && after.startsWith(prefix) && after.endsWith(delimiter)
                && after.substring(prefix.length()).indexOf(delimiter) == after.length() - prefix.length()
                - delimiter.length()) {
            w.skip(after);
        }
        List<Obj> objects = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        String last = null;
        while (objects.size() + prefixes.size() < maxKeys) {
            KeyWalker.Item it = w.next();
            if (it == null) {
                return new Listing(objects, prefixes, false, last);
            }
            String rest = it.key().substring(prefix.length());
            int i = delimited ? rest.indexOf(delimiter) : -1;
            if (i >= 0) {
                String cp = prefix + rest.substring(0, i + delimiter.length());
                prefixes.add(cp);
                w.skip(cp);
                last = cp;
                continue;
            }
            Obj o = object(store, creds, it);
            if (o != null) {
                objects.add(o);
                last = it.key();
            }
        }
        return new Listing(objects, prefixes, maxKeys > 0 && w.hasNext(), last);
    }

    /** The page a listing request asks for, in the bucket it names, resuming after {@code after}. */
    public static Listing page(S3Store store, org.mfsj.s3.http.S3Exchange x, ListParams p, String after)
            throws IOException {
        long bucket = store.bucket(x.creds(), x.request().bucket()).inode();
        return page(store, x.creds(), bucket, p.prefix(), p.delimiter(), after, p.maxKeys());
    }

    private static Obj object(S3Store store, Creds creds, KeyWalker.Item it) throws IOException {
        if (it.marker()) {
            return marker(store, creds, it);
        }
        Attr a;
        try {
            a = store.client().getattr(it.inode());
        } catch (MfsException e) {
            return null; // removed since the directory was read
        }
        if (!a.isFile()) {
            return null;
        }
        return new Obj(it.key(), a, Etags.ensure(store, creds, a));
    }

    private static Obj marker(S3Store store, Creds creds, KeyWalker.Item it) {
        ObjectMeta meta = store.markers().get(creds, it.inode());
        if (meta == null) {
            return null; // taken off since the walk saw it
        }
        try {
            return new Obj(it.key(), DirMarkers.asObject(store.client().getattr(it.inode()), meta), meta);
        } catch (MfsException e) {
            return null;
        }
    }
}
