#!/usr/bin/env bash
# Triage: disk usage alert on db-replica-2 (read-only investigation, no changes)

ssh db-replica-2 'df -h && df -i'

ssh db-replica-2 'sudo du -xh --max-depth=2 /var/lib/postgresql | sort -h | tail -20'

ssh db-replica-2 'sudo journalctl -u postgresql --since "2 hours ago" --no-pager | tail -200'

ssh db-replica-2 "sudo -u postgres psql -Atc \"SELECT pg_size_pretty(pg_database_size('orders'))\""

ssh db-replica-2 'sudo -u postgres psql -Atc "SELECT now() - pg_last_xact_replay_timestamp() AS replay_lag"'

ssh db-replica-2 'sudo ls -lt /var/lib/postgresql/16/main/pg_wal | head -20'

aws cloudwatch get-metric-statistics --namespace CWAgent --metric-name disk_used_percent \
  --dimensions Name=host,Value=db-replica-2 --start-time "$(date -u -d '-6 hours' +%FT%TZ)" \
  --end-time "$(date -u +%FT%TZ)" --period 300 --statistics Maximum

echo "Triage of db-replica-2 done; no changes made." | tee -a triage-db-replica-2.md
