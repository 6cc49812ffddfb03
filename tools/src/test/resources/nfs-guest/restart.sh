#!/bin/sh
# Files held open on every version while the host restarts the gateway: the guest says
# "@@ restart ready", the host restarts the gateway and then creates /restarted through
# core-client; the guest waits for that name (its calls block until the gateway is back: hard
# mounts), then writes through the descriptors it kept open, closes them and reads the files.
v=restart
. /steps.sh
for n in 41 40 3; do
  mkdir -p "/r$n"
  case $n in 41) ver=4.1 ;; 40) ver=4.0 ;; *) ver=3 ;; esac
  step "mount-$n" nfs_mount "$ver" "/r$n" hard,timeo=50
  step "before-$n" sh -c "echo before > /r$n/held$n.txt"
done
exec 4>>/r41/held41.txt 5>>/r40/held40.txt 6>>/r3/held3.txt
say "ready 0"
i=0
while [ ! -e /r41/restarted ] && [ $i -lt 240 ]; do sleep 1; i=$((i + 1)); done
step seen ls /r41/restarted
echo after >&4
echo after >&5
echo after >&6
exec 4>&- 5>&- 6>&-
step sync sync
for n in 41 40 3; do
  step "after-$n" cat "/r$n/held$n.txt"
  step "umount-$n" umount "/r$n"
done
