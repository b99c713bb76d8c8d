//! Kubernetes (`kubectl`, OpenShift's `oc`) and Helm: deleting, draining, scaling down,
//! replacing and widening access in a cluster.

#[cfg(test)]
use super::examples;
use super::matching::{find_flag, flag_value, operands, Hit};
use super::{Action, CommandPattern, Matcher, ProsePattern, Reach, Rule};
use crate::model::{Reversibility as R, Scope as S};
use crate::shell::{Arg, Command};
use crate::words::Words;

/// `kubectl`/`oc` flags that take a value, so the value is not read as a resource or a name.
const KUBE_VALUE_FLAGS: Words = words![
    "-n",
    "--namespace",
    "--context",
    "--kubeconfig",
    "--cluster",
    "--user",
    "-s",
    "--server",
    "--token",
    "--as",
    "--as-group",
    "--as-uid",
    "-l",
    "--selector",
    "-f",
    "--filename",
    "-k",
    "--kustomize",
    "-o",
    "--output",
    "--field-selector",
    "--grace-period",
    "--timeout",
    "-c",
    "--container",
    "--type",
    "-p",
    "--patch",
    "--patch-file",
    "--replicas",
    "--current-replicas",
    "--resource-version",
    "--to-revision",
    "--request-timeout",
    "--certificate-authority",
    "--client-certificate",
    "--client-key",
    "--tls-server-name",
    "--pod-selector",
    "--chunk-size",
    "--clusterrole",
    "--role",
    "--serviceaccount",
    "--group",
    "--subresource",
    "--field-manager",
];

/// The words of a `kubectl`/`oc` command line (flags and their values left out), with
/// OpenShift's `oc adm` prefix dropped so `oc adm drain` reads like `kubectl drain`.
fn kube_words(command: &Command) -> Vec<&Arg> {
    let mut out = operands(command, KUBE_VALUE_FLAGS);
    if command.program == "oc" && out.first().is_some_and(|w| w.value == "adm") {
        out.remove(0);
    }
    out
}

/// A kind as written (`deploy`, `Deployments.apps`, `pvc`) reduced to its lower-case name
/// without API group.
fn kind_name(word: &str) -> String {
    word.split('.').next().unwrap_or("").to_ascii_lowercase()
}

/// What `kubectl delete` names: the kinds (from `pvc,pv`, `pvc/data-0` or both forms) with
/// the argument each came from, and the first object name.
struct Deletion<'a> {
    verb: &'a Arg,
    kinds: Vec<(String, &'a Arg)>,
    name: Option<String>,
}

fn kube_delete(command: &Command) -> Option<Deletion<'_>> {
    let words = kube_words(command);
    let verb = *words.first()?;
    if verb.value != "delete" {
        return None;
    }
    let mut kinds = Vec::new();
    let mut name = None;
    for (i, word) in words.iter().enumerate().skip(1) {
        if let Some((kind, object)) = word.value.split_once('/') {
            kinds.push((kind_name(kind), *word));
            name.get_or_insert_with(|| object.to_string());
        } else if i == 1 {
            for kind in word.value.split(',') {
                kinds.push((kind_name(kind), *word));
            }
        } else {
            name.get_or_insert_with(|| word.value.clone());
        }
    }
    Some(Deletion { verb, kinds, name })
}

/// A `kubectl delete` of any of `kinds`, with the evidence and target filled in.
fn delete_of(command: &Command, kinds: Words) -> Option<Hit> {
    let deletion = kube_delete(command)?;
    let (_, arg) = deletion
        .kinds
        .iter()
        .find(|(k, _)| kinds.contains(&k.as_str()))?;
    let mut hit = Hit::three(command.program_span, deletion.verb.span, arg.span);
    hit.set_target(deletion.name.clone());
    if let Some(all) = find_flag(command, words!["--all", "-A", "--all-namespaces"]) {
        hit.evidence.push(all.span);
        hit.note("It deletes every one of them, not a single named object.");
    }
    Some(hit)
}

/// `kubectl delete pods` of many at once: `--all`, every namespace, or a selector. The target is
/// the namespace, which is what a gentler restart names.
fn delete_many_pods(command: &Command) -> Option<Hit> {
    let deletion = kube_delete(command)?;
    let (_, kind) = deletion
        .kinds
        .iter()
        .find(|(k, _)| words!["pod", "pods", "po"].contains(k.as_str()))?;
    let many = find_flag(
        command,
        words![
            "--all",
            "-A",
            "--all-namespaces",
            "-l",
            "--selector",
            "--field-selector"
        ],
    )?;
    // Clearing out pods that already ended (`status.phase=Failed`, `!=Running`) stops nothing.
    let selector = flag_value(command, "--field-selector")
        .map(|arg| arg.value.to_ascii_lowercase())
        .unwrap_or_default();
    if selector.contains("status.phase")
        && ["failed", "succeeded", "!=running"]
            .iter()
            .any(|ended| selector.contains(ended))
    {
        return None;
    }
    let mut hit = Hit::at(vec![
        command.program_span,
        deletion.verb.span,
        kind.span,
        many.span,
    ]);
    hit.set_target(
        flag_value(command, "-n")
            .or_else(|| flag_value(command, "--namespace"))
            .map(|namespace| {
                let value = namespace.value.as_str();
                value
                    .strip_prefix("--namespace=")
                    .or_else(|| value.strip_prefix("-n="))
                    .unwrap_or(value)
                    .to_string()
            }),
    );
    Some(hit)
}

