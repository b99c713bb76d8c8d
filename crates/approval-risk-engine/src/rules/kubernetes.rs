//! Kubernetes and Helm.

use super::{Action, CommandPattern, Matcher, Reach, Rule};
use crate::model::{Reversibility as R, Scope as S};

pub static RULES: &[Rule] = &[Rule {
    id: "k8s.delete-namespace",
    title: "Deletes a Kubernetes namespace",
    reversibility: R::Irreversible,
    scope: S::Shared,
    reach: Reach::Environment,
    action: Action::Delete,
    floor: None,
    matcher: Matcher::Command(CommandPattern {
        programs: &["kubectl", "oc"],
        subcommands: &[&["delete"], &["namespace", "namespaces", "ns", "project"]],
        flags_none: &["--dry-run", "--dry-run=client", "--dry-run=server"],
        ..CommandPattern::ANY
    }),
    why: "Everything in the namespace goes with it: deployments, services, secrets, config maps, and persistent volume claims (whose volumes may be deleted too). Every workload in it stops at once.",
    safer: "Delete the specific resources you mean inside {target}, after `kubectl get all,pvc,secrets -n {target}` shows what is there; back up volumes first.",
    instead: "kubectl label namespace {target} retired=true",
    questions: &[
        "Which cluster and context is this (`kubectl config current-context`)?",
        "What runs in {target}, and does it hold persistent volumes?",
        "Is it recreated by GitOps, and would that restore its data?",
    ],
    references: &["https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/"],
    examples: &["kubectl delete namespace payments", "kubectl --context prod delete ns billing", "oc delete project shop"],
    counterexamples: &["kubectl get namespaces", "kubectl delete pod web-1 --dry-run=client", "kubectl create namespace payments"],
}];
