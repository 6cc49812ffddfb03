package org.mfsj.common.locks;

/** What a lock request asks for; UNLOCK releases the range. Codes are stable on the wire. */
public enum LockType {
    READ(1), WRITE(2), UNLOCK(3);

    private final int code;

    LockType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static LockType fromCode(int code) {
        for (LockType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown lock type " + code);
    }
}
