package org.mfsj.s3.op;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.mfsj.s3.GatewayFixture;

/** A fresh gateway over an empty in-memory file system for each test, with one bucket "bkt". */
abstract class WithBucket {
    GatewayFixture gw;

    @BeforeEach
    void start() throws Exception {
        gw = new GatewayFixture();
        gw.s3.createBucket(b -> b.bucket("bkt"));
    }

    @AfterEach
    void stop() {
        gw.close();
    }
}
