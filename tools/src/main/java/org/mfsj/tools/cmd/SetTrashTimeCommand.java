package org.mfsj.tools.cmd;

import java.util.List;
import java.util.concurrent.Callable;
import org.mfsj.client.MfsClient;
import org.mfsj.common.types.Attr;
import org.mfsj.common.types.Creds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mfs settrashtime [-r] SECONDS PATH...}: how long deleted files stay in trash. */
@Command(name = "settrashtime", description = "Set how many seconds deleted files stay in trash (0 = no trash).")
public final class SetTrashTimeCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Option(names = {"-r", "--recursive"})
    boolean recursive;

    @Parameters(index = "0", description = "seconds, 0 or more")
    long seconds;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PATH")
    List<String> paths;

    @Override
    public Integer call() throws Exception {
        Creds me = ClientOptions.localUser();
        try (MfsClient c = client.connect()) {
            for (String path : paths) {
                Attr a = ClientOptions.resolve(c, me, ClientOptions.normalize(path));
                long changed = c.setTrashTime(me, a.inode(), seconds, recursive);
                System.out.println(path + ": " + seconds + (recursive ? " (" + changed + " inodes changed)" : ""));
            }
        }
        return 0;
    }
}
