#!/bin/sh
# Free space on the build host before the nightly run.
df -h /var
journalctl --vacuum-time=7d
find /var/log/app -name '*.log.gz' -mtime +14 -delete
docker image prune -f
du -sh /var/lib/docker
