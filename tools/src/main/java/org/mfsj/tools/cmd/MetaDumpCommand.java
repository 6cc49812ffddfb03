package org.mfsj.tools.cmd;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.mfsj.master.image.ImageReader;
import org.mfsj.master.image.MetaDump;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code mfs metadump FILE}: an image in readable form, one line per inode, name, chunk and cached answer. */
@Command(name = "metadump", description = "Print a metadata image (metadata.mfs) in readable form.")
public final class MetaDumpCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IMAGE", description = "an image file, e.g. DATA_PATH/metadata.mfs")
    Path image;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(image)) {
            throw new IllegalArgumentException("no such file: " + image);
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        MetaDump.print(ImageReader.load(image, Clock.systemUTC()), out);
        out.flush();
        return 0;
    }
}
