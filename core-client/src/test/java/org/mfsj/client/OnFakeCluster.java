package org.mfsj.client;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.mfsj.client.fake.FakeCluster;
import org.mfsj.common.types.Creds;

/** A test that runs each case against a fresh fake master and two fake chunkservers, as user 1000. */
abstract class OnFakeCluster {
    static final Creds ME = new Creds(1000, 1000, new int[0]);

    FakeCluster cluster;
    MfsClient client;

    @BeforeEach
    void startFakeCluster() throws Exception {
        cluster = new FakeCluster(2);
        client = cluster.client();
    }

    @AfterEach
    void stopFakeCluster() {
        cluster.close();
    }
}
