package org.mfsj.nfs.v4.xdr;

import java.io.IOException;
import org.dcache.oncrpc4j.xdr.XdrEncodingStream;
import org.mfsj.client.FsStat;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.types.Attr;
import org.mfsj.nfs.fs.Rdev;
import org.mfsj.nfs.rpc.XdrBytes;
import org.mfsj.nfs.v3.Nfs3;
import org.mfsj.nfs.v3.xdr.Fattr3;

/**
 * fattr4 out: the attributes we support, encoded in bit order into the attrlist4 opaque. Values
 * come from one {@link Source} so GETATTR and READDIR encode the same way.
 */
public final class Fattr4Codec {
    public static final int SUPPORTED_ATTRS = 0;
    public static final int TYPE = 1;
    public static final int FH_EXPIRE_TYPE = 2;
    public static final int CHANGE = 3;
    public static final int SIZE = 4;
    public static final int LINK_SUPPORT = 5;
    public static final int SYMLINK_SUPPORT = 6;
    public static final int NAMED_ATTR = 7;
    public static final int FSID = 8;
    public static final int UNIQUE_HANDLES = 9;
    public static final int LEASE_TIME = 10;
    public static final int RDATTR_ERROR = 11;
    public static final int ACLSUPPORT = 13;
    public static final int CANSETTIME = 15;
    public static final int CASE_INSENSITIVE = 16;
    public static final int CASE_PRESERVING = 17;
    public static final int CHOWN_RESTRICTED = 18;
    public static final int FILEHANDLE = 19;
    public static final int FILEID = 20;
    public static final int FILES_AVAIL = 21;
    public static final int FILES_FREE = 22;
    public static final int FILES_TOTAL = 23;
    public static final int HOMOGENEOUS = 24;
    public static final int MAXFILESIZE = 27;
    public static final int MAXLINK = 28;
    public static final int MAXNAME = 29;
    public static final int MAXREAD = 30;
    public static final int MAXWRITE = 31;
    public static final int MODE = 33;
    public static final int NO_TRUNC = 34;
    public static final int NUMLINKS = 35;
    public static final int OWNER = 36;
    public static final int OWNER_GROUP = 37;
    public static final int RAWDEV = 41;
    public static final int SPACE_AVAIL = 42;
    public static final int SPACE_FREE = 43;
    public static final int SPACE_TOTAL = 44;
    public static final int SPACE_USED = 45;
    public static final int TIME_ACCESS = 47;
    public static final int TIME_ACCESS_SET = 48;
    public static final int TIME_DELTA = 51;
    public static final int TIME_METADATA = 52;
    public static final int TIME_MODIFY = 53;
    public static final int TIME_MODIFY_SET = 54;
    public static final int MOUNTED_ON_FILEID = 55;
    public static final int SUPPATTR_EXCLUSIVE = 75;

    public static final Bitmap4 SUPPORTED = Bitmap4.of(SUPPORTED_ATTRS, TYPE, FH_EXPIRE_TYPE, CHANGE, SIZE,
            LINK_SUPPORT, SYMLINK_SUPPORT, NAMED_ATTR, FSID, UNIQUE_HANDLES, LEASE_TIME, RDATTR_ERROR, ACLSUPPORT,
            CANSETTIME, CASE_INSENSITIVE, CASE_PRESERVING, CHOWN_RESTRICTED, FILEHANDLE, FILEID, FILES_AVAIL,
            FILES_FREE, FILES_TOTAL, HOMOGENEOUS, MAXFILESIZE, MAXLINK, MAXNAME, MAXREAD, MAXWRITE, MODE, NO_TRUNC,
            NUMLINKS, OWNER, OWNER_GROUP, RAWDEV, SPACE_AVAIL, SPACE_FREE, SPACE_TOTAL, SPACE_USED, TIME_ACCESS,
            TIME_ACCESS_SET, TIME_DELTA, TIME_METADATA, TIME_MODIFY, TIME_MODIFY_SET, MOUNTED_ON_FILEID,
            SUPPATTR_EXCLUSIVE);
    /** What EXCLUSIVE4_1 creation may set besides the verifier (RFC 8881 5.8.3.1). */
    public static final Bitmap4 EXCLUSIVE_SETTABLE = Bitmap4.of(SIZE, MODE, OWNER, OWNER_GROUP);

    private static final long FREE_FILES = 1L << 31;

    /** Everything an attribute value may come from. {@code statfs} is asked only when space or files are. */
    public record Source(Attr attr, byte[] fh, long fsid, long leaseSeconds, IdMapper ids, StatFs statfs) {
    }

    /** The file system totals, fetched lazily. */
    public interface StatFs {
        FsStat get() throws MfsException;
    }

    private Fattr4Codec() {
    }

