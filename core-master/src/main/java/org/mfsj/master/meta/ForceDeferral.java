package org.mfsj.master.meta;

/**
 * Told around each request, so that the changes one request makes are forced together (the log
 * would otherwise start forcing the first while the request makes the next), and those of a
 * request answered once applied only with a later change someone waits for. The dispatcher tells
 * it; the {@link Journal} is it.
 */
public interface ForceDeferral {
    ForceDeferral NONE = new ForceDeferral() {
        @Override
        public void defer(boolean noOneWaits) {
        }

        @Override
        public void undefer(boolean forceNow) {
        }
    };

    /** Changes from now on may wait for a later force; {@code noOneWaits}: answered once applied. */
    void defer(boolean noOneWaits);

    /** Changes are forced as they come again; {@code forceNow}: the deferred ones too, now. */
    void undefer(boolean forceNow);
}
