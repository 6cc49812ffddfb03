#!/bin/sh
# One NFS version's run in the guest: prints "@@ VERSION STEP STATUS OUTPUT" lines (one per step,
# output on one line) and decides nothing: the test on the host holds every expectation.
v=$1
d=/mnt/k$(echo "$v" | tr -d .)
say() { echo "@@ $v $*"; }
# runs a command; its exit status and its output (stdout and stderr) become one line
step() {
  name=$1; shift
  out=$("$@" 2>&1); rc=$?
  say "$name $rc $(echo "$out" | tr '\n' ' ')"
}
mnt() {
  case $v in
    3) nfsmount 10.0.2.2:/ /mnt nfs "vers=3,proto=tcp,port=$NFS_PORT,mountport=$MOUNT_PORT,mountproto=tcp,mountvers=3,nolock,addr=10.0.2.2,mountaddr=10.0.2.2,soft,timeo=100,retrans=3" ;;
    *) nfsmount 10.0.2.2:/ /mnt nfs4 "vers=$v,port=$NFS_PORT,addr=10.0.2.2,clientaddr=10.0.2.15,soft,timeo=100,retrans=3" ;;
  esac
}

step mount mnt
grep -q ' /mnt ' /proc/mounts || { say abort not-mounted; exit 1; }
step mkdir mkdir "$d"
step write-small sh -c "echo 'small file over NFS $v' > $d/small.txt"
dd if=/dev/urandom of=/tmp/big bs=1000 count=3300 2>/dev/null
step big-source sha256sum /tmp/big
step write-big cp /tmp/big "$d/big.bin"
step sync sync
# a new mount has an empty page cache: what follows is read from the gateway
step umount umount /mnt
step remount mnt
step read-small cat "$d/small.txt"
step read-big sha256sum "$d/big.bin"
step size-big stat -c %s "$d/big.bin"
step read-core sha256sum /mnt/from-core.bin
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
step final-list ls -a "$d"
step umount-end umount /mnt
