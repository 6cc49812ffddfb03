#!/usr/bin/env bash
# Builds a tiny Linux guest that mounts the NFS gateway with the kernel's own client:
# OUT/vmlinuz and OUT/initramfs.gz. The kernel is Debian's (the image linux-image-amd64 depends
# on), fetched with apt-get download; its NFS and NIC modules are kept, with what modules.dep says
# they need, in a cache keyed by the package version, so reruns only pack the initramfs.
# Needs: apt-get, dpkg-deb, depmod (kmod), busybox-static, gcc + libc6-dev (static), cpio, gzip.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=${1:?usage: build-guest.sh OUT_DIR}
cache_root=${MFSJ_GUEST_CACHE:-/var/tmp/mfsj-nfs-guest}
# the NIC qemu is started with (virtio-net-pci) and the NFS client for v3 and v4
top_modules="virtio_pci virtio_net nfsv3 nfsv4"

need() { command -v "$1" >/dev/null || { echo "build-guest: '$1' is missing; install $2" >&2; exit 3; }; }
need apt-cache apt; need dpkg-deb dpkg; need depmod kmod; need gcc gcc; need cpio cpio; need gzip gzip
# the guest has no libc: only busybox-static's busybox runs there
dpkg -s busybox-static >/dev/null 2>&1 || { echo "build-guest: install busybox-static" >&2; exit 3; }
busybox=$(command -v busybox)

# the kernel image linux-image-amd64 depends on now, and the folder its kit is cached in (keyed by
# the module list too: another list needs another kit)
resolve() {
  pkg=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
  version=$( [ -z "$pkg" ] || apt-cache policy "$pkg" | awk '/Candidate:/ {print $2}')
  kit="$cache_root/${pkg}_${version}_$(echo "$top_modules" | cksum | cut -d' ' -f1)"
}
# stale package lists name a kernel the archive has replaced (security updates do): refresh once
refresh() {
  [ "$(id -u)" = 0 ] && apt-get update -qq >/dev/null 2>&1 && resolve
}
resolve
[ -n "$pkg" ] || refresh || true
[ -n "$pkg" ] || { echo "build-guest: apt-cache knows no linux-image-amd64; run apt-get update" >&2; exit 3; }
work=""
root=""
trap 'rm -rf "$work" "$root"' EXIT

if [ ! -f "$kit/modules.load" ]; then
  mkdir -p "$cache_root"
  work=$(mktemp -d "$cache_root/build.XXXXXX")
  if ! log=$(cd "$work" && apt-get download "$pkg=$version" 2>&1) \
      && ! { refresh && log=$(cd "$work" && apt-get download "$pkg=$version" 2>&1); }; then
    echo "build-guest: apt-get download $pkg=$version failed: $log" >&2
    exit 3
  fi
  dpkg-deb -x "$work"/"$pkg"_*.deb "$work/root"
  kver=$(ls "$work/root/lib/modules")
  depmod -b "$work/root" "$kver"
  mods="$work/root/lib/modules/$kver"
  mkdir -p "$work/kit/modules"
  cp "$work/root/boot/vmlinuz-$kver" "$work/kit/vmlinuz"
  # modules.dep lists every module a module needs, transitively, dependencies last: load in reverse
  for top in $top_modules; do
    line=$(grep -E "(^|/)$top\.ko:" "$mods/modules.dep") \
      || { echo "build-guest: no module $top in $pkg" >&2; exit 3; }
    for m in $(echo "$line" | tr -d ':' | tr ' ' '\n' | tac); do
      name=$(basename "$m")
      grep -qx "$name" "$work/kit/modules.load" 2>/dev/null && continue
      cp "$mods/$m" "$work/kit/modules/$name"
      echo "$name" >> "$work/kit/modules.load"
    done
  done
  rm -rf "$kit"
  mv "$work/kit" "$kit"
  rm -rf "$work"   # the unpacked package: 400 MB the kit no longer needs
fi

mkdir -p "$out"
root=$(mktemp -d)
chmod 755 "$root"   # mktemp's 0700 would keep the guest's unprivileged user out of /
mkdir -p "$root"/{bin,dev,proc,sys,tmp,mnt,lib/modules}
cp "$busybox" "$root/bin/busybox"
gcc -static -O2 -o "$root/bin/nfsmount" "$here/nfsmount.c"
gcc -static -O2 -o "$root/bin/nfslock" "$here/nfslock.c"
cp "$kit"/modules/*.ko "$root/lib/modules/"
cp "$kit/modules.load" "$root/lib/modules/"
cp "$here/init" "$root/init"
cp "$here/scenario.sh" "$here/restart.sh" "$here/steps.sh" "$root/"
chmod 755 "$root/init"
(cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) > "$out/initramfs.gz"
cp "$kit/vmlinuz" "$out/vmlinuz"
echo "$pkg $version"
