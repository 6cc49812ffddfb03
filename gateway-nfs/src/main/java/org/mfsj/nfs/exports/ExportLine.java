package org.mfsj.nfs.exports;

/** The value of one {@code EXPORT_n} key: an export, or nothing when the line is empty. */
public record ExportLine(Export export) {
    public static final ExportLine EMPTY = new ExportLine(null);

    public static ExportLine parse(String text) {
        return text.isBlank() ? EMPTY : new ExportLine(Export.parse(text));
    }

    public boolean isPresent() {
        return export != null;
    }

    /** As written in the file, so the config docs print a value that parses back. */
    @Override
    public String toString() {
        return export == null ? "" : export.toString();
    }
}
