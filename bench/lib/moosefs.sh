# bench/lib/moosefs.sh: a MooseFS 3.0.117 cluster for the bench scripts (sourced, not run).
# Globals it uses: tmp, ref_dir, mnt, ns, ref_pids, mount_pid, ref_chunk_fsync (see bench/core/run),
# ref_changelog_mode (CHANGELOG_SAVE_MODE, 0 when unset).
#
# MooseFS 3.0.117 reference.
#
# Its chunkserver refuses a master on 127.0.0.0/8 ("localhost can't be used for connecting with
# master"), so the whole MooseFS cluster runs in a network namespace of its own, made here, with
# 198.18.0.1 (the range RFC 2544 sets aside for benchmarks) on that namespace's loopback device:
# traffic still never leaves the kernel's loopback path, as with ours on 127.0.0.1. Every MooseFS
# program that talks to the master (daemons, mfsmount, mfssetgoal & co. through mfsmount's local
# proxy) runs in that namespace with nsenter; dd and meta.py only touch the mount, which nsenter
# --net leaves in the host's mount namespace.
REF_IP=198.18.0.1

need_moosefs() {
  local missing=()
  command -v mfsmaster >/dev/null || missing+=(moosefs-master)
  command -v mfschunkserver >/dev/null || missing+=(moosefs-chunkserver)
  command -v mfsmount >/dev/null || missing+=(moosefs-client)
  command -v mfscli >/dev/null || missing+=(moosefs-cli)
  command -v fusermount3 >/dev/null || missing+=(fuse3)
  [ ${#missing[@]} = 0 ] && return 0
  [ "$(id -u)" = 0 ] || die "MooseFS is not installed (${missing[*]}) and installing it needs root"
  log "installing ${missing[*]} (apt-get)"
  # fuse3 only: Debian's 'fuse' package (FUSE 2) conflicts with it and would remove it.
  (apt-get install -y --no-install-recommends "${missing[@]}" || { apt-get update && apt-get install -y --no-install-recommends "${missing[@]}"; }) \
    > "$tmp/apt.log" 2>&1 || { tail -20 "$tmp/apt.log" >&2; die "apt-get install ${missing[*]}"; }
}

# For commands run to completion only: a background job must call nsenter itself, so that $! is the
# daemon's pid (nsenter execs it) and not that of a subshell running this function.
inns() { nsenter --net="/run/netns/$ns" "$@"; }

ref_mount() {
  nsenter --net="/run/netns/$ns" mfsmount -f -H "$REF_IP" -o mfsnice=0 "$mnt" >> "$ref_dir/mfsmount.log" 2>&1 &
  mount_pid=$!
  local i
  for ((i = 0; i < 300; i++)); do
    is_mounted "$mnt" && return 0
    kill -0 "$mount_pid" 2>/dev/null || break
    sleep 0.1
  done
  tail -20 "$ref_dir/mfsmount.log" >&2
  die "mfsmount did not mount $mnt"
}

start_ref_cluster() {
  [ "$(id -u)" = 0 ] || die "the MooseFS reference needs root (network namespace, FUSE mount, daemons); use --no-reference"
  need_moosefs
  mkdir -p "$ref_dir/master" "$mnt"
  ns="mfsj-bench-$$"
  ip netns add "$ns" || { ns=""; die "cannot create a network namespace (ip netns add)"; }
  ip -n "$ns" link set lo up
  ip -n "$ns" addr add "$REF_IP/32" dev lo

  # Master: its own DATA_PATH with a fresh metadata file. The package ships
  # /var/lib/mfs/metadata.mfs.empty, which is just the 8-byte header "MFSM NEW"; mfsmaster will not
  # start without a metadata.mfs. NICE_LEVEL 0 (its default is -19) so it gets no more CPU than ours.
  local m="$ref_dir/master"
  cat > "$m/mfsmaster.cfg" <<EOF
WORKING_USER = root
WORKING_GROUP = root
NICE_LEVEL = 0
DATA_PATH = $m
EXPORTS_FILENAME = $m/mfsexports.cfg
TOPOLOGY_FILENAME = $m/mfstopology.cfg
MATOML_LISTEN_HOST = $REF_IP
MATOCS_LISTEN_HOST = $REF_IP
MATOCL_LISTEN_HOST = $REF_IP
CHANGELOG_SAVE_MODE = ${ref_changelog_mode:-0}
EOF
  # default export options are ro and maproot=999:999; the benchmark writes as root
  echo "* / rw,alldirs,maproot=0" > "$m/mfsexports.cfg"
  : > "$m/mfstopology.cfg"
  if [ -f /var/lib/mfs/metadata.mfs.empty ]; then
    cp /var/lib/mfs/metadata.mfs.empty "$m/metadata.mfs"
  else
    printf 'MFSM NEW' > "$m/metadata.mfs"
  fi
  log "MooseFS: master and 3 chunkservers on $REF_IP (namespace $ns, folder $ref_dir)"
  nsenter --net="/run/netns/$ns" mfsmaster -f -c "$m/mfsmaster.cfg" > "$m/log" 2>&1 &
  ref_pids+=($!)

  local i
  for i in 1 2 3; do
    local c="$ref_dir/cs$i"
    mkdir -p "$c/hdd"
    cat > "$c/mfschunkserver.cfg" <<EOF
WORKING_USER = root
WORKING_GROUP = root
NICE_LEVEL = 0
DATA_PATH = $c
HDD_CONF_FILENAME = $c/mfshdd.cfg
HDD_FSYNC_BEFORE_CLOSE = $ref_chunk_fsync
MASTER_HOST = $REF_IP
BIND_HOST = $REF_IP
CSSERV_LISTEN_HOST = $REF_IP
CSSERV_LISTEN_PORT = $((9421 + i))
EOF
    echo "$c/hdd" > "$c/mfshdd.cfg"
    nsenter --net="/run/netns/$ns" mfschunkserver -f -c "$c/mfschunkserver.cfg" > "$c/log" 2>&1 &
    ref_pids+=($!)
  done

  # ready = 3 chunkservers registered with their space known (mfscli -SCS, plain output)
  local n=0
  for ((i = 0; i < 600; i++)); do
    n=$(inns mfscli -H "$REF_IP" -SCS -p -s '|' 2>/dev/null | awk -F'|' '$1 ~ /chunk servers/ && $11 > 0' | wc -l)
    [ "$n" -ge 3 ] && break
    local p
    for p in "${ref_pids[@]}"; do
      kill -0 "$p" 2>/dev/null || { tail -20 "$ref_dir"/*/log >&2; die "a MooseFS daemon exited during start-up"; }
    done
    sleep 0.1
  done
  [ "$n" -ge 3 ] || { tail -20 "$ref_dir"/*/log >&2; die "only $n of 3 MooseFS chunkservers registered in 60 s"; }
  inns mfscli -H "$REF_IP" -SCS -p -s ' ' > "$ref_dir/chunkservers.txt" 2>&1 || true

  ref_mount
  # Deleted files go to trash for a day by default; with 0 an unlink deletes, as it does in ours.
  inns mfssettrashtime 0 "$mnt" > /dev/null
}

# Unmounts and stops what start_ref_cluster started; chunkservers first, then the master.
stop_ref_cluster() {
  unmount_ref
  local i
  for ((i = ${#ref_pids[@]} - 1; i >= 0; i--)); do
    stop_pid "${ref_pids[i]}" 30
    wait "${ref_pids[i]}" 2>/dev/null || true
  done
  ref_pids=()
  ip netns del "$ns" 2>/dev/null || true
  ns=""
}
