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

    /**
     * An error that is a routine answer (an attribute known to be absent), built without a stack
     * trace: the mount gives such answers from its caches once per write(2) (the kernel's
     * security.capability question), and filling in the trace was most of their cost. Never for a
     * failure someone may have to trace.
     */
    public static MfsException answer(Status status, String detail) {
        return new Answer(status, detail);
    }

    private static final class Answer extends MfsException {
        Answer(Status status, String detail) {
            super(status, detail);
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** Throws unless {@code status} is OK; {@code what} names the operation for the message. */
    public static void check(Status status, String what) throws MfsException {
        if (!status.isOk()) {
            throw new MfsException(status, what + ": " + status.message());
        }
    }
}
