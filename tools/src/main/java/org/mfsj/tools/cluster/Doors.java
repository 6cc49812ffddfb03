package org.mfsj.tools.cluster;

import java.util.List;
import org.mfsj.tools.cluster.doors.MountDoor;

/** The doors that {@code mfs up} starts with a local cluster. */
public final class Doors {
    private Doors() {
    }

    public static List<Door> all() {
        return List.of(new MountDoor());
    }
}
