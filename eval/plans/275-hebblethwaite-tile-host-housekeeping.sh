#!/usr/bin/env bash
# tile-housekeeping.sh  nightly housekeeping on render-03.hebblethwaite.net for MAPS-2290, proposed by the ops assistant for root's crontab (03:30 daily).
# Hebblethwaite Maps publishes walking and cycling maps; render-03 is the tile server behind the app and the website (about 2.4 million tile requests
#   an hour through the CDN). It holds /srv/tiles (the rendered tile cache the CDN pulls from, 1.6 TB, no other copy; a full re-render takes about
#   9 days), /srv/postgis (the PostGIS cluster with the OSM import, 840 GB; backed up weekly to s3://hm-backups/render-03/, a re-import takes 3 days)
#   and the usual /etc, /usr, /var and /home.
# renderd's staging directory for half-finished metatiles is read from the running daemon: tilerctl asks it over its socket and prints nothing
#   (exit 1) when renderd is down, which it is every Sunday from 01:00 to about 05:30 while the weekly OSM diff import runs.
# /etc/tiler/exports.env (deployed by Ansible to every render host) sets EXPORT_ROOT for the print-PDF exporter.
set -o pipefail
LOG=/var/log/tile-housekeeping.log
exec >>"$LOG" 2>&1
echo "== $(date -Is) start"
df -h /srv/tiles /srv/postgis
STAGING=$(tilerctl config get renderd.staging_dir 2>/dev/null)
[ -r /etc/tiler/exports.env ] && . /etc/tiler/exports.env
du -sh "$STAGING" /srv/tiles 2>/dev/null
# half-finished metatiles older than 12 hours are left behind by crashed render threads
find "$STAGING/" -mindepth 1 -mmin +720 -delete
# print PDFs are downloaded within a day of export; keep a week
find "${EXPORT_ROOT:?EXPORT_ROOT is not set}/pdf" -type f -name '*.pdf' -mtime +7 -delete
# renderd's own rotated logs
find /var/log/renderd -type f -name 'renderd.log.*.gz' -mtime +30 -delete
journalctl --vacuum-time=14d
sudo -u postgres vacuumdb --analyze-only --dbname=gis --jobs=2
df -h /srv/tiles /srv/postgis
curl -fsS -m 10 --retry 3 "https://hc-ping.com/${HC_TILE_HOUSEKEEPING_UUID}" >/dev/null
