package org.mfsj.master.net;

/**
 * Brackets the serving of one request on the master thread, so that every change it makes is
 * forced to the changelog together: a request that makes two changes (a new chunk's id and its
 * slot in the file) is then answered after one force instead of two.
 */
public interface ChangeBatching {
    ChangeBatching NONE = new ChangeBatching() {
        @Override
        public void begin() {
        }

        @Override
        public void end() {
        }
    };

    /** Changes made from now on wait for {@link #end} before they are forced. */
    void begin();

    /** The changes made since {@link #begin} may be forced. */
    void end();
}
