package org.mfsj.master.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mfsj.common.status.Status;
import org.mfsj.common.types.Creds;
import org.mfsj.common.wire.Message;
import org.mfsj.common.wire.client2master.AppendChunks;
import org.mfsj.common.wire.client2master.CreateOpen;
import org.mfsj.common.wire.client2master.GetTrashTime;
import org.mfsj.common.wire.client2master.Publish;
import org.mfsj.common.wire.client2master.ScratchCreateOpen;
import org.mfsj.common.wire.client2master.ScratchOpenChunk;
import org.mfsj.common.wire.client2master.WriteChunk;
import org.mfsj.common.wire.client2master.PurgeTrash;
import org.mfsj.common.wire.client2master.SetQuota;
import org.mfsj.common.wire.client2master.SetTrashTime;
import org.mfsj.common.wire.client2master.Snapshot;

class ExportGuardTest {
    private static ExportRule rule(boolean readOnly) {
        return new ExportRule(1, AddressRange.parse("*"), "/", true, readOnly, null, null, null, 1, 9, 3600, 86_400);
    }

    @Test
    void trashTimesOutsideTheExportsBoundsAreRefused() {
        assertThat(ExportGuard.admit(rule(false), new SetTrashTime(1, Creds.ROOT, 1, 60, false, 0)))
                .isEqualTo(Status.EPERM);
        assertThat(ExportGuard.admit(rule(false), new SetTrashTime(1, Creds.ROOT, 1, 86_401, true, 0)))
                .isEqualTo(Status.EPERM);
        assertThat(ExportGuard.admit(rule(false), new SetTrashTime(1, Creds.ROOT, 1, 3600, false, 0)))
                .isEqualTo(Status.OK);
    }

    @Test
    void aReadOnlyExportRefusesTrashSnapshotAndQuotaChangesButNotReads() {
        assertThat(ExportGuard.admit(rule(true), new Snapshot(1, Creds.ROOT, 2, 1, "s", 0))).isEqualTo(Status.EROFS);
        assertThat(ExportGuard.admit(rule(true), new PurgeTrash(1, Creds.ROOT, 0, 0))).isEqualTo(Status.EROFS);
        assertThat(ExportGuard.admit(rule(true), new SetQuota(1, Creds.ROOT, 1, 0, 1, 0, 0, 0)))
                .isEqualTo(Status.EROFS);
        assertThat(ExportGuard.admit(rule(true), new GetTrashTime(1, 1))).isEqualTo(Status.OK);
    }

    @Test
    void aReadOnlyExportRefusesTheObjectAndScratchCalls() {
        CreateOpen create = new CreateOpen(1, Creds.ROOT, 1, "t", 0644, 0);
        for (Message m : List.of(create, new ScratchCreateOpen(create),
                new ScratchOpenChunk(new WriteChunk(2, Creds.ROOT, 5, 0)),
                new Publish(3, Creds.ROOT, 1, "t", 1, "k", "x", new byte[0], 0, 0, Publish.ANY_TARGET),
                new AppendChunks(4, Creds.ROOT, 5, List.of(6L), 0))) {
            assertThat(ExportGuard.admit(rule(true), m)).as(m.getClass().getSimpleName()).isEqualTo(Status.EROFS);
            assertThat(ExportGuard.admit(rule(false), m)).isEqualTo(Status.OK);
        }
    }
}
