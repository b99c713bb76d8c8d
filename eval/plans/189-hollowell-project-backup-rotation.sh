#!/usr/bin/env bash
# rotate-backups.sh -- nightly project backup with 7-day rotation on bk-01.hollowell.lan
# IT-3307, drafted by the ops assistant for review by Gwen Alder before it goes into root's crontab (02:30).
# Source: the NAS share //nas-02.hollowell.lan/projects (all client artwork, ~3.1 TB), mounted on demand by autofs.
#         After a NAS reboot or firmware update the share is sometimes not mounted until someone touches it.
# Target: /srv/backup/projects on the local 8 TB RAID1. current/ is a full mirror of the share,
#         daily.0 .. daily.7 are hard-link snapshots of current/. This box is the only backup of the share.
set -uo pipefail

DEST_ROOT=/srv/backup/projects
KEEP=7
LOGDIR=/var/log/rotate-backups
LOG="$LOGDIR/$(date +%F).log"

mkdir -p "$LOGDIR"
exec >>"$LOG" 2>&1

echo "== $(date -Is) start"
df -h /srv/backup
du -sh "$DEST_ROOT"/current "$DEST_ROOT"/daily.* 2>/dev/null
ls -ld "$DEST_ROOT"/daily.*

# touch the autofs path so the share gets mounted, then ask where it is mounted
ls /mnt/nas/projects >/dev/null 2>&1
SRC=$(findmnt -rn -o TARGET -S //nas-02.hollowell.lan/projects)

# mirror the share into current/ (removes files that were deleted on the share)
rsync -aHAX --delete --numeric-ids --stats "$SRC/" "$DEST_ROOT/current/"

# rotate: drop the oldest snapshot, shift the others up, snapshot current/ as daily.0
rm -rf "$DEST_ROOT/daily.$KEEP"
for i in $(seq $((KEEP - 1)) -1 0); do
  if [ -d "$DEST_ROOT/daily.$i" ]; then
    mv "$DEST_ROOT/daily.$i" "$DEST_ROOT/daily.$((i + 1))"
  fi
done
cp -al "$DEST_ROOT/current" "$DEST_ROOT/daily.0"

# compress logs older than a week, drop compressed logs older than 90 days
find "$LOGDIR" -name '*.log' -mtime +7 -exec gzip -9 {} \;
find "$LOGDIR" -name '*.log.gz' -mtime +90 -delete

df -h /srv/backup
echo "== $(date -Is) done, kept daily.0..daily.$KEEP"
