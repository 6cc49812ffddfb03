package org.mfsj.master.service;

import java.util.Map;
import java.util.WeakHashMap;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.client2master.ReadSession;
import org.mfsj.common.wire.client2master.RegisterSessionReply;
import org.mfsj.common.wire.client2master.StatusReply;
import org.mfsj.common.wire.client2master.VersionNotice;
import org.mfsj.common.wire.client2master.WatchVersions;
import org.mfsj.master.net.RequestDispatcher;

/**
 * The leader's part in reads served by followers: clients that read from followers ask to be told
 * the version behind each reply ({@link WatchVersions}), which they then ask a follower to reach
 * before it answers them; a read session asked of the leader itself is refused, its clients read
 * through their ordinary session. Master thread only.
 */
public final class FollowerReadCalls {
    /** Per watching connection: the last version it was told (weak: a closed connection just goes). */
    private final Map<Peer, Long> told = new WeakHashMap<>();
    private Runnable firstWatcher = () -> { };

    /** Runs when a client first asks for versions: followers then serve reads, and need commits promptly. */
    public void onFirstWatcher(Runnable r) {
        firstWatcher = r;
    }

    public void register(RequestDispatcher d) {
        d.on(WatchVersions.class, (p, r) -> {
            if (told.isEmpty()) {
                firstWatcher.run();
            }
            told.putIfAbsent(p, 0L);
            return new StatusReply(r.msgId(), Status.OK);
        }, ErrorReplies::status);
        d.on(ReadSession.class, (p, r) -> new RegisterSessionReply(r.msgId(), Status.EAGAIN, 0, 0, false,
                "this master leads: it serves reads on the ordinary session; ask a follower for a read session"),
                (id, st) -> new RegisterSessionReply(id, st, 0, 0));
    }

    /**
     * The notice to send right before a reply to {@code to} that waits for {@code version} to be
     * durable, or null when {@code to} does not watch versions or was told this one already.
     */
    public VersionNotice noticeBefore(Peer to, long version) {
        Long last = told.get(to);
        if (last == null || version <= last) {
            return null;
        }
        told.put(to, version);
        return new VersionNotice(0, version);
    }
}
