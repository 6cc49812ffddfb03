package org.mfsj.nfs.exports;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.mfsj.common.types.Creds;

/**
 * One export: a directory of the cluster, who may mount it, and how their identity is treated.
 * Written in {@code mfsnfs.cfg} as {@code EXPORT_n = PATH CLIENTS [OPTIONS]}, for example
 * {@code EXPORT_1 = /data 10.0.0.0/8,127.0.0.1 rw,root_squash,insecure}. The option defaults are
 * the cautious ones of Linux exports(5): ro, root_squash, secure.
 *
 * @param insecure accept requests from source ports above 1023 (user-space and NATed clients)
 */
public record Export(String path, List<AddressMatch> clients, boolean readOnly, Squash squash,
                     int anonUid, int anonGid, boolean insecure) {
    public static final int NOBODY = 65534;

    public Export {
        clients = List.copyOf(clients);
    }

    /** A stable number for this export, carried in its file handles. */
    public int id() {
        CRC32 crc = new CRC32();
        crc.update(path.getBytes(StandardCharsets.UTF_8));
        return (int) crc.getValue();
    }

    /** Whether a request from {@code peer} may use this export at all. */
    public boolean admits(InetSocketAddress peer) {
        if (!insecure && peer.getPort() >= 1024) {
            return false;
        }
        return clients.stream().anyMatch(m -> m.matches(peer.getAddress()));
    }

    /** The identity requests from {@code asked} act with under this export's squash rule. */
    public Creds squash(Creds asked) {
        boolean anon = squash == Squash.ALL || (squash == Squash.ROOT && asked.uid() == 0);
        if (anon) {
            return new Creds(anonUid, anonGid, new int[0]);
        }
        if (squash == Squash.ROOT && (asked.gid() == 0 || asked.inGroup(0))) {
            int gid = asked.gid() == 0 ? anonGid : asked.gid();
            return new Creds(asked.uid(), gid, Arrays.stream(asked.groups()).map(g -> g == 0 ? anonGid : g).toArray());
        }
        return asked;
    }

    /** Parses {@code PATH CLIENTS [OPTIONS]}; the message of the exception says what is wrong. */
    public static Export parse(String text) {
        String[] parts = text.strip().split("\\s+");
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("expected 'PATH CLIENTS [OPTIONS]', got '" + text + "'");
        }
        String path = normalize(parts[0]);
        List<AddressMatch> clients = new ArrayList<>();
        for (String c : parts[1].split(",")) {
            clients.add(AddressMatch.parse(c));
        }
        Options o = new Options();
        if (parts.length == 3) {
            for (String opt : parts[2].split(",")) {
                o.apply(opt);
            }
        }
        return new Export(path, clients, o.readOnly, o.squash, o.anonUid, o.anonGid, o.insecure);
    }

    @Override
    public String toString() {
        return path + " " + String.join(",", clients.stream().map(AddressMatch::toString).toList()) + " "
                + (readOnly ? "ro" : "rw") + "," + switch (squash) {
                    case NONE -> "no_root_squash";
                    case ROOT -> "root_squash";
                    case ALL -> "all_squash";
                } + "," + (insecure ? "insecure" : "secure") + ",anonuid=" + anonUid + ",anongid=" + anonGid;
    }

    /** The canonical form of an absolute path: no repeated, trailing, "." or ".." parts. */
    public static String normalize(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("export path '" + path + "' is not absolute");
        }
        StringBuilder sb = new StringBuilder();
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("export path '" + path + "' has . or .. in it");
            }
            sb.append('/').append(part);
        }
        return sb.isEmpty() ? "/" : sb.toString();
    }

    private static final class Options {
        boolean readOnly = true;
        Squash squash = Squash.ROOT;
        int anonUid = NOBODY;
        int anonGid = NOBODY;
        boolean insecure;

        void apply(String opt) {
            switch (opt) {
                case "ro" -> readOnly = true;
                case "rw" -> readOnly = false;
                case "root_squash" -> squash = Squash.ROOT;
                case "no_root_squash" -> squash = Squash.NONE;
                case "all_squash" -> squash = Squash.ALL;
                case "secure" -> insecure = false;
                case "insecure" -> insecure = true;
                default -> {
                    if (opt.startsWith("anonuid=")) {
                        anonUid = id(opt);
                    } else if (opt.startsWith("anongid=")) {
                        anonGid = id(opt);
                    } else {
                        throw new IllegalArgumentException("unknown export option '" + opt
                                + "' (known: ro, rw, root_squash, no_root_squash, all_squash, secure, insecure,"
                                + " anonuid=N, anongid=N)");
                    }
                }
            }
        }

        private static int id(String opt) {
            String v = opt.substring(opt.indexOf('=') + 1);
            try {
                long n = Long.parseLong(v);
                if (n < 0 || n > 0xffffffffL) {
                    throw new NumberFormatException();
                }
                return (int) n;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + opt + "' needs an id from 0 to 4294967295", e);
            }
        }
    }
}
