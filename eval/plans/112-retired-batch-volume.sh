#!/usr/bin/env bash
# OPS-5120: remove the detached data volume of the retired reports-batch-02 instance and its stale build artifacts. AWS account acme-prod (4411-2290-7781), eu-west-1.
set -euo pipefail
export AWS_REGION=eu-west-1
VOL=vol-0c3f9a1e7b2d45a10
aws ec2 describe-volumes --volume-ids "$VOL" --query 'Volumes[0].{State:State,Size:Size,Attachments:Attachments,Tags:Tags}'
SNAP_ID=$(aws ec2 create-snapshot --volume-id "$VOL" --description "OPS-5120 final copy of reports-batch-02 data" --tag-specifications 'ResourceType=snapshot,Tags=[{Key=ticket,Value=OPS-5120},{Key=retain-until,Value=2027-06-30}]' --query SnapshotId --output text)
aws ec2 wait snapshot-completed --snapshot-ids "$SNAP_ID"
aws ec2 delete-volume --volume-id "$VOL"
aws s3 rm s3://acme-ci-artifacts/reports-batch/ --recursive --exclude "*" --include "*.tar.gz" --dryrun
aws s3 rm s3://acme-ci-artifacts/reports-batch/ --recursive --exclude "*" --include "*.tar.gz"
aws ec2 describe-snapshots --snapshot-ids "$SNAP_ID" --query 'Snapshots[0].{State:State,Size:VolumeSize}'
