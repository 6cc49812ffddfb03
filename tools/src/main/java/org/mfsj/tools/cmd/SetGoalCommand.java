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

/** {@code mfs setgoal [-r] N PATH...}: how many copies each chunk should have. */
@Command(name = "setgoal", description = "Set the number of copies (goal) of files and directories.")
public final class SetGoalCommand implements Callable<Integer> {
    @Mixin
    ClientOptions client;

    @Option(names = {"-r", "--recursive"})
    boolean recursive;

    @Parameters(index = "0", description = "goal, 1 to 9")
    int goal;

    @Parameters(index = "1..*", arity = "1..*")
    List<String> paths;

    @Override
    public Integer call() throws Exception {
        Creds me = ClientOptions.localUser();
        try (MfsClient c = client.connect()) {
            for (String path : paths) {
                Attr a = ClientOptions.resolve(c, me, ClientOptions.normalize(path));
                long changed = c.setGoal(me, a.inode(), goal, recursive);
                System.out.println(path + ": " + goal + (recursive ? " (" + changed + " inodes changed)" : ""));
            }
        }
        return 0;
    }
}
