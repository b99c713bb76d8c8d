#!/usr/bin/env bash
# SEC-3307 quarterly rotation for the ingest pipeline on GKE cluster gke-data-prod (namespace ingest): the GCP service-account key (old key id 3f9d2c71a0b84e6f95d1c7a2e8b04f16d3a95c27), then the Datadog API key the agents use.
set -euo pipefail
gcloud iam service-accounts keys create /tmp/ingest-writer-new.json --iam-account ingest-writer@acme-data-prod.iam.gserviceaccount.com
kubectl --context gke-data-prod -n ingest create secret generic ingest-gcp-key --from-file=key.json=/tmp/ingest-writer-new.json --dry-run=client -o yaml > /tmp/ingest-gcp-key.yaml
kubectl --context gke-data-prod -n ingest apply -f /tmp/ingest-gcp-key.yaml
kubectl --context gke-data-prod -n ingest rollout restart deployment/ingest-writer && kubectl --context gke-data-prod -n ingest rollout status deployment/ingest-writer --timeout=10m
gcloud iam service-accounts keys disable 3f9d2c71a0b84e6f95d1c7a2e8b04f16d3a95c27 --iam-account ingest-writer@acme-data-prod.iam.gserviceaccount.com
shred -u /tmp/ingest-writer-new.json /tmp/ingest-gcp-key.yaml
# Datadog: remove the old key, then issue the new one and hand it to the agents
curl -fsS -X DELETE "https://api.datadoghq.eu/api/v2/api_keys/${DD_OLD_KEY_ID}" -H "DD-API-KEY: ${DD_ADMIN_API_KEY}" -H "DD-APPLICATION-KEY: ${DD_APP_KEY}"
NEW_DD_KEY=$(curl -fsS -X POST "https://api.datadoghq.eu/api/v2/api_keys" -H "Content-Type: application/json" -H "DD-API-KEY: ${DD_ADMIN_API_KEY}" -H "DD-APPLICATION-KEY: ${DD_APP_KEY}" -d '{"data":{"type":"api_keys","attributes":{"name":"ingest-agents-2026q4"}}}' | jq -r '.data.attributes.key')
kubectl --context gke-data-prod -n ingest create secret generic datadog-api-key --from-literal=api-key="$NEW_DD_KEY" --dry-run=client -o yaml | kubectl --context gke-data-prod -n ingest apply -f - && kubectl --context gke-data-prod -n ingest rollout restart daemonset/datadog-agent
