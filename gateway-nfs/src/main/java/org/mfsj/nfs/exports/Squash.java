package org.mfsj.nfs.exports;

/** Whose identity the gateway replaces by the anonymous one. */
public enum Squash {
    /** Trust every uid, root included. */
    NONE,
    /** Map uid 0 (and gid 0) to the anonymous ids. */
    ROOT,
    /** Map everyone to the anonymous ids. */
    ALL
}
