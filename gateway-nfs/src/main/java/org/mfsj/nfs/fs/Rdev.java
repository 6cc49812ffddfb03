package org.mfsj.nfs.fs;

/** Device numbers: ours are Linux dev_t values (as FUSE passes them), NFS sends major and minor. */
public final class Rdev {
    private Rdev() {
    }

    public static int major(int dev) {
        return (dev & 0xfff00) >>> 8;
    }

    public static int minor(int dev) {
        return (dev & 0xff) | ((dev >>> 12) & 0xfff00);
    }

    public static int of(int major, int minor) {
        return (minor & 0xff) | ((major & 0xfff) << 8) | ((minor & ~0xff) << 12);
    }
}
