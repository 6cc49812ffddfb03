package org.mfsj.master.service;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.mfsj.common.status.Status;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.Peer;
import org.mfsj.common.wire.client2master.CountReply;
import org.mfsj.common.wire.client2master.SaveImage;
import org.mfsj.master.image.ImageSaver;
import org.mfsj.master.net.RequestDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** SaveImage: an image now, written in the background; the answer names its version. */
public final class SaveImageCall {
    private static final Logger LOG = LoggerFactory.getLogger(SaveImageCall.class);

    private final ImageSaver saver;
    private final Executor master;

    public SaveImageCall(ImageSaver saver, Executor master) {
        this.saver = saver;
        this.master = master;
    }

    public void register(RequestDispatcher d) {
        d.onAsync(SaveImage.class, this::save, (id, st) -> new CountReply(id, st, 0));
    }

    private CompletableFuture<Message> save(Peer from, SaveImage r) {
        LOG.info("client {} asked for an image", from.remote());
        // back to the master thread: replies leave from there
        return saver.saveNow().handleAsync((version, e) -> {
            if (e != null) {
                LOG.error("image save asked by {} failed", from.remote(), e);
                throw Failures.error(Status.EIO, "image save failed: " + e.getMessage());
            }
            return (Message) new CountReply(r.msgId(), Status.OK, version);
        }, master);
    }
}
