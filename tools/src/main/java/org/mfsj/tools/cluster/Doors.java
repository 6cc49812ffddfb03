package org.mfsj.tools.cluster;

import java.util.ArrayList;
import java.util.List;
import org.mfsj.tools.cluster.doors.MountDoor;
import org.mfsj.tools.cluster.doors.NfsDoor;
import org.mfsj.tools.cluster.doors.S3Door;

/** The doors that {@code mfs up} starts with a local cluster: the gateways, and a mount where FUSE works. */
public final class Doors {
    private Doors() {
    }

    public static List<Door> all() {
        List<Door> doors = new ArrayList<>(List.of(new S3Door(), new NfsDoor()));
        if (MountDoor.available()) {
            doors.add(new MountDoor());
        }
        return doors;
    }
}