    /** The ctime as a change attribute: it moves with every change of data or metadata. */
    public static long change(Attr a) {
        return a.ctimeNanos();
    }

    /** The whole fattr4 (bitmap and values) as bytes, so a failure shows before any reply is written. */
    public static byte[] encode(Bitmap4 wanted, Source s) throws MfsException {
        try {
            return XdrBytes.encode(out -> encode(out, wanted, s));
        } catch (MfsException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("encoding into memory failed", e);
        }
    }

    /** Encodes {@code wanted ∩ supported} and returns which bits were encoded. */
    public static Bitmap4 encode(XdrEncodingStream out, Bitmap4 wanted, Source s) throws IOException, MfsException {
        Bitmap4 bits = wanted.and(SUPPORTED);
        FsStat[] fs = new FsStat[1];
        byte[] values = XdrBytes.encode(x -> {
            for (int b = 0; b < 128; b++) {
                if (bits.has(b)) {
                    value(x, b, s, fs);
                }
            }
        });
        bits.encode(out);
        out.xdrEncodeDynamicOpaque(values);
        return bits;
    }

    private static FsStat fs(Source s, FsStat[] cache) throws IOException {
        if (cache[0] == null) {
            cache[0] = s.statfs().get();
        }
        return cache[0];
    }

    private static void value(XdrEncodingStream x, int bit, Source s, FsStat[] cache) throws IOException {
        Attr a = s.attr();
        switch (bit) {
            case SUPPORTED_ATTRS -> SUPPORTED.encode(x);
            case TYPE -> x.xdrEncodeInt(Fattr3.type(a));
            case FH_EXPIRE_TYPE, ACLSUPPORT, RDATTR_ERROR -> x.xdrEncodeInt(0);
            case CHANGE -> x.xdrEncodeLong(change(a));
            case SIZE -> x.xdrEncodeLong(a.length());
            case LINK_SUPPORT, SYMLINK_SUPPORT, UNIQUE_HANDLES, CANSETTIME, CASE_PRESERVING, CHOWN_RESTRICTED,
                 HOMOGENEOUS, NO_TRUNC -> x.xdrEncodeBoolean(true);
            case NAMED_ATTR, CASE_INSENSITIVE -> x.xdrEncodeBoolean(false);
            case FSID -> {
                x.xdrEncodeLong(s.fsid());
                x.xdrEncodeLong(0);
            }
            case LEASE_TIME -> x.xdrEncodeInt((int) s.leaseSeconds());
            case FILEHANDLE -> x.xdrEncodeDynamicOpaque(s.fh());
            case FILEID, MOUNTED_ON_FILEID -> x.xdrEncodeLong(a.inode());
            case FILES_AVAIL, FILES_FREE -> x.xdrEncodeLong(FREE_FILES);
            case FILES_TOTAL -> x.xdrEncodeLong(fs(s, cache).inodes() + FREE_FILES);
            case MAXFILESIZE -> x.xdrEncodeLong(Long.MAX_VALUE);
            case MAXLINK -> x.xdrEncodeInt(32_000);
            case MAXNAME -> x.xdrEncodeInt(255);
            case MAXREAD, MAXWRITE -> x.xdrEncodeLong(Nfs3.MAX_IO);
            case MODE -> x.xdrEncodeInt(a.mode() & 07777);
            case NUMLINKS -> x.xdrEncodeInt(a.nlink());
            case OWNER -> x.xdrEncodeString(s.ids().user(a.uid()));
            case OWNER_GROUP -> x.xdrEncodeString(s.ids().group(a.gid()));
            case RAWDEV -> {
                x.xdrEncodeInt(Rdev.major(a.rdev()));
                x.xdrEncodeInt(Rdev.minor(a.rdev()));
            }
            case SPACE_AVAIL -> x.xdrEncodeLong(fs(s, cache).availBytes());
            case SPACE_FREE -> x.xdrEncodeLong(Math.max(0, fs(s, cache).totalBytes() - fs(s, cache).usedBytes()));
            case SPACE_TOTAL -> x.xdrEncodeLong(fs(s, cache).totalBytes());
            case SPACE_USED -> x.xdrEncodeLong(Fattr3.used(a));
            case TIME_ACCESS -> Time4.encode(x, a.atimeNanos());
            case TIME_DELTA -> Time4.encode(x, 1);
            case TIME_METADATA -> Time4.encode(x, a.ctimeNanos());
            case TIME_MODIFY -> Time4.encode(x, a.mtimeNanos());
            case SUPPATTR_EXCLUSIVE -> EXCLUSIVE_SETTABLE.encode(x);
            default -> throw new IllegalStateException("attribute " + bit + " is marked supported but not encoded");
        }
    }
}
