#!/usr/bin/env bash
# keepalived notify script: logs each VRRP state change of the master's VIP with the master's own
# view (role, term, version), so an operator can match VIP moves to elections.
# keepalived calls it as: notify_mfsmaster.sh TYPE NAME STATE [PRIORITY]
set -u
state=${3:-unknown}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if "$here/check_mfsmaster.sh" "${MFS_MASTER_HOST:-127.0.0.1}" "${MFS_MASTER_PORT:-9421}"; then
  role=leader
else
  role="not leader"
fi
logger -t mfsmaster-vip "VIP ${VIRTUAL_IP:-} is now $state here; the local master is $role"
