/* mount(2) with the text options mount.nfs would pass: the guest has no nfs-utils. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: nfsmount SOURCE TARGET nfs|nfs4 OPTIONS\n");
        return 2;
    }
    if (mount(argv[1], argv[2], argv[3], 0, argv[4]) != 0) {
        fprintf(stderr, "mount %s on %s (%s): %s\n", argv[1], argv[2], argv[4], strerror(errno));
        return 1;
    }
    return 0;
}
