#!/bin/sh
# One NFS version's run in the guest: prints "@@ VERSION STEP STATUS OUTPUT" lines (one per step,
# output on one line) and decides nothing: the test on the host holds every expectation.
v=$1
d=/mnt/k$(echo "$v" | tr -d .)
. /steps.sh
# soft: a gateway that stops answering fails the step instead of hanging the guest
mnt() { nfs_mount "$v" /mnt soft,timeo=100,retrans=3; }

step mount mnt
grep -q ' /mnt ' /proc/mounts || { say abort not-mounted; exit 1; }
step mkdir mkdir "$d"
step write-small sh -c "echo 'small file over NFS $v' > $d/small.txt"
dd if=/dev/urandom of=/tmp/big bs=1000 count=3300 2>/dev/null
step big-source sha256sum /tmp/big
step write-big cp /tmp/big "$d/big.bin"
# long names: the listing takes several READDIR replies (the kernel starts with 4 KiB ones)
long=$(printf '%0100d' 0)
mkdir "$d/many"
step create-many sh -c "for i in \$(seq 1 60); do : > $d/many/$long\$i; done"
step sync sync
# a new mount has an empty page cache: what follows is read from the gateway
step umount umount /mnt
step remount mnt
step read-small cat "$d/small.txt"
step read-big sha256sum "$d/big.bin"
step size-big stat -c %s "$d/big.bin"
step read-core sha256sum /mnt/from-core.bin
# the test gave these two files POSIX ACLs that contradict their mode bits for uid 1000
step acl-granted su guest -c "cat /mnt/acl-granted"
step acl-denied su guest -c "cat /mnt/acl-denied"
step count-many sh -c "ls $d/many | wc -l"
step rename-dir mv "$d/many" "$d/many2"
step count-renamed sh -c "ls $d/many2 | wc -l && rm -r $d/many2"
step rename mv "$d/small.txt" "$d/renamed.txt"
step list ls -a "$d"
step mkdir-sub mkdir "$d/sub"
step touch-sub touch "$d/sub/x"
step rmdir-nonempty rmdir "$d/sub"
step remove rm "$d/sub/x"
step rmdir rmdir "$d/sub"
step missing cat "$d/no-such-file"
step mkdir-exists mkdir "$d"
step symlink ln -s renamed.txt "$d/link"
step readlink readlink "$d/link"
step hardlink ln "$d/renamed.txt" "$d/hard"
step nlink stat -c %h "$d/renamed.txt"
step unlink rm "$d/hard"
step chmod chmod 640 "$d/renamed.txt"
step mode stat -c %a "$d/renamed.txt"
step append sh -c "echo appended >> $d/renamed.txt"
step truncate truncate -s 3000000 "$d/big.bin"
step size-truncated stat -c %s "$d/big.bin"
step cut-source sh -c "head -c 3000000 /tmp/big | sha256sum"
step private mkdir -m 700 "$d/private"
step as-user su guest -c "ls $d"
step denied su guest -c "ls $d/private"
step exclusive sh -c "set -C; echo once > $d/excl"
step exclusive-again sh -c "set -C; echo twice > $d/excl"
step fifo mkfifo "$d/fifo"
step fifo-type stat -c %F "$d/fifo"
step fifo-remove rm "$d/fifo"
step mtime-set touch -d "2020-01-02 03:04:05" "$d/renamed.txt"
step mtime stat -c %Y "$d/renamed.txt"
step chown chown 1000:1000 "$d/renamed.txt"
step owner stat -c %u:%g "$d/renamed.txt"
step shared mkdir -m 777 "$d/shared"
step user-create su guest -c "echo mine > $d/shared/mine"
step user-owner stat -c %u:%g "$d/shared/mine"
step replace sh -c "echo first > $d/ra && echo second > $d/rb && mv $d/ra $d/rb && cat $d/rb && rm $d/rb"
step patch sh -c "printf 0123456789 > $d/patched && printf abc | dd of=$d/patched bs=1 seek=3 conv=notrunc 2>/dev/null && cat $d/patched"
# an open file removed: the client renames it aside (.nfsXXXX) and removes it at the last close
step open-unlinked sh -c "echo still-here > $d/victim && exec 3<$d/victim && rm $d/victim && cat <&3"
step statfs stat -f -c "%b %f" /mnt
case $v in
  3) ;;  # mounted with nolock: no NLM here, locks stay in the guest
  *)
    step lock-held nfslock set /mnt/locked.bin 0 100
    step lock-test nfslock test /mnt/locked.bin 50 10
    step lock-free nfslock set /mnt/locked.bin 100 100
    ;;
esac
step final-list ls -a "$d"
step umount-end umount /mnt
if [ "$v" = 4.1 ]; then
  # mount.nfs finds the minor version itself: 4.2 first, the next one down on EPROTONOSUPPORT
  mkdir -p /auto
  step mount-42 nfsmount 10.0.2.2:/ /auto nfs4 "vers=4.2,port=$NFS_PORT,addr=10.0.2.2,clientaddr=10.0.2.15,soft"
fi
