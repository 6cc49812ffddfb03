# What the guest's scripts share: reporting steps to the test and mounting the gateway.
# Facts go to stdout, which init sends to the second serial port; timings go to the console.
say() { echo "@@ $v $*"; }
uptime() { cut -d' ' -f1 /proc/uptime; }
# runs a command; its exit status and its output (stdout and stderr) become one line; how long
# it took goes to the console, to see where a slow run spends its time
step() {
  name=$1; shift
  t0=$(uptime)
  out=$("$@" 2>&1); rc=$?
  say "$name $rc $(echo "$out" | tr '\n' ' ')"
  echo "guest: NFS $v $name took $(echo "$(uptime) $t0" | awk '{printf "%.2f", $1 - $2}') s" > /dev/console
}
# nfs_mount VERSION DIR EXTRA_OPTIONS: the options mount.nfs would hand the kernel
nfs_mount() {
  case $1 in
    3) nfsmount 10.0.2.2:/ "$2" nfs "vers=3,proto=tcp,port=$NFS_PORT,mountport=$MOUNT_PORT,mountproto=tcp,mountvers=3,nolock,addr=10.0.2.2,mountaddr=10.0.2.2,$3" ;;
    *) nfsmount 10.0.2.2:/ "$2" nfs4 "vers=$1,port=$NFS_PORT,addr=10.0.2.2,clientaddr=10.0.2.15,$3" ;;
  esac
}
