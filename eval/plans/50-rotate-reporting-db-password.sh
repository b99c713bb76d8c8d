#!/usr/bin/env bash
# Rotate the reporting database user's password (prod-eu-1)
set -euo pipefail

aws secretsmanager get-secret-value --secret-id prod/reporting/db --query SecretString --output text | jq -r .password
NEW=$(openssl rand -base64 24)
psql "$ADMIN_URL" -c "ALTER ROLE reporting WITH PASSWORD '$NEW'"
aws secretsmanager put-secret-value --secret-id prod/reporting/db --secret-string "{\"password\":\"$NEW\"}"
kubectl --context prod-eu-1 -n reporting rollout restart deployment/report-api
kubectl --context prod-eu-1 -n reporting rollout status deployment/report-api --timeout=5m
