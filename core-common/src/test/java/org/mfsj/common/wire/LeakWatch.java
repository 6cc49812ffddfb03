package org.mfsj.common.wire;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Fails a test whose code dropped a Netty buffer without releasing it. Netty's leak detector runs
 * at PARANOID for the test (every buffer allocated is tracked); afterwards the garbage collector
 * runs, and the detector, which looks for buffers collected unreleased whenever a buffer is
 * allocated, reports each one as an ERROR log line, which this watch collects.
 */
public final class LeakWatch implements BeforeEachCallback, AfterEachCallback {
    private final ListAppender<ILoggingEvent> reports = new ListAppender<>();
    private ResourceLeakDetector.Level before;

    @Override
    public void beforeEach(ExtensionContext context) {
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        try {
            assertThat(leaks()).as("buffers collected without a release").isEmpty();
        } finally {
            stop();
        }
    }

    /** Tracks every buffer from now on. */
    public void start() {
        before = ResourceLeakDetector.getLevel();
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
        reports.list.clear();
        reports.start();
        detectorLog().addAppender(reports);
    }

    public void stop() {
        detectorLog().detachAppender(reports);
        ResourceLeakDetector.setLevel(before);
    }

    /** Collects garbage and has the detector look, a few times over; the leak reports seen. */
    public List<String> leaks() throws InterruptedException {
        for (int round = 0; round < 3; round++) {
            collectGarbage();
            // the detector polls for collected buffers when one is allocated
            PooledByteBufAllocator.DEFAULT.directBuffer(1).release();
        }
        return reports.list.stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("LEAK")).toList();
    }

    /** Runs the collector and waits until the references it cleared have been queued. */
    private static void collectGarbage() throws InterruptedException {
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        WeakReference<Object> sentinel = new WeakReference<>(new Object(), queue);
        System.gc();
        queue.remove(2000);
        sentinel.clear();
    }

    private static Logger detectorLog() {
        return (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);
    }
}
