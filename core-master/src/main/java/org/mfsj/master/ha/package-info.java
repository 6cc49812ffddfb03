/**
 * Master HA: the changelog replicated to the other voting masters with majority commit and
 * elected leadership, in the manner of Raft (Ongaro and Ousterhout, 2014), over our own changelog
 * rather than a second log: one write and one fsync per batch, as a single master does.
 *
 * <h2>Pieces</h2>
 * {@link org.mfsj.master.ha.RaftCore} holds the rules and nothing else (no I/O, an injected clock);
 * {@link org.mfsj.master.ha.HaLog} is the changelog as both sides see it; the term file
 * ({@link org.mfsj.master.ha.FileTermStore}) keeps the current term and the vote;
 * {@link org.mfsj.master.ha.PeerLinks} and the master2follower wire family carry the messages.
 * A term's entries are marked by a {@code TermStart} record written first by each leader: the term
 * of an entry is that of the last term start before it, so the frame format did not change.
 *
 * <h2>Why an acknowledged change survives any minority failure</h2>
 * A reply (and a chunkserver order) waits in {@code Durability} until {@link
 * org.mfsj.master.ha.HaLog#durableVersion()} passes its version, which happens only when the
 * leader counts a majority of voters, itself included, holding the entry <em>durable</em>
 * (followers acknowledge only what they forced to disk and what matches the leader's log). A
 * leader counts only entries of its own term; entries of earlier terms become final with the
 * first entry of its term (its term start). A candidate gets a vote only from a master whose log
 * is not newer than its own (last term, then last version), and needs a majority of votes. Any
 * two majorities share a master, so every leader elected after the acknowledgement got a vote
 * from a master holding the entry, which means its own log holds it too (log matching: equal
 * (version, term) means equal logs up to there, because a leader writes each version once per
 * term and a follower appends only right after a matching (version, term)). A leader never drops
 * its own entries; followers drop only an uncommitted tail that conflicts with the leader's. So a
 * change once acknowledged is in every future leader's log: losing a minority of masters, their
 * disks included, loses nothing acknowledged.
 *
 * <h2>Why two leaders can never both acknowledge</h2>
 * A master votes at most once per term, and the vote and the term are on disk (fsynced) before the
 * answer leaves: one leader per term, even across restarts. A leader of an older term may still
 * believe it leads (it was paused, or cut off), but to acknowledge it needs a majority to accept
 * its entries, and every member of the majority that elected the newer leader has moved to the
 * newer term and refuses the older one's messages (each carries its term). So the old leader's
 * replies stay held, for ever: it learns of the newer term from the first answer it gets, steps
 * down at once, stops accepting changes ({@link org.mfsj.master.ha.HaLog#seal()}), closes every
 * client and chunkserver connection, and reloads its metadata from disk as a follower, its log
 * cut back to the new leader's. A leader that hears no majority for the longest election timeout
 * steps down by itself, so clients stuck on a cut-off leader are sent on within seconds.
 *
 * <h2>Followers</h2>
 * A follower appends the leader's entries and applies them to its metadata at once (hot standby:
 * an elected follower serves straight away). It may apply an entry that is not committed; if the
 * leader later makes it drop an applied entry, it reloads from disk (image + the cut log) instead
 * of undoing anything. Images are made of committed entries only, so an image never needs undoing.
 * Followers refuse client sessions and chunkserver registrations with {@code NOT_LEADER}; clients
 * and chunkservers then try the next master.
 *
 * <h2>Reads served by followers</h2>
 * A client that asks opens a read session on a follower ({@link org.mfsj.master.ha.ShadowReads}).
 * Because a follower's memory may hold entries not yet committed, an answer leaves only once the
 * leader's commit version (sent with every append, and at once after each commit while any client
 * reads from followers) has reached the version the answer was read at: a follower never shows a
 * change the group could still drop. Read-your-writes: the leader sends a watching client the
 * version behind each reply before the reply itself (same connection, so in order); the client
 * fences its follower connection at that version before its next read, and the follower holds the
 * read until it applied that far. Anything that cannot be answered within two seconds gets
 * {@code NOT_LEADER} and the client asks the leader. Every request but the six reads is refused.
 *
 * <h2>Planned hand-over</h2>
 * {@link org.mfsj.master.ha.LeaderTransfer} follows Raft's leadership transfer: the leader holds
 * client requests (so its log stops growing through clients), replicates to the target until its
 * match is the leader's last version, and sends {@code TimeoutNow}; the target stands at once in
 * the next term and, holding the newest log, gets the votes. Nothing in this changes the safety
 * argument: the target is an ordinary candidate and the old leader steps down on the higher term
 * as after any election. If the target does not catch up by the deadline, the hand-over is given up
 * and the held requests go on in order.
 *
 * <h2>A follower further behind than the log kept</h2>
 * Images drop the changelog files they cover ({@code BACK_LOGS} newest kept), so a follower may need
 * entries the leader no longer has. Below its <em>floor</em> ({@link org.mfsj.master.ha.RaftLog#floor()}:
 * the oldest version after which it holds entries with a known term) the leader sends its image
 * instead, as Raft's InstallSnapshot ({@link org.mfsj.master.ha.ImageSender}, ImagePart/ImageReply,
 * every piece with the term; {@code HA_IMAGE_RATE_KB} caps it). An image holds committed entries
 * only and records the term of its last one, so the follower knows the term at the image's version
 * and the leader goes on with entries after it. The follower stores the pieces aside
 * ({@link org.mfsj.master.ha.IncomingImage}); a cut transfer goes on from the bytes held, and the
 * file replaces the metadata only once whole and loaded in full (frame checksums, end counts).
 * It then drops its whole changelog, which is safe: it lacks the image's last entry (else it is
 * told "held" and keeps its log), so by log matching every entry it has past the image differs from
 * the leader's, and no such entry was ever committed; entries before it are in the image or equally
 * uncommitted. A follower receiving an image does not stand for election: it lacks entries a
 * majority holds, so it could not win, and the higher term would only depose the leader. Nor does a
 * follower whose own process was stopped stand the moment it runs again: the silence was its own.
 *
 * <h2>A master that lost its term file (joining)</h2>
 * A voter whose data directory was lost may have voted in the current term before; voting again
 * could elect two leaders in one term. So a master that starts without {@code raft.term} is a
 * <em>learner</em> ({@code raft.learner} marks it until then): it grants votes only to a candidate
 * with an empty log and stands only with an empty log itself, which is what a new group's first
 * election needs, and which cannot elect anyone in a group that has history (its voters refuse a
 * candidate without their entries). Once its log holds the commit version of the leader it first
 * heard, it records its vote in that term as given to that leader (elected without it) and votes
 * from then on. What remains: a vote given before the loss in a term above the leader's, to a
 * candidate no other master heard of, is forgotten; a lost disk counts as that master's failure.
 *
 * <h2>Not done yet</h2>
 * The voter set is fixed by the configuration. Open files are not replicated; locks are not either,
 * but clients take theirs back during a new leader's grace period (README, "Locks and failover").
 */
package org.mfsj.master.ha;
