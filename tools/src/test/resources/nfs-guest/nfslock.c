/* fcntl byte-range locks for the guest (busybox has no flock or lock tool):
 * "nfslock set FILE START LEN" takes a write lock and drops it again,
 * "nfslock test FILE START LEN" prints the lock in the way (F_GETLK) or "free". */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: nfslock set|test FILE START LEN\n");
        return 2;
    }
    int fd = open(argv[2], O_RDWR);
    if (fd < 0) {
        fprintf(stderr, "open %s: %s\n", argv[2], strerror(errno));
        return 1;
    }
    struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET,
                       .l_start = atoll(argv[3]), .l_len = atoll(argv[4])};
    if (strcmp(argv[1], "test") == 0) {
        if (fcntl(fd, F_GETLK, &fl) != 0) {
            fprintf(stderr, "F_GETLK: %s\n", strerror(errno));
            return 1;
        }
        if (fl.l_type == F_UNLCK) {
            printf("free\n");
        } else {
            printf("held %s %lld %lld\n", fl.l_type == F_WRLCK ? "write" : "read",
                   (long long) fl.l_start, (long long) fl.l_len);
        }
        return 0;
    }
    if (fcntl(fd, F_SETLK, &fl) != 0) {
        fprintf(stderr, "F_SETLK: %s\n", strerror(errno));
        return 1;
    }
    fl.l_type = F_UNLCK;
    if (fcntl(fd, F_SETLK, &fl) != 0) {
        fprintf(stderr, "F_UNLCK: %s\n", strerror(errno));
        return 1;
    }
    printf("locked and unlocked\n");
    return 0;
}