fn delete_namespace(command: &Command) -> Option<Hit> {
    delete_of(
        command,
        words!["namespace", "namespaces", "ns", "project", "projects"],
    )
}

fn delete_storage(command: &Command) -> Option<Hit> {
    let mut hit = delete_of(
        command,
        words![
            "pv",
            "pvs",
            "persistentvolume",
            "persistentvolumes",
            "pvc",
            "pvcs",
            "persistentvolumeclaim",
            "persistentvolumeclaims",
            "volumesnapshot",
            "volumesnapshots",
            "vs",
        ],
    )?;
    if kube_delete(command)?
        .kinds
        .iter()
        .any(|(k, _)| k.starts_with("volumesnapshot") || k == "vs")
    {
        hit.note("Volume snapshots are backups: deleting one removes a way back, not just a disk.");
    }
    Some(hit)
}

fn delete_statefulset(command: &Command) -> Option<Hit> {
    delete_of(command, words!["sts", "statefulset", "statefulsets"])
}

fn delete_workload(command: &Command) -> Option<Hit> {
    delete_of(
        command,
        words![
            "deploy",
            "deployment",
            "deployments",
            "ds",
            "daemonset",
            "daemonsets",
            "rs",
            "replicaset",
            "replicasets",
            "rc",
            "replicationcontroller",
            "replicationcontrollers",
            "svc",
            "service",
            "services",
            "ing",
            "ingress",
            "ingresses",
            "cj",
            "cronjob",
            "cronjobs",
            "dc",
            "deploymentconfig",
            "deploymentconfigs",
            "route",
            "routes",
            "hpa",
            "horizontalpodautoscaler",
            "horizontalpodautoscalers",
        ],
    )
}

fn delete_crd(command: &Command) -> Option<Hit> {
    delete_of(
        command,
        words![
            "crd",
            "crds",
            "customresourcedefinition",
            "customresourcedefinitions",
        ],
    )
}

fn delete_secret(command: &Command) -> Option<Hit> {
    delete_of(command, words!["secret", "secrets"])
}

fn delete_configmap(command: &Command) -> Option<Hit> {
    delete_of(command, words!["cm", "configmap", "configmaps"])
}

/// `kubectl delete all ...`, or any kind with `--all` across every namespace.
fn delete_everything(command: &Command) -> Option<Hit> {
    let deletion = kube_delete(command)?;
    let every_namespace = find_flag(command, words!["-A", "--all-namespaces"]);
    let every_object = find_flag(command, words!["--all"]);
    if let Some((_, arg)) = deletion.kinds.iter().find(|(k, _)| k == "all") {
        let mut hit = Hit::three(command.program_span, deletion.verb.span, arg.span);
        hit.evidence.extend(
            every_object
                .iter()
                .chain(every_namespace.iter())
                .map(|a| a.span),
        );
        hit.target_of(flag_value(command, "-n").or_else(|| flag_value(command, "--namespace")));
        return Some(hit);
    }
    let (every_object, every_namespace) = (every_object?, every_namespace?);
    let (_, arg) = deletion.kinds.first()?;
    Some(Hit::at(vec![
        command.program_span,
        deletion.verb.span,
        arg.span,
        every_object.span,
        every_namespace.span,
    ]))
}

/// `kubectl delete -f FILE` / `-k DIR`: whatever the file declares.
fn delete_from_file(command: &Command) -> Option<Hit> {
    let deletion = kube_delete(command)?;
    if !deletion.kinds.is_empty() {
        return None;
    }
    let flag = command.args.iter().position(|a| {
        words!["-f", "--filename", "-k", "--kustomize"].contains(a.value.as_str())
            || a.value.starts_with("--filename=")
            || a.value.starts_with("--kustomize=")
    })?;
    let file = command.args[flag]
        .value
        .split_once('=')
        .map(|(_, v)| v.to_string())
        .or_else(|| command.args.get(flag + 1).map(|a| a.value.clone()));
    let mut span = command.args[flag].span;
    if !command.args[flag].value.contains('=') {
        if let Some(value) = command.args.get(flag + 1) {
            span = span.cover(value.span);
        }
    }
    Some(Hit {
        target: file,
        ..Hit::three(command.program_span, deletion.verb.span, span)
    })
}

