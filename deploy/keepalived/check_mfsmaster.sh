#!/usr/bin/env bash
# keepalived check script: exit 0 when the local master leads (master HA), 1 otherwise.
# keepalived then moves VIRTUAL_IP to the leader: the VIP follows the leader, it never chooses it.
# Light enough to run every second: one MasterRole request over bash's /dev/tcp, no JVM.
# Usage: check_mfsmaster.sh [HOST [CLIENT_PORT]]   (default 127.0.0.1 9421, MATOCL_LISTEN_PORT)
set -u
host=${1:-127.0.0.1}
port=${2:-9421}
# request frame: type 1052 (MasterRole, 0x041c), length 4, message id 1. The answer is read whole (header,
# then the length it gives), so the master sees a clean close. Its body: message id u32, status
# u16, then the role as a u16-length string: "leader" = 00 06 6c 65 61 64 65 72 ("single", a
# master without peers, leads too).
body=$(timeout 2 bash -c '
  exec 3<>"/dev/tcp/$0/$1" || exit 1
  printf "\x00\x00\x04\x1c\x00\x00\x00\x04\x00\x00\x00\x01" >&3
  header=$(head -c 8 <&3 | od -An -tx1 | tr -d " \n")
  [ ${#header} -eq 16 ] || exit 1
  head -c $((16#${header:8:8})) <&3 | od -An -tx1 | tr -d " \n"
' "$host" "$port" 2>/dev/null) || exit 1
case "${body:12:16}" in
  00066c6561646572|000673696e676c65) exit 0 ;;
  *) exit 1 ;;
esac
