package org.mfsj.fuse.lowlevel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel's read-ahead for one FUSE mount. A FUSE connection starts with 128 KiB, so a
 * sequential reader has one request out at a time and waits a round trip through the mount for
 * each. A larger window has the kernel send the following reads in the background, several at
 * once (each up to the request size INIT agreed, see {@link InitReply}); libfuse 2 cannot ask for
 * one in its INIT answer, so it is set where the kernel exposes it,
 * /sys/class/bdi/DEVICE/read_ahead_kb (root only).
 */
public final class KernelReadAhead {
    /** 4 MiB: several requests in flight at once (the kernel keeps up to 12 in the background). */
    public static final int DEFAULT_KIB = 4096;
    private static final Logger LOG = LoggerFactory.getLogger(KernelReadAhead.class);

    private final Path sysBdi;

    public KernelReadAhead(Path sysBdi) {
        this.sysBdi = sysBdi;
    }

    public static KernelReadAhead system() {
        return new KernelReadAhead(Path.of("/sys/class/bdi"));
    }

    /** Sets the read-ahead of {@code device} ("major:minor") to {@code kib}; false when it could not. */
    public boolean set(String device, int kib) {
        Path knob = sysBdi.resolve(device).resolve("read_ahead_kb");
        try {
            Files.writeString(knob, Integer.toString(kib));
            return true;
        } catch (IOException | SecurityException e) {
            // not root, or no sysfs: sequential reads go one request at a time
            LOG.info("kernel read-ahead of device {} left as it was ({} not writable: {})", device, knob, e.toString());
            return false;
        }
    }
}