fn force_delete_pod(command: &Command) -> Option<Hit> {
    let mut hit = delete_of(command, words!["po", "pod", "pods"])?;
    let force = find_flag(command, words!["--force"])?;
    hit.evidence.push(force.span);
    hit.set_note(None);
    Some(hit)
}

fn drain(command: &Command) -> Option<Hit> {
    let words = kube_words(command);
    let verb = *words.first()?;
    if verb.value != "drain" {
        return None;
    }
    let mut hit = Hit::pair(command.program_span, verb.span);
    hit.target_of(words.get(1).copied());
    let lossy = find_flag(
        command,
        words![
            "--delete-emptydir-data",
            "--delete-local-data",
            "--disable-eviction",
            "--force",
        ],
    );
    if let Some(flag) = lossy {
        hit.evidence.push(flag.span);
        hit.reversibility = Some(R::Recoverable);
        hit.note_with("`{}` lets it delete pods' scratch data, pods no controller will recreate, or pods protected by a disruption budget.", &flag.value);
    }
    Some(hit)
}

fn cordon(command: &Command) -> Option<Hit> {
    let words = kube_words(command);
    let verb = words.first().filter(|w| w.value == "cordon")?;
    Some(Hit {
        target: words.get(1).map(|w| w.value.clone()),
        ..Hit::pair(command.program_span, verb.span)
    })
}

fn scale_to_zero(command: &Command) -> Option<Hit> {
    let words = kube_words(command);
    let verb = words.first().filter(|w| w.value == "scale")?;
    let replicas = flag_value(command, "--replicas")?;
    let count = replicas
        .value
        .strip_prefix("--replicas=")
        .unwrap_or(&replicas.value);
    if count != "0" {
        return None;
    }
    // The kind stays in the name (`deploy/etl`): the safer command reads the replica count
    // back with `kubectl get`, which needs it.
    let target = words
        .get(1)
        .map(|w| match (w.value.contains('/'), words.get(2)) {
            (false, Some(name)) => crate::words::fill2("{}/{}", &w.value, &name.value),
            _ => w.value.clone(),
        });
    Some(Hit {
        target,
        ..Hit::three(command.program_span, verb.span, replicas.span)
    })
}

/// `kubectl patch ... -p '{"metadata":{"finalizers":null}}'` and its JSON-patch form.
fn remove_finalizers(command: &Command) -> Option<Hit> {
    let words = kube_words(command);
    let verb = words.first().filter(|w| w.value == "patch")?;
    let patch = command
        .args
        .iter()
        .find(|a| a.value.contains("finalizers"))?;
    let target = match (words.get(1), words.get(2)) {
        (Some(kind), Some(name)) if !kind.value.contains('/') => {
            Some(crate::words::fill2("{}/{}", &kind.value, &name.value))
        }
        (Some(object), _) => Some(object.value.clone()),
        _ => None,
    };
    Some(Hit {
        target,
        ..Hit::three(command.program_span, verb.span, patch.span)
    })
}

/// Binding `cluster-admin` (`kubectl create clusterrolebinding --clusterrole=cluster-admin`,
/// `oc adm policy add-cluster-role-to-user cluster-admin`).
fn grant_cluster_admin(command: &Command) -> Option<Hit> {
    let words = kube_words(command);
    let first = *words.first()?;
    let role_arg = match first.value.as_str() {
        "create" => {
            let kind = words.get(1)?;
            if !matches!(kind.value.as_str(), "clusterrolebinding" | "rolebinding") {
                return None;
            }
            flag_value(command, "--clusterrole")?
        }
        "policy" => {
            let sub = words.get(1)?;
            if !sub.value.starts_with("add-cluster-role-to") {
                return None;
            }
            *words.get(2)?
        }
        _ => return None,
    };
    let role = role_arg
        .value
        .strip_prefix("--clusterrole=")
        .unwrap_or(&role_arg.value);
    if role != "cluster-admin" {
        return None;
    }
    let mut hit = Hit::three(command.program_span, first.span, role_arg.span);
    let subjects: Vec<&Arg> = command
        .args
        .iter()
        .filter(|a| a.value.contains("system:"))
        .collect();
    if let Some(anyone) = subjects.iter().find(|a| {
        a.value.contains("system:authenticated")
            || a.value.contains("system:unauthenticated")
            || a.value.contains("system:serviceaccounts")
    }) {
        hit.evidence.push(anyone.span);
        hit.scope = Some(S::Organization);
        hit.note("It grants it to a whole group of identities, not one person or workload: anyone who can reach the API server may qualify.");
    }
    Some(hit)
}

