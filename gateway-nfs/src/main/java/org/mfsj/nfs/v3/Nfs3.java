package org.mfsj.nfs.v3;

/** Numbers of NFS version 3 (RFC 1813), as they are on the wire. */
public final class Nfs3 {
    public static final int PROGRAM = 100003;
    public static final int VERSION = 3;
    public static final int FHSIZE = 64;

    public static final int OK = 0;
    public static final int ERR_PERM = 1;
    public static final int ERR_NOENT = 2;
    public static final int ERR_IO = 5;
    public static final int ERR_NXIO = 6;
    public static final int ERR_ACCES = 13;
    public static final int ERR_EXIST = 17;
    public static final int ERR_XDEV = 18;
    public static final int ERR_NODEV = 19;
    public static final int ERR_NOTDIR = 20;
    public static final int ERR_ISDIR = 21;
    public static final int ERR_INVAL = 22;
    public static final int ERR_FBIG = 27;
    public static final int ERR_NOSPC = 28;
    public static final int ERR_ROFS = 30;
    public static final int ERR_MLINK = 31;
    public static final int ERR_NAMETOOLONG = 63;
    public static final int ERR_NOTEMPTY = 66;
    public static final int ERR_DQUOT = 69;
    public static final int ERR_STALE = 70;
    public static final int ERR_BADHANDLE = 10001;
    public static final int ERR_NOT_SYNC = 10002;
    public static final int ERR_BAD_COOKIE = 10003;
    public static final int ERR_NOTSUPP = 10004;
    public static final int ERR_TOOSMALL = 10005;
    public static final int ERR_SERVERFAULT = 10006;
    public static final int ERR_BADTYPE = 10007;
    public static final int ERR_JUKEBOX = 10008;

    public static final int REG = 1;
    public static final int DIR = 2;
    public static final int BLK = 3;
    public static final int CHR = 4;
    public static final int LNK = 5;
    public static final int SOCK = 6;
    public static final int FIFO = 7;

    public static final int ACCESS_READ = 0x01;
    public static final int ACCESS_LOOKUP = 0x02;
    public static final int ACCESS_MODIFY = 0x04;
    public static final int ACCESS_EXTEND = 0x08;
    public static final int ACCESS_DELETE = 0x10;
    public static final int ACCESS_EXECUTE = 0x20;

    public static final int UNSTABLE = 0;
    public static final int DATA_SYNC = 1;
    public static final int FILE_SYNC = 2;

    public static final int CREATE_UNCHECKED = 0;
    public static final int CREATE_GUARDED = 1;
    public static final int CREATE_EXCLUSIVE = 2;

    /** Largest READ/WRITE payload we offer (FSINFO rtmax/wtmax). */
    public static final int MAX_IO = 1 << 20;

    private Nfs3() {
    }
}
