/**
 * Master HA: the changelog replicated to the other voting masters with majority commit and
 * elected leadership, in the manner of Raft (Ongaro and Ousterhout, 2014), over our own changelog
 * rather than a second log: one write and one fsync per batch, as a single master does.
 *
 * <h2>Pieces</h2>
 * {@link org.mfsj.master.ha.RaftCore} holds the rules and nothing else (no I/O, an injected clock),
 * with collaborators for each part: {@code VoteRule} (a voter's answer), {@code PreVoteRound} (asking
 * before standing), {@code FollowerRule} (appending and acknowledging), {@code LeaderReplication}
 * (sending, commit, and the {@code ReadLease}), {@code HandOverRule}, {@code ImageCatchUp} and
 * {@link org.mfsj.master.ha.Quorum} (who counts);
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
 * its own entries while it leads, and a deposed one only in the case argued under "A first leader
 * nobody heard"; followers drop only an uncommitted tail that conflicts with the leader's. So a
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
 * steps down by itself, so clients stuck on a cut-off leader are sent on within seconds. That
 * silence counts from the end of its own set-up as leader, which holds the master thread (a cold
 * JVM on a loaded machine took 3 s): counted from its election, the new leader stepped down at its
 * first tick before sending anything, and followers that had never heard a leader (learners with
 * an empty log, which vote only for an empty log) would then vote for no one. Stepping down is
 * for liveness only; the read lease ({@link org.mfsj.master.ha.ReadLease}) keeps its own count.
 *
 * <h2>Pre-vote: a master cut off does not raise the term</h2>
 * When its election timeout passes, a master first asks the voters whether they would vote for it
 * ({@code PreVote}, Raft thesis 9.6; {@link org.mfsj.master.ha.PreVoteRound}); a voter answers by
 * the rules of a vote (a log at least as new as its own, a higher term than its own, no leader heard
 * within the shortest election timeout) and records nothing. Only with a majority of yeses does the
 * master raise its term and stand. Safety is the election's own (a pre-vote grants nothing); what
 * it buys is that a master cut off from the majority keeps its term while away, so once back its
 * answers carry no higher term that would depose the leader the others kept. A hand-over's target
 * stands without a pre-vote: the leader itself asked it to.
 *
 * <h2>Reads on the leader: the read lease</h2>
 * A reply waits for its version to be committed, but a read of committed state could still be
 * stale if another master had been elected and had committed changes since: a leader cut off
 * learns of that only when it steps down. So the leader answers client requests only under a
 * lease ({@link org.mfsj.master.ha.ReadLease}), held back otherwise
 * ({@link org.mfsj.master.ha.RequestHold}) until answers come back, or until it steps down and
 * its connections close. Each AppendEntries carries a sequence number as its message id and a
 * follower echoes the newest one it took in, so the leader knows a time by which that follower had
 * heard it: the message's send time. The lease runs while a majority (the leader included) heard it
 * at most 0.9 times the shortest election timeout ago. Why no other leader can exist meanwhile:
 * a new leader needs votes from a majority, which shares a master with the lease's majority; that
 * master heard the leader at or after the send time, and from then on for the shortest election
 * timeout it neither grants a vote or pre-vote nor stands ({@code leaderAlive}; its own timeout is
 * at least that long). The exception is a hand-over's candidate, and the leader steps down when it
 * sends {@code TimeoutNow} (below), so it holds no lease then. A master that reloads keeps the time
 * it last heard a leader (the term store holds it in memory for the process), and a master that
 * restarts with a term counts its start as such a time: it may have answered a leader a moment
 * before it stopped. The tenth taken off covers clocks that run at different rates; the intervals
 * are measured on the monotonic timer ({@link org.mfsj.master.ha.ElapsedClock}), which no one
 * steps. Reads from followers are a different promise (below) and do not use the lease. Followers of
 * an older build echo no id: while they leave no majority able to prove a lease, the leader serves
 * without one, as before (a rolling upgrade does not stall clients; it ends with the gap closed).
 *
 * <h2>Followers</h2>
 * A follower appends the leader's entries and applies them to its metadata at once (hot standby:
 * an elected follower serves straight away). It may apply an entry that is not committed; if the
 * leader later makes it drop an applied entry, it reloads from disk (image + the cut log) instead
 * of undoing anything. Images are made of committed entries only, so an image never needs undoing.
 * A follower acknowledges from its changelog's own thread the moment a force completes
 * ({@link org.mfsj.master.ha.DurableAcks}), not after its master thread's queue: the master thread
 * opens a window (term, connection, how far its log matches the leader's) after appending the
 * leader's entries and closes it before the term changes, before it stands, before it follows
 * another leader and before it cuts its log. An acknowledgement read from an open window states
 * what held at that moment (entries durable here and the leader's, in a term this master was in),
 * exactly as one sent then and delayed on the wire would, so the argument above is unchanged; the
 * leader takes the highest match it hears, so answers from the two threads may cross. A follower
 * also answers at least once per heartbeat period while entries arrive, with whatever it holds
 * durable then (perhaps nothing new): otherwise a slow force on a loaded disk would silence it for
 * longer than an election timeout, and a leader left with this one follower (the third master
 * down) would step down for want of a majority, or lose its read lease, though both are fine.
 * The leader sends entries appended while its own force of earlier ones runs when that force
 * ends, all together ({@link org.mfsj.master.ha.LeaderReplication}): a follower then forces,
 * applies and acknowledges a leader's batch as one. A follower in step also has one message of
 * entries in flight at a time (one catching up, several): what is appended meanwhile leaves in one
 * message when it acknowledges. When entries are sent never bears on safety: it changes only how
 * long a reply waits, never which entries a majority must hold durable before it leaves.
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
 * the next term and, holding the newest log, gets the votes. The leader steps down (its log sealed)
 * the moment it sent {@code TimeoutNow}: an entry landing in its log afterwards from a path not held
 * with the client requests (a chunkserver's report, a closed session) would make the voters refuse
 * the target, and another master could win with that entry instead. Nothing in this changes the
 * safety argument: the target is an ordinary candidate, and a leader may always stop leading. If the
 * target does not catch up by the deadline, the hand-over is given up and the held requests go on
 * in order; if it was told and does not win, an ordinary election follows.
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
 * <h2>A first leader nobody heard</h2>
 * In a new group every master is a learner, so only an empty log gets votes. If the first leader
 * steps down before any follower heard it (its messages lost, its process stopped, its set-up too
 * slow), its log holds its term start and the others' logs are empty: they refuse it, and, not
 * preferred, they do not stand; the group would stay without a leader. So a master that led a term
 * in this process drops its whole log before it stands again when that log is only entries of that
 * term, none known committed (its commit version is 0, no image floor)
 * ({@link org.mfsj.master.ha.UnconfirmedOwnLog}). Nothing acknowledged is lost: a reply or a
 * chunkserver order waits for the commit, and only the leader of the term computes the commit of
 * its entries, so with its commit at 0 none of them was acknowledged to anyone. Nor can another
 * leader have counted this copy: a later leader counts acknowledgements of entries of its own term
 * (the earlier ones become final with them), which this log lacks, since it holds only entries of
 * the term this master led. The entries may survive on a follower that got them: that follower
 * refuses the empty candidate and, having heard a leader, votes and stands itself. A master that
 * only followed in a term (its entries another leader's, possibly counted in that leader's
 * commit) never drops them; so a master restarted since it led, which cannot tell, keeps them too:
 * the first leader that crashed before anyone heard it still leaves the learners without a leader
 * until its operator empties its data directory.
 *
 * <h2>Changing the voters</h2>
 * Who votes is itself in the log: a {@code Voters} entry names every voter's sync address, the
 * image keeps the newest one, and each master uses the newest one in its log as soon as it is
 * there, committed or not ({@link org.mfsj.master.ha.Membership}, {@link org.mfsj.master.ha.Quorum});
 * a cut of the log's tail brings back the set before. Before any such entry the configuration names
 * the voters (this master and the peers its seed keys name). The first change logs the whole new
 * set, named as the leader reaches each master, so every master must reach each voter at the same
 * address (a proxy or NAT that shows one master under different addresses to different peers
 * keeps working with the configuration's voters, but not through a change). A master started to
 * join names the group's masters in its configuration, so its own view before the change is the
 * old set plus itself: the new set. A change adds or removes one voter ({@link org.mfsj.master.ha.VoterChange}), as in Raft's
 * single-server changes (Ongaro's thesis, 4.1): any majority of the old set and any majority of the
 * new one share a master, so while some masters use the old set and others the new one there is
 * still one leader per term (each needs a majority of its own set, and a master votes once per
 * term) and a commit under either set reaches every future leader, as argued above.
 * Two more rules keep it so:
 * <ul>
 * <li>One change at a time: a leader proposes one only when the last {@code Voters} entry in its
 * log is committed, so at most two sets, one change apart, are in use anywhere.</li>
 * <li>The known single-server change bug (Ongaro, raft-dev, 2015): a leader that did not commit its
 * change and is replaced by one whose log lacks it may see the new leader commit another change;
 * if the first one's master leads again later, the two changes together are two voters apart from
 * the set that elected them, and two majorities can miss each other. The fix, kept here: a leader
 * proposes no change before an entry of its own term is committed ({@link
 * org.mfsj.master.ha.Quorum#mayChange()}; every leader's first entry is its term start). Once that
 * entry is committed, every later leader holds it and so this leader's whole log, in which no
 * change of an earlier term can still be pending unseen: it was either committed or dropped.</li>
 * </ul>
 * A master to add first receives entries (or the image) as a non-voter and counts in no majority;
 * only when a round of catching up takes less than an election timeout is the new set logged, so a
 * slow newcomer does not stall commits (availability; safety holds either way). A leader that
 * removes itself leads on, not counting itself, until the removal is committed, then steps down.
 * A master outside its log's voter set never stands; and a voter that heard from its leader within
 * the shortest election timeout ignores candidates (thesis 4.2.3), so a removed master that still
 * holds an old log cannot depose a working leader by raising the term (a hand-over's candidate is
 * flagged and answered). A master started empty to join stands only if it is the preferred one
 * ({@code MASTER_STATE = 1}), so it cannot raise the term of the group it joins. A removal is refused
 * when the voters left that answer this leader are no majority of the new set: the new set rules at
 * once, and could otherwise neither commit the change nor elect anyone.
 *
 * <h2>Terms on chunkserver and client connections</h2>
 * Each client or chunkserver connection belongs to one leader's life: a master that stops leading
 * ends that life and closes every connection, and all orders and answers on a connection come from
 * the leader of one term. The danger is a leader that was deposed and does not know it yet (frozen,
 * cut off): it cannot acknowledge a change (no majority), but it could still order chunk version
 * changes. So a chunkserver is told the leader's term when it registers, keeps the newest term it
 * registered under ({@code master.term} in its data directory, so across restarts too), refuses to
 * register with a master of an older term, and refuses every order on a connection whose term is
 * older than that (it then drops the connection and looks for the leader). The term is carried once
 * per connection rather than on every order because every order on it has that term. A client is
 * told the term when its session opens and opens none with a master of an older term than one that
 * served it (it tries the next master), so it does not go back to a deposed leader.
 *
 * <h2>Files open past their last name</h2>
 * A file unlinked while sessions have it open must stay until they release it (MooseFS keeps such
 * files "sustained"). Opens are counted in the leader's memory only, which costs nothing per open;
 * what is replicated is the hold: just before a change takes a file's last name (unlink, rename or
 * publish over it), the leader logs a {@code HoldOpenRecord} per session that has it open, with its
 * count of opens, and from then on every open and release of that file is logged
 * ({@code ReleaseOpenRecord}; a release batch's files in one {@code ReleaseOpensRecord}, so that a
 * crash keeps all of a batch or none; the last release frees the file and its chunks). The holds are namespace
 * state ({@link org.mfsj.master.namespace.tree.OpenHolds}, in images too), applied by every master in
 * log order, so a change acknowledged to the unlinking client was durable on a majority only after
 * the holds before it: any later leader keeps the file. A new leader keeps each holding session as
 * if its client had just gone away, so the client resumes it and releases, or it expires after the
 * sustain time and its holds are released. A file opened under an earlier leader was never seen
 * open by a later one: a client reports its open files each time its session is resumed
 * ({@code ReportOpens}), and for a window after it starts to lead, a leader also holds a file that
 * loses its last name for the pseudo-session 0, the clients not back yet
 * ({@link org.mfsj.master.service.UnreportedOpens}); at the window's end those holds go, and the
 * file stays only for the sessions that reported it. Locks are not logged either, but clients take
 * theirs back during a new leader's grace period (README, "Locks and failover").
 *
 * <h2>Chunk copies after a failover</h2>
 * Where copies are is not replicated: chunkservers report their chunks as they register with the
 * leader. For a while after it starts to lead ({@link org.mfsj.master.chunks.CopiesGrace}), a chunk
 * with no known copy is answered {@code COPIES_PENDING}, which clients ask again, instead of EIO.
 * The client is only told to wait (the request changed nothing), so this costs no safety: only a
 * lost chunk's EIO comes later.
 *
 * <h2>Not done yet</h2>
 * A client that comes back after the report window is not covered (as one that comes back after
 * its session expired is not). The read lease assumes the masters' timers
 * run at rates within a tenth of each other; a master paused (SIGSTOP, a long GC) in the moment
 * between checking its lease and reading may read after the lease ran out, as with any lease.
 */
package org.mfsj.master.ha;