fn helm_uninstall(command: &Command) -> Option<Hit> {
    let words = operands(
        command,
        words![
            "-n",
            "--namespace",
            "--kube-context",
            "--kubeconfig",
            "--timeout",
            "--cascade",
            "--description",
        ],
    );
    let verb = *words.first()?;
    if !words!["uninstall", "delete", "del", "un"].contains(verb.value.as_str()) {
        return None;
    }
    let mut hit = Hit::pair(command.program_span, verb.span);
    hit.target_of(words.get(1).copied());
    if let Some(keep) = find_flag(command, words!["--keep-history"]) {
        hit.evidence.push(keep.span);
        hit.reversibility = Some(R::Recoverable);
        hit.note("`--keep-history` keeps the release record, so `helm rollback` can reinstall it (the data in deleted volumes still does not come back).");
    }
    Some(hit)
}

pub static RULES: &[Rule] = &[
    Rule {
        text: rule_text!("k8s.delete-namespace", "Deletes a Kubernetes namespace", "Volume claims inside take their disks along under the usual `Delete` reclaim policy, and a started deletion cannot be cancelled.", "everything in it is deleted and its workloads stop", "Delete only the resources you mean, after backing up its volumes. `kubectl get all,pvc,secrets -n {target}` lists them.", ["Which cluster and context is this (`kubectl config current-context`)?", "What runs in {target}, and does it hold persistent volumes?", "Would GitOps recreate it, and with its data?"], "kubectl label namespace {target} retired=true"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["kubectl", "oc"], check: delete_namespace },
        #[cfg(test)]
        references: words!["https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/"],
        #[cfg(test)]
        examples: examples(&["kubectl delete namespace payments", "kubectl --context prod delete ns billing", "oc delete project shop", "kubectl delete namespace/checkout --wait=false"]),
        #[cfg(test)]
        counterexamples: examples(&["kubectl get namespaces", "kubectl delete pod web-1 --dry-run=client", "kubectl create namespace payments", "kubectl -n payments delete pod web-1"]),
    },
    Rule {
        text: rule_text!("k8s.delete-storage", "Deletes persistent volumes, volume claims or volume snapshots", "Under the default `Delete` reclaim policy, deleting a claim deletes its cloud disk; in-use claims go when their pod stops.", "its data is lost unless snapshotted; its pod cannot start", "Patch the volume to keep its disk (`kubectl patch pv ... -p '{\"spec\":{\"persistentVolumeReclaimPolicy\":\"Retain\"}}'`), and snapshot it first.", ["What data is on {target}, and is there a snapshot?", "What is the volume's reclaim policy (Delete or Retain)?", "Which pod uses it?"], "kubectl get pvc {target} -o wide"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["kubectl", "oc"], check: delete_storage },
        #[cfg(test)]
        references: words!["https://kubernetes.io/docs/concepts/storage/persistent-volumes/#reclaiming"],
        #[cfg(test)]
        examples: examples(&["kubectl delete pvc data-postgres-0", "kubectl -n prod delete persistentvolumeclaim/redis-data", "kubectl delete pv,pvc --all -n staging", "kubectl delete volumesnapshot nightly-db"]),
        #[cfg(test)]
        counterexamples: examples(&["kubectl get pvc -A", "kubectl describe pv pvc-1234", "kubectl delete pod data-postgres-0"]),
    },
    Rule {
        text: rule_text!("k8s.delete-statefulset", "Deletes a StatefulSet", "Volume claims survive by default, but a `whenDeleted: Delete` retention policy removes them and their data; pods also stop unordered.", "its pods stop and the service is down until recreated", "To stop it, scale it to zero; to replace it, delete with `--cascade=orphan` so pods keep running.", ["What runs in {target}, and who uses it?", "Is its manifest in version control?", "What is its volume-claim retention policy?"], "kubectl scale statefulset {target} --replicas=1"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["kubectl", "oc"], check: delete_statefulset },
        #[cfg(test)]
        references: words!["https://kubernetes.io/docs/tasks/run-application/delete-stateful-set/"],
        #[cfg(test)]
        examples: examples(&["kubectl delete statefulset postgres", "kubectl -n prod delete sts/kafka"]),
        #[cfg(test)]
        counterexamples: examples(&["kubectl get statefulsets", "kubectl rollout restart statefulset postgres"]),
    },
    Rule {
        text: rule_text!("k8s.delete-workload", "Deletes a deployment, service or other workload", "Pods go with their controller, and a recreated LoadBalancer Service gets a new cloud address, breaking DNS records.", "what it serves is down until recreated from its manifest", "Scale it to zero first (`kubectl scale --replicas=0`), and delete it once nothing complains.", ["What depends on {target}?", "Is its manifest in Git, and would GitOps recreate it?"], "kubectl get {target} -o yaml"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["kubectl", "oc"], check: delete_workload },
        #[cfg(test)]
        references: words!["https://kubernetes.io/docs/reference/kubectl/generated/kubectl_delete/"],
        #[cfg(test)]
        examples: examples(&["kubectl delete deployment api", "kubectl -n prod delete svc/checkout ing/checkout", "kubectl delete deploy,svc -l app=web", "oc delete dc frontend"]),
        #[cfg(test)]
        counterexamples: examples(&["kubectl get deployment api", "kubectl rollout restart deployment api", "kubectl delete pod api-7d9f-abc"]),
    },
    Rule {
        text: rule_text!("k8s.delete-pods-all", "Deletes every pod in a namespace or selector", "Deletion ignores PodDisruptionBudgets, which only limit evictions, so every replica can stop at once; pods with no controller never return.", "every service its pods run is down until replacements start", "Restart workloads one at a time with `kubectl rollout restart`, which keeps the service up.", ["Can every service in these pods be down at once?", "Do any of these pods lack a controller?"], "kubectl rollout restart deployment -n {target}"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["kubectl", "oc"], check: delete_many_pods },
        #[cfg(test)]
        references: words!["https://kubernetes.io/docs/reference/kubectl/generated/kubectl_rollout/kubectl_rollout_restart/"],
        #[cfg(test)]
        examples: examples(&["kubectl delete pods --all -n production", "kubectl delete pod -l app=checkout -n prod", "kubectl delete po --all-namespaces --field-selector=status.phase=Running"]),
        #[cfg(test)]
        counterexamples: examples(&["kubectl delete pod api-7d9f-abc", "kubectl get pods --all -n production", "kubectl rollout restart deployment api -n production", "kubectl delete pods -n batch --field-selector=status.phase==Failed"]),
    },
    Rule {
        text: rule_text!("k8s.delete-crd", "Deletes a CustomResourceDefinition", "Operators may tear down what the deleted objects managed, database clusters included; reinstalling the CRD restores none.", "every object of its kind, in every namespace, is deleted", "Save its objects (`kubectl get <kind> -A -o yaml`), delete the ones you mean, then the definition.", ["How many objects of this kind exist, and where?", "Does an operator act on them being deleted?"], "kubectl get {target} -A -o yaml"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["kubectl", "oc"], check: delete_crd },
        #[cfg(test)]
        references: words!["https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#delete-a-customresourcedefinition"],
        #[cfg(test)]
        examples: examples(&["kubectl delete crd certificates.cert-manager.io", "kubectl delete customresourcedefinition/postgresclusters.postgres-operator.crunchydata.com"]),
        #[cfg(test)]
        counterexamples: examples(&["kubectl get crd", "kubectl apply -f crds/"]),
    },
    Rule {
        text: rule_text!("k8s.delete-secret", "Deletes a Kubernetes secret", "Running pods keep the copy they loaded, so failures surface only at the next restart or reschedule, often hours later.", "pods lose its credentials, which may exist nowhere else", "Check whether a secrets manager or cert-manager recreates it, and save a copy first.", ["Is the value of {target} stored anywhere else?", "Which pods mount it or read it?"], "kubectl get secret {target} -o yaml"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["kubectl", "oc"], check: delete_secret },
        #[cfg(test)]
        references: words!["https://kubernetes.io/docs/concepts/configuration/secret/"],
        #[cfg(test)]
        examples: examples(&["kubectl delete secret db-credentials", "kubectl -n prod delete secret/stripe-api-key"]),
        #[cfg(test)]
        counterexamples: examples(&["kubectl get secrets", "kubectl create secret generic db-credentials --from-literal=user=app"]),
    },
    Rule {
        text: rule_text!("k8s.delete-configmap", "Deletes a Kubernetes config map", "The break appears later, at a rollout or node failure; its content survives only where its manifest is kept.", "pods reading it fail on their next restart", "Check which pods use it first. `kubectl get configmap {target} -o yaml > {target}.yaml` saves it.", ["Which pods use {target}?", "Is its content kept in version control?"], "kubectl get configmap {target} -o yaml"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["kubectl", "oc"], check: delete_configmap },
        #[cfg(test)]
        references: words!["https://kubernetes.io/docs/concepts/configuration/configmap/"],
        #[cfg(test)]
        examples: examples(&["kubectl delete configmap app-config", "kubectl delete cm/nginx-conf -n prod"]),
        #[cfg(test)]
        counterexamples: examples(&["kubectl get configmap app-config -o yaml", "kubectl create configmap app-config --from-file=app.yaml"]),
    },
    Rule {
        text: rule_text!("k8s.delete-everything", "Deletes every workload in a namespace or cluster", "`delete all` takes pods, services, deployments, stateful sets and jobs alike; `--all-namespaces` reaches `kube-system`, so cluster DNS stops too.", "everything it runs is down until every application is redeployed", "Name the objects, or use a narrow label (`-l app=...`) in one namespace; list the matches first.", ["Which namespace and cluster does this reach?", "What does `kubectl get` list for the same selection?"], "kubectl get all -n {target}"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["kubectl", "oc"], check: delete_everything },
        #[cfg(test)]
        references: words!["https://kubernetes.io/docs/reference/kubectl/generated/kubectl_delete/"],
        #[cfg(test)]
        examples: examples(&["kubectl delete all --all -n staging", "kubectl delete pods --all -A", "kubectl delete all -l app=web --namespace shop"]),
        #[cfg(test)]
        counterexamples: examples(&["kubectl get all --all -A", "kubectl delete pods --field-selector=status.phase=Failed -n ci"]),
    },
    Rule {
        text: rule_text!("k8s.delete-from-file", "Deletes whatever a manifest file declares", "Any namespaces, volume claims or CRDs declared take their contents along; `-f` on a directory covers every file.", "its objects are deleted; the plan does not show which", "List what it would delete first. `kubectl delete -f {target} --dry-run=server` prints it.", ["Which kinds of objects does {target} declare?", "Does it include namespaces, volume claims or CRDs?"], "kubectl get -f {target}"),
        reversibility: R::Unknown,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["kubectl", "oc"], check: delete_from_file },
        #[cfg(test)]
        references: words!["https://kubernetes.io/docs/reference/kubectl/generated/kubectl_delete/"],
        #[cfg(test)]
        examples: examples(&["kubectl delete -f k8s/", "kubectl delete --filename=deploy/production.yaml", "kubectl delete -k overlays/prod"]),
        #[cfg(test)]
        counterexamples: examples(&["kubectl apply -f k8s/", "kubectl get -f k8s/", "kubectl delete pod web-1"]),
    },
    Rule {
        text: rule_text!("k8s.force-delete-pod", "Force-deletes a pod", "`--force` removes the pod without its kubelet confirming it stopped; on an unreachable node it may still be running.", "a replacement may run beside it and corrupt shared data", "Delete it without `--force`; for a pod on a lost node, confirm the node is down first.", ["Is the node the pod runs on really gone?", "Is it a StatefulSet pod, such as a database?"], "kubectl describe pod {target}"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["kubectl", "oc"], check: force_delete_pod },
        #[cfg(test)]
        references: words!["https://kubernetes.io/docs/tasks/run-application/force-delete-stateful-set-pod/"],
        #[cfg(test)]
        examples: examples(&["kubectl delete pod postgres-0 --grace-period=0 --force", "kubectl -n prod delete pods/kafka-2 --force"]),
        #[cfg(test)]
        counterexamples: examples(&["kubectl delete pod web-1", "kubectl describe pod postgres-0"]),
    },
    Rule {
        text: rule_text!("k8s.drain", "Drains a Kubernetes node", "Without a PodDisruptionBudget a workload can lose every replica on the node at once; it stays cordoned until `kubectl uncordon`.", "its pods are evicted; pods without a controller are lost", "Set disruption budgets, drain one node at a time, and leave out `--force`.", ["Is there enough spare capacity for the evicted pods?", "Which pods on {target} have no controller?"], "kubectl get pods -A -o wide --field-selector spec.nodeName={target}"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["kubectl", "oc"], check: drain },
        #[cfg(test)]
        references: words!["https://kubernetes.io/docs/tasks/administer-cluster/safely-drain-node/"],
        #[cfg(test)]
        examples: examples(&["kubectl drain node-7 --ignore-daemonsets", "kubectl drain ip-10-0-3-4.ec2.internal --ignore-daemonsets --delete-emptydir-data --force", "oc adm drain worker-2 --ignore-daemonsets"]),
        #[cfg(test)]
        counterexamples: examples(&["kubectl uncordon node-7", "kubectl get nodes", "kubectl describe node node-7"]),
    },
    Rule {
        text: rule_text!("k8s.cordon", "Cordons a Kubernetes node", "`kubectl uncordon` undoes it, but cordoning several nodes can leave new or restarting pods nowhere to run.", "no new pods are scheduled on it; running ones stay", "Cordon one node at a time, and `kubectl uncordon` it when done.", ["How many nodes are cordoned already?", "When will {target} be uncordoned?"], "kubectl get nodes -o wide"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["kubectl", "oc"], check: cordon },
        #[cfg(test)]
        references: words!["https://kubernetes.io/docs/reference/kubectl/generated/kubectl_cordon/"],
        #[cfg(test)]
        examples: examples(&["kubectl cordon node-7", "oc adm cordon worker-3"]),
        #[cfg(test)]
        counterexamples: examples(&["kubectl uncordon node-7", "kubectl get nodes"]),
    },
    Rule {
        text: rule_text!("k8s.scale-to-zero", "Scales a workload down to zero", "Nothing records the previous replica count; GitOps tools may scale it straight back, and a HorizontalPodAutoscaler stays inactive at zero.", "what it serves is down until scaled back up", "Scale down gradually or drain its traffic first, and note the current replica count.", ["Who uses {target}, and is a downtime window agreed?", "How many replicas does it run now?"], "kubectl get {target} -o jsonpath='{.spec.replicas}'"),
        // DESIGN.md lists scaling back as reversible: scaling up again restores it, though the
        // service is down until then (which the scope and the explanation carry).
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["kubectl", "oc"], check: scale_to_zero },
        #[cfg(test)]
        references: words!["https://kubernetes.io/docs/reference/kubectl/generated/kubectl_scale/"],
        #[cfg(test)]
        examples: examples(&["kubectl scale deployment api --replicas=0", "kubectl -n prod scale sts/postgres --replicas 0", "kubectl scale deploy --all --replicas=0 -n shop"]),
        #[cfg(test)]
        counterexamples: examples(&["kubectl scale deployment api --replicas=3", "kubectl get deployment api"]),
    },
    Rule {
        text: rule_text!("k8s.rollout-undo", "Rolls a workload back to an earlier version", "Only the pod template reverts; ConfigMaps, Secrets and the database stay, and a reused image tag may hold newer code.", "its older code runs against today's data and may fail", "Check the target revision (`kubectl rollout history --revision=N`) and whether the database changed since.", ["Which revision does it return to, and what changed since?", "Did a database migration run after that revision?"], "kubectl rollout history {target}"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["kubectl", "oc"],
            subcommands: &[words!["rollout"], words!["undo"]],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://kubernetes.io/docs/reference/kubectl/generated/kubectl_rollout/kubectl_rollout_undo/"],
        #[cfg(test)]
        examples: examples(&["kubectl rollout undo deployment/api", "kubectl -n prod rollout undo deploy/checkout --to-revision=3"]),
        #[cfg(test)]
        counterexamples: examples(&["kubectl rollout history deployment/api", "kubectl rollout status deployment/api"]),
    },
    Rule {
        text: rule_text!("k8s.replace-force", "Deletes and recreates objects", "`--force` deletes and recreates each object, so owned pods are garbage-collected and Services may get new cluster IPs.", "its objects go down and volume data may be lost", "Use `kubectl apply` without `--force`, and fix the field blocking an in-place update.", ["Do any objects in the file hold data?", "Why can the change not be applied in place?"], "kubectl diff -f {target}"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DeleteRecreate,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["kubectl", "oc"],
            subcommands: &[words!["replace"]],
            flags_all: words!["--force"],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://kubernetes.io/docs/reference/kubectl/generated/kubectl_replace/"],
        #[cfg(test)]
        examples: examples(&["kubectl replace --force -f deployment.yaml", "kubectl -n prod replace -f svc.yaml --force --grace-period=0"]),
        #[cfg(test)]
        counterexamples: examples(&["kubectl replace -f deployment.yaml", "kubectl apply -f deployment.yaml"]),
    },
    Rule {
        text: rule_text!("k8s.remove-finalizers", "Removes finalizers to force an object away", "A finalizer holds deletion until its controller finishes clean-up; clearing it skips that work, and nothing records what was left.", "it vanishes, orphaning billed cloud resources or in-use volumes", "Find why its controller is stuck (`kubectl describe`) and fix that; remove the finalizer only after clean-up.", ["Which controller owns the finalizer, and why is it stuck?", "What cloud resources or volumes was it protecting?"], "kubectl get {target} -o jsonpath='{.metadata.finalizers}'"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["kubectl", "oc"], check: remove_finalizers },
        #[cfg(test)]
        references: words!["https://kubernetes.io/docs/concepts/overview/working-with-objects/finalizers/"],
        #[cfg(test)]
        examples: examples(&["kubectl patch pvc data-0 -p '{\"metadata\":{\"finalizers\":null}}' --type=merge", "kubectl patch namespace stuck --type json -p '[{\"op\":\"remove\",\"path\":\"/metadata/finalizers\"}]'"]),
        #[cfg(test)]
        counterexamples: examples(&["kubectl patch deployment api -p '{\"spec\":{\"replicas\":3}}'", "kubectl get pvc data-0 -o jsonpath='{.metadata.finalizers}'"]),
    },
    Rule {
        text: rule_text!("k8s.grant-cluster-admin", "Grants cluster-admin in a Kubernetes cluster", "`cluster-admin` can also create bindings and tokens, so the subject can grant itself lasting access that outlives this binding.", "it can read every secret and change anything", "Bind a narrower role in one namespace instead (`kubectl create rolebinding --clusterrole=edit -n ...`).", ["What does the subject actually need to do?", "Who or what runs as this subject?"], "kubectl auth can-i --list --as=system:serviceaccount:default:{target}"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::WidenPrivilege,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["kubectl", "oc"], check: grant_cluster_admin },
        #[cfg(test)]
        references: words!["https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles"],
        #[cfg(test)]
        examples: examples(&["kubectl create clusterrolebinding agent-admin --clusterrole=cluster-admin --serviceaccount=default:agent", "oc adm policy add-cluster-role-to-user cluster-admin dev-bot", "kubectl create clusterrolebinding open --clusterrole cluster-admin --group=system:authenticated"]),
        #[cfg(test)]
        counterexamples: examples(&["kubectl create rolebinding dev-edit --clusterrole=edit --user=dev -n dev", "kubectl get clusterrolebindings"]),
    },
    Rule {
        text: rule_text!("helm.uninstall", "Uninstalls a Helm release", "Everything in the release manifest goes unless annotated `helm.sh/resource-policy: keep`; volume claims a StatefulSet created itself stay.", "its objects are deleted, volume data and generated passwords included", "Check what it owns (`helm get manifest`), back up its volumes, and uninstall with `--keep-history`.", ["What does {target} own, and what holds data?", "Are its generated secrets or passwords stored elsewhere?"], "helm get manifest {target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["helm"], check: helm_uninstall },
        #[cfg(test)]
        references: words!["https://helm.sh/docs/helm/helm_uninstall/"],
        #[cfg(test)]
        examples: examples(&["helm uninstall payments -n prod", "helm delete --purge redis", "helm un web --namespace staging --wait"]),
        #[cfg(test)]
        counterexamples: examples(&["helm list -A", "helm get manifest payments", "helm upgrade payments ./chart"]),
    },
    Rule {
        text: rule_text!("helm.rollback", "Rolls a Helm release back", "Rollback writes a new revision from the old manifests and values: resources added since are deleted, and rollback hooks run.", "its older version runs against today's data and may break", "Compare the revisions and check for migrations since. `helm get values {target} --revision N` shows old values.", ["Which revision does it return to, and what changed since?", "Did any migration run after that revision?"], "helm history {target}"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["helm"],
            subcommands: &[words!["rollback"]],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://helm.sh/docs/helm/helm_rollback/"],
        #[cfg(test)]
        examples: examples(&["helm rollback payments 12 -n prod", "helm rollback web"]),
        #[cfg(test)]
        counterexamples: examples(&["helm history payments", "helm status payments"]),
    },
    Rule {
        text: rule_text!("helm.upgrade-force", "Upgrades a Helm release by recreating resources", "`--force` makes Helm replace resources it cannot patch, turning an immutable-field error that would stop the upgrade into delete-and-recreate.", "its workloads go down and Services may get new addresses", "Upgrade without `--force` and fix the blocking field; preview changes with `helm diff upgrade`.", ["Why can the upgrade not be applied in place?", "Which resources would be recreated?"], "helm template {target} ./chart"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DeleteRecreate,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["helm"],
            subcommands: &[words!["upgrade"]],
            flags_any: words!["--force", "--force-replace"],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://helm.sh/docs/helm/helm_upgrade/"],
        #[cfg(test)]
        examples: examples(&["helm upgrade --install api ./chart --force", "helm upgrade web bitnami/nginx -n prod --force"]),
        #[cfg(test)]
        counterexamples: examples(&["helm upgrade --install api ./chart -f values.yaml", "helm template api ./chart"]),
    },
    Rule {
        text: rule_text!("helm.uninstall-described", "A step that uninstalls a Helm release", "Only resources annotated `helm.sh/resource-policy: keep`, and volume claims a StatefulSet created itself, survive; reinstalling generates fresh passwords and empty volumes.", "its chart's objects are deleted, volume data and passwords included", "Check what the release owns (`helm get manifest`), back up its volumes, and uninstall with `--keep-history`.", ["Which of the release's resources hold data?", "Are its generated secrets stored elsewhere?"], "List what the release owns with helm get manifest before removing anything."),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Prose(&ProsePattern {
            verbs: words!["uninstall*"],
            objects: words!["release", "releases", "chart", "charts", "helm"],
            also: words![],
            window: 5,
            leading: false,
            unless: words![],
        }),
        #[cfg(test)]
        references: words!["https://helm.sh/docs/helm/helm_uninstall/"],
        #[cfg(test)]
        examples: examples(&["1. Uninstall the payments Helm release.", "- Uninstall the redis chart from the cluster."]),
        #[cfg(test)]
        counterexamples: examples(&["1. List the installed Helm releases.", "1. Uninstall the old npm package.", "1. Do not uninstall the payments release."]),
    },
];
