package org.mfsj.master.exports;

/** Durations as mfsexports.cfg writes them: plain seconds, or units w d h m s in order (1d12h). */
final class TrashTime {
    private TrashTime() {
    }

    static long parse(String s) {
        if (s.chars().allMatch(Character::isDigit)) {
            return Long.parseLong(s);
        }
        long total = 0;
        long n = -1;
        String order = "wdhms";
        int lastUnit = -1;
        for (char ch : s.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (Character.isDigit(ch)) {
                n = (n < 0 ? 0 : n) * 10 + (ch - '0');
                continue;
            }
            int unit = order.indexOf(ch);
            if (unit < 0 || n < 0 || unit <= lastUnit) {
                throw new IllegalArgumentException("bad duration '" + s + "' (e.g. 86400, 1d, 2h30m)");
            }
            total += n * new long[] {604_800, 86_400, 3_600, 60, 1}[unit];
            n = -1;
            lastUnit = unit;
        }
        if (n >= 0) {
            throw new IllegalArgumentException("bad duration '" + s + "': a number without unit at the end");
        }
        return total;
    }
}
