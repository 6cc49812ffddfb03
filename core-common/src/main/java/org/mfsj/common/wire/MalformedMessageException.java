package org.mfsj.common.wire;

/** A frame that breaks the protocol; the connection that sent it is closed. */
public class MalformedMessageException extends RuntimeException {
    public MalformedMessageException(String message) {
        super(message);
    }
}
