# bench/lib/common.sh: helpers the bench scripts share (sourced, not run). They use the caller's
# globals: tmp, size_mib, src, mnt, mount_pid.

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

stop_pid() {  # pid [seconds]: TERM, wait, then KILL
  local pid=$1 wait_s=${2:-30} i
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < wait_s * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.1
  done
  log "pid $pid did not stop in ${wait_s}s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
}

is_mounted() { grep -qs " $1 fuse" /proc/mounts; }

unmount_ref() {
  if is_mounted "$mnt"; then
    fusermount3 -u "$mnt" 2>/dev/null || fusermount -u "$mnt" 2>/dev/null || umount "$mnt" 2>/dev/null \
      || fusermount3 -uz "$mnt" 2>/dev/null || umount -l "$mnt" 2>/dev/null || true
  fi
  if [ -n "$mount_pid" ]; then
    stop_pid "$mount_pid" 15
    wait "$mount_pid" 2>/dev/null || true
    mount_pid=""
  fi
}

can_drop_caches=0
if [ -w /proc/sys/vm/drop_caches ] && (sync && echo 3 > /proc/sys/vm/drop_caches) 2>/dev/null; then
  can_drop_caches=1
fi
drop_caches() { [ "$can_drop_caches" = 1 ] && sync && echo 3 > /proc/sys/vm/drop_caches; return 0; }

# dd_rate NAME dd-args...: runs dd and appends "NAME MiB/s" (from dd's own byte count and time) to
# $results; dd's time includes conv=fsync / fdatasync.
dd_rate() {
  local name=$1 out=$2
  shift 2
  local err
  err=$(dd "$@" 2>&1 >/dev/null) || die "dd $*: $err"
  local rate
  rate=$(awk '/copied/ { for (i = 1; i <= NF; i++) if ($i == "s,") s = $(i - 1); if (s > 0) printf "%.1f", $1 / 1048576 / s }' <<<"$err")
  [ -n "$rate" ] || die "cannot parse dd's output: $err"
  echo "$name $rate MiB/s" >> "$out"
  log "  $name: $rate MiB/s"
}

# ---------------------------------------------------------------------------------------------
# Random data for dd (MooseFS chunkservers skip zero blocks, HDD_SPARSIFY_ON_WRITE, so /dev/zero
# would flatter them); in RAM when /dev/shm has room, so reading it costs no disk.
make_source() {
  local shm_free
  shm_free=$(df -Pm /dev/shm 2>/dev/null | awk 'NR == 2 { print $4 }')
  if [ -n "$shm_free" ] && [ "$shm_free" -gt $((size_mib + 512)) ]; then
    src=$(mktemp /dev/shm/mfsj-bench-src.XXXXXX)
  else
    src="$tmp/source.bin"
    log "note: /dev/shm too small; the dd source is $src (reads of it may hit the disk after a cache drop)"
  fi
  head -c $((size_mib * 1048576)) /dev/urandom > "$src"
}
