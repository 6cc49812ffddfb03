package org.mfsj.tools.cluster;

import java.nio.file.Path;

/** Where a local cluster keeps everything, all under one folder. */
public record ClusterLayout(Path dir) {
    public ClusterLayout {
        dir = dir.toAbsolutePath().normalize();
    }

    public Path etc() {
        return dir.resolve("etc");
    }

    public Path run() {
        return dir.resolve("run");
    }

    public Path log() {
        return dir.resolve("log");
    }

    public Path data(String process) {
        return dir.resolve("data").resolve(process);
    }

    public Path pidFile(String process) {
        return run().resolve(process + ".pid");
    }

    public Path logFile(String process) {
        return log().resolve(process + ".log");
    }

    public Path config(String fileName) {
        return etc().resolve(fileName);
    }

    public Path envFile() {
        return dir.resolve("cluster.env");
    }
}
