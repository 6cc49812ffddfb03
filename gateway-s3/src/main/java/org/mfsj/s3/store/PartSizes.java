package org.mfsj.s3.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Part sizes of a multipart object in a compact text form, {@code size*count,...}, so 10,000
 * parts of one size fit an extended attribute; GET ?partNumber=N finds its byte range from it.
 */
public final class PartSizes {
    private PartSizes() {
    }

    public static String encode(List<Long> sizes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sizes.size(); ) {
            long s = sizes.get(i);
            int j = i;
            while (j < sizes.size() && sizes.get(j) == s) {
                j++;
            }
            sb.append(sb.length() > 0 ? "," : "").append(s);
            if (j - i > 1) {
                sb.append('*').append(j - i);
            }
            i = j;
        }
        return sb.toString();
    }

    public static List<Long> decode(String text) {
        List<Long> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String run : text.split(",")) {
            int star = run.indexOf('*');
            long size = Long.parseLong(star < 0 ? run : run.substring(0, star));
            int count = star < 0 ? 1 : Integer.parseInt(run.substring(star + 1));
            for (int i = 0; i < count; i++) {
                out.add(size);
            }
        }
        return out;
    }
}
