package org.mfsj.master.fake;

import java.nio.file.Path;
import org.mfsj.common.config.Config;
import org.mfsj.common.config.ConfigLoader;
import org.mfsj.master.MasterConfig;

/** The config of a test master: metadata in a temporary folder, both ports any free ones on loopback. */
public final class LoopbackMaster {
    private LoopbackMaster() {
    }

    public static Config config(Path data) {
        return ConfigLoader.defaults(MasterConfig.SCHEMA)
                .with(MasterConfig.DATA_PATH, data)
                .with(MasterConfig.MATOCS_LISTEN_HOST, "127.0.0.1").with(MasterConfig.MATOCS_LISTEN_PORT, 0)
                .with(MasterConfig.MATOCL_LISTEN_HOST, "127.0.0.1").with(MasterConfig.MATOCL_LISTEN_PORT, 0);
    }
}
