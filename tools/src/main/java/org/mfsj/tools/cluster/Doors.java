package org.mfsj.tools.cluster;

import java.util.List;

/** The doors that {@code mfs up} starts with a local cluster. */
public final class Doors {
    private Doors() {
    }

    public static List<Door> all() {
        return List.of();
    }
}
