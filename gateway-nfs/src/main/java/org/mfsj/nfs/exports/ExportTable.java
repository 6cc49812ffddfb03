package org.mfsj.nfs.exports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured exports, found by path (MOUNT) or by the id a file handle carries. */
public final class ExportTable {
    private final Map<Integer, Export> byId = new LinkedHashMap<>();
    private final Map<String, Export> byPath = new LinkedHashMap<>();

    public ExportTable(List<Export> exports) {
        for (Export e : exports) {
            if (byPath.containsKey(e.path())) {
                throw new IllegalArgumentException("path " + e.path() + " is exported twice");
            }
            Export clash = byId.putIfAbsent(e.id(), e);
            if (clash != null) {
                // two paths with one CRC: rename one; refusing beats handing out ambiguous handles
                throw new IllegalArgumentException("exports " + clash.path() + " and " + e.path() + " have the same id");
            }
            byPath.put(e.path(), e);
        }
    }

    public Optional<Export> byId(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The export of exactly this path ("/a/" and "/a" are the same). */
    public Optional<Export> byPath(String path) {
        try {
            return Optional.ofNullable(byPath.get(Export.normalize(path)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public List<Export> all() {
        return List.copyOf(byPath.values());
    }
}
