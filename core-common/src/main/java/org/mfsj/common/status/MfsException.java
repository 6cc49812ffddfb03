package org.mfsj.common.status;

import java.io.IOException;

/** The one exception type that carries a {@link Status} across module boundaries. */
public class MfsException extends IOException {
    private final Status status;

    public MfsException(Status status) {
        super(status.name() + ": " + status.message());
        this.status = status;
    }

    public MfsException(Status status, String detail) {
        super(status.name() + ": " + detail);
        this.status = status;
    }

    public MfsException(Status status, String detail, Throwable cause) {
        super(status.name() + ": " + detail, cause);
        this.status = status;
    }

    public Status status() {
        return status;
    }

    /** Throws unless {@code status} is OK; {@code what} names the operation for the message. */
    public static void check(Status status, String what) throws MfsException {
        if (!status.isOk()) {
            throw new MfsException(status, what + ": " + status.message());
        }
    }
}
