package org.mfsj.common.config;

import java.nio.file.Path;

/** A small schema in the shape of a chunkserver's, shared by the tests of this package. */
final class SampleKeys {
    static final ConfigKey<String> MASTER_HOST =
            ConfigKey.string("MASTER_HOST", "mfsmaster", "Host name or address of the master.");
    static final ConfigKey<Integer> MASTER_PORT =
            ConfigKey.integer("MASTER_PORT", 9420, 1, 65535, "Port the master listens on for chunkservers.");
    static final ConfigKey<Path> DATA_PATH =
            ConfigKey.path("DATA_PATH", Path.of("/var/lib/mfs"), "Directory for lock and state files.");
    static final ConfigKey<Boolean> LOCK_MEMORY =
            ConfigKey.bool("LOCK_MEMORY", false, "Lock the process in memory so it is never swapped.");
    static final ConfigKey<Long> HDD_LEAVE_SPACE =
            ConfigKey.longValue("HDD_LEAVE_SPACE", 256L << 20, 0, Long.MAX_VALUE,
                    "Bytes to keep free on each disk.");

    static final ConfigSchema SCHEMA = ConfigSchema.of("mfschunkserver.cfg",
            MASTER_HOST, MASTER_PORT, DATA_PATH, LOCK_MEMORY, HDD_LEAVE_SPACE);

    private SampleKeys() {
    }
}
