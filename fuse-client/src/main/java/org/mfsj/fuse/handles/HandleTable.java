package org.mfsj.fuse.handles;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.mfsj.common.status.MfsException;
import org.mfsj.common.status.Status;

/** What the kernel's file handle numbers ({@code fi->fh}) stand for; numbers are never reused. */
public final class HandleTable<T> {
    private final String kind;
    private final AtomicLong next = new AtomicLong(1);
    private final Map<Long, T> map = new ConcurrentHashMap<>();

    public HandleTable(String kind) {
        this.kind = kind;
    }

    public long add(T value) {
        long fh = next.getAndIncrement();
        map.put(fh, value);
        return fh;
    }

    /** The value behind {@code fh}; EBADF when there is none (a kernel/libfuse bug, or a double release). */
    public T get(long fh) throws MfsException {
        T v = map.get(fh);
        if (v == null) {
            throw new MfsException(Status.EBADF, "no open " + kind + " with handle " + fh);
        }
        return v;
    }

    public T remove(long fh) throws MfsException {
        T v = map.remove(fh);
        if (v == null) {
            throw new MfsException(Status.EBADF, "no open " + kind + " with handle " + fh);
        }
        return v;
    }

    public int size() {
        return map.size();
    }

    public List<T> all() {
        return List.copyOf(map.values());
    }
}
