package org.mfsj.common.types;

/** One copy of a chunk as the master sees it, for fileinfo/checkfile. */
public record CopyReport(ServerAddress server, int version, boolean valid) {
}
