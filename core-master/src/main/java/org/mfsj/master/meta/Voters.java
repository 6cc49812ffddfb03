package org.mfsj.master.meta;

import java.util.List;

/**
 * The voting masters from this entry on (master HA membership): their sync addresses
 * ({@code host:port}), the leader's included. A master uses the newest one in its log as soon as
 * it is there, committed or not; before any, the configuration names the voters. It changes no
 * metadata.
 */
public record Voters(List<String> masters) implements MetaRecord {
    public Voters {
        masters = List.copyOf(masters);
        if (masters.isEmpty() || masters.stream().anyMatch(m -> m.isBlank() || m.contains(","))) {
            throw new IllegalArgumentException("a voter set names at least one master, each as host:port: " + masters);
        }
    }

    /** The addresses as one comma-separated text (how the changelog and the image hold them). */
    public String text() {
        return String.join(",", masters);
    }

    public static Voters parse(String text) {
        return new Voters(List.of(text.split(",")));
    }
}
