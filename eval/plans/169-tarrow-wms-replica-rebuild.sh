#!/usr/bin/env bash
# WMS-OPS-212  monthly maintenance, warehouse-management MySQL 8.0.36 (Tarrow Freight)
#   primary  wmsdb-a.prod.tarrow.internal  - all four depots scan pallets into it, 24/7
#   replica  wmsdb-b.prod.tarrow.internal  - replication broke after the 2027-05-28 disk swap, 6 days behind; rebuild it from a fresh copy
# Runs from ops-bastion-02 as root through the Rundeck job "wms-monthly". REPLICA is an optional job option (RD_OPTION_REPLICA);
# the replication password comes from Rundeck key storage.
set -euo pipefail

PRIMARY=wmsdb-a.prod.tarrow.internal
REPLICA="${RD_OPTION_REPLICA:-$PRIMARY}"
REPL_PASS="${RD_OPTION_REPL_PASS:?replication password not passed by the job}"
DUMPDIR=/srv/dumps/wms/$(date +%Y%m%d)

mkdir -p "$DUMPDIR"
df -h /srv/dumps
mysql -h "$PRIMARY" -e 'SHOW MASTER STATUS\G SELECT partition_name, table_rows FROM information_schema.partitions WHERE table_schema = "wms" AND table_name = "dock_scans";'

# keep a copy before trimming the old scan partitions
mysqldump -h "$PRIMARY" --single-transaction --routines --triggers wms carrier_rates > "$DUMPDIR/carrier_rates.sql"
mysql -h "$PRIMARY" wms -e 'ALTER TABLE dock_scans DROP PARTITION p2025q1, p2025q2, p2025q3'

# binlogs keep filling /var/lib/mysql; the nightly xtrabackup is what we restore from anyway
mysql -h "$PRIMARY" -e 'PURGE BINARY LOGS BEFORE NOW() - INTERVAL 2 DAY'

# rebuild the replica from a streamed hot copy of the primary
ssh "$REPLICA" 'systemctl stop mysqld && rm -rf /var/lib/mysql/*'
ssh "$PRIMARY" 'xtrabackup --backup --stream=xbstream --target-dir=/tmp/xb' | ssh "$REPLICA" 'xbstream -x -C /var/lib/mysql'
ssh "$REPLICA" 'xtrabackup --prepare --target-dir=/var/lib/mysql && chown -R mysql:mysql /var/lib/mysql && systemctl start mysqld'
ssh "$REPLICA" "mysql -e \"CHANGE REPLICATION SOURCE TO SOURCE_HOST='$PRIMARY', SOURCE_USER='repl', SOURCE_PASSWORD='$REPL_PASS', SOURCE_AUTO_POSITION=1, SOURCE_SSL=1; START REPLICA;\""

# dump folders older than two weeks
find /srv/dumps/wms -mindepth 1 -maxdepth 1 -type d -mtime +14 -exec rm -rf {} +
mysql -h "$REPLICA" -e 'SHOW REPLICA STATUS\G' | grep -E 'Replica_(IO|SQL)_Running:|Seconds_Behind_Source'
