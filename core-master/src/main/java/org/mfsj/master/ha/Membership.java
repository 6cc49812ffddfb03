package org.mfsj.master.ha;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.mfsj.common.types.ServerAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who votes, by address: the newest voter set in the log (committed or not), or before any the
 * configuration's (this master and the peers its seed keys name). Turns that set into peer
 * indexes for the consensus core, adding a peer link for a master the configuration does not name.
 * A master knows itself in a set by its own sync port on an address of this machine. Master thread.
 */
public final class Membership {
    private static final Logger LOG = LoggerFactory.getLogger(Membership.class);

    private final PeerLinks links;
    private final ServerAddress self;
    private final List<ServerAddress> configured;

    /**
     * @param self       this master's sync address as the others reach it (written into voter sets)
     * @param configured the peers the configuration names, in the order of the peer links
     */
    public Membership(PeerLinks links, ServerAddress self, List<ServerAddress> configured) {
        this.links = links;
        this.self = self;
        this.configured = List.copyOf(configured);
    }

    public ServerAddress self() {
        return self;
    }

    public boolean isSelf(ServerAddress a) {
        return SyncAddresses.isLocal(a, self.port());
    }

    /** The voters the configuration names: this master first, then its peers. */
    public List<String> configured() {
        List<String> all = new ArrayList<>();
        all.add(self.toString());
        configured.forEach(a -> all.add(a.toString()));
        return all;
    }

    /** The voters as {@code log} names them, or the configuration's when it names none. */
    public List<String> current(HaLog log) {
        return log.voters().isEmpty() ? configured() : log.voters();
    }

    /** Hands the voters of {@code log} to the consensus core. */
    public void apply(HaLog log, RaftCore raft) {
        Set<Integer> peers = new TreeSet<>();
        boolean selfVotes = false;
        for (String m : current(log)) {
            ServerAddress a = parse(m);
            if (isSelf(a)) {
                selfVotes = true;
            } else {
                peers.add(links.add(a));
            }
        }
        raft.quorum().set(links.size(), peers, selfVotes, log.votersVersion());
        links.retainOnly(raft.quorum().targets());
    }

    /** One line when the log's voters differ from the configuration's: the log's rule. */
    public void checkConfiguration(HaLog log) {
        List<String> logged = log.voters();
        if (!logged.isEmpty() && !sameSet(logged, configured())) {
            LOG.warn("master {}: the configuration names voters {} but the log (changed by 'mfs master add|remove')"
                    + " names {}; the log's set is used: update mfsmaster.cfg to match", self, configured(), logged);
        }
    }

    static ServerAddress parse(String m) {
        return ServerAddress.parseList(m, 0).get(0);
    }

    private static boolean sameSet(List<String> a, List<String> b) {
        return a.size() == b.size() && a.stream().allMatch(x -> b.stream().anyMatch(
                y -> SyncAddresses.same(parse(x), parse(y))));
    }
}
