//! Infrastructure plans (`terraform plan` output, `terraform show -json`, CloudFormation change
//! sets): each resource change is read as a step `@resource <verb> <type> <address>`, and the
//! resource type decides what is lost: a database, bucket, volume or key holds data that a new
//! resource will not have.

#[cfg(test)]
use super::examples;
use super::matching::Hit;
use super::{Action, Matcher, Reach, Rule};
use crate::model::{Reversibility as R, Scope as S};
use crate::shell::Command;
use crate::words::Words;

/// Fragments of resource type names (Terraform and CloudFormation, lower-cased) whose resources
/// hold data or identity that recreating does not bring back.
const DATA_TYPES: Words = words![
    "db_instance",
    "rds",
    "database",
    "sql",
    "s3_bucket",
    "s3::bucket",
    "storage_bucket",
    "storage_account",
    "ebs_volume",
    "ec2::volume",
    "disk",
    "volume",
    "dynamodb",
    "efs",
    "file_system",
    "filesystem",
    "elasticache",
    "redis",
    "memcache",
    "kinesis",
    "kms",
    "secretsmanager",
    "secret",
    "elasticsearch",
    "opensearch",
    "docdb",
    "documentdb",
    "neptune",
    "bigtable",
    "spanner",
    "firestore",
    "cosmosdb",
    "backup",
    "snapshot",
    "bigquery",
    "redshift",
    "msk",
    "kafka",
    "glacier",
    "key_vault",
    "keyvault",
    "route53_zone",
    "dns_managed_zone",
    "dns_zone",
    "hostedzone",
    "log_group",
    "loggroup",
    "cloudtrail",
    "user_pool",
    "userpool",
    "sqs",
    "queue",
];

fn is_data(kind: &str) -> bool {
    let kind = kind.to_ascii_lowercase();
    DATA_TYPES.iter().any(|d| kind.contains(d))
}

/// `@resource <verb> <type> <address>`: the verb's and address's words as evidence.
fn parts(command: &Command) -> Option<(&str, &str, Hit)> {
    let verb = command.args.first()?;
    let kind = command.args.get(1)?;
    let address = command.args.get(2).unwrap_or(kind);
    let mut hit = Hit::pair(verb.span, address.span);
    hit.target_of(Some(address));
    Some((verb.value.as_str(), kind.value.as_str(), hit))
}

fn destroys_data(command: &Command) -> Option<Hit> {
    let (verb, kind, hit) = parts(command)?;
    (verb == "destroy" && is_data(kind)).then_some(hit)
}

fn replaces_data(command: &Command) -> Option<Hit> {
    let (verb, kind, mut hit) = parts(command)?;
    if !matches!(verb, "replace" | "maybe-replace") || !is_data(kind) {
        return None;
    }
    if verb == "maybe-replace" {
        hit.note("CloudFormation says replacement is conditional: it depends on values only known at deploy time.");
    }
    Some(hit)
}

fn destroys_other(command: &Command) -> Option<Hit> {
    let (verb, kind, hit) = parts(command)?;
    (verb == "destroy" && !is_data(kind)).then_some(hit)
}

fn replaces_other(command: &Command) -> Option<Hit> {
    let (verb, kind, hit) = parts(command)?;
    (matches!(verb, "replace" | "maybe-replace") && !is_data(kind)).then_some(hit)
}

/// Identity and access: who can do what across the account.
fn is_identity(kind: &str) -> bool {
    let kind = kind.to_ascii_lowercase();
    words![
        "iam",
        "role",
        "policy",
        "permission",
        "access_key",
        "service_account",
        "role_assignment",
        "organization",
        "scp"
    ]
    .iter()
    .any(|d| kind.contains(d))
}

/// The address the plan lets in from the whole internet (the plan rewrite writes it as
/// `--cidr`, with the ports as `--port`).
fn open_source(command: &Command) -> Option<&crate::shell::Arg> {
    let at = command.args.iter().position(|a| a.value == "--cidr")?;
    command.args.get(at + 1)
}

fn opens_to_internet(command: &Command) -> Option<Hit> {
    let (verb, _, mut hit) = parts(command)?;
    if !words!["update", "create", "replace", "maybe-replace"].contains(verb) {
        return None;
    }
    hit.evidence.push(open_source(command)?.span);
    if super::cloud::web_ports_only(&super::cloud::ports(command, words!["--port"])) {
        hit.scope = Some(S::Production);
        hit.set_note(super::cloud::OPEN_TO_WORLD.to_string());
    }
    Some(hit)
}

/// The value after `--weakens`: the safety setting a resource change switches off or cuts
/// short, then its old and new values.
fn weakened(command: &Command) -> Option<[&crate::shell::Arg; 3]> {
    let at = command.args.iter().position(|a| a.value == "--weakens")?;
    match command.args.get(at + 1..at + 4)? {
        [key, old, new] => Some([key, old, new]),
        _ => None,
    }
}

fn weakens_safety(command: &Command) -> Option<Hit> {
    let (verb, _, mut hit) = parts(command)?;
    if !words!["update", "create", "replace", "maybe-replace"].contains(verb) {
        return None;
    }
    let [key, old, new] = weakened(command)?;
    hit.evidence.extend([key.span, new.span]);
    hit.set_note(crate::words::fill3(
        "`{}` goes from {} to {}.",
        &key.value,
        &old.value,
        &new.value,
    ));
    Some(hit)
}

fn changes(command: &Command) -> Option<Hit> {
    let (verb, kind, mut hit) = parts(command)?;
    // Opening to the internet is its own finding, which says more than this one.
    if !words!["update", "create", "update-unlisted"].contains(verb)
        || open_source(command).is_some()
        || weakened(command).is_some()
    {
        return None;
    }
    if is_identity(kind) && resource_level_grant(kind) {
        hit.note("It changes who may use one resource, not the whole account.");
    } else if is_identity(kind) {
        hit.scope = Some(S::Organization);
        hit.note("It changes identity and access, which decides what everyone and everything in the account can do.");
    } else if verb == "create" && is_monitoring(kind) {
        // An alert, an alarm or a dashboard added watches what runs and changes none of it.
        hit.scope = Some(S::Local);
        hit.note("It adds monitoring; nothing that runs changes.");
    }
    Some(hit)
}

/// Monitoring resources: alerts, alarms, dashboards, the groups that alerts notify.
fn is_monitoring(kind: &str) -> bool {
    let kind = kind.to_ascii_lowercase();
    words![
        "monitor_action_group",
        "monitor_metric_alert",
        "monitor_scheduled_query",
        "monitor_activity_log_alert",
        "monitoring_alert_policy",
        "monitoring_notification_channel",
        "monitoring_dashboard",
        "monitoring_uptime_check",
        "cloudwatch_metric_alarm",
        "cloudwatch_composite_alarm",
        "cloudwatch_dashboard",
        "cloudwatch::alarm",
        "log_metric_filter",
        "portal_dashboard",
        "dashboard",
    ]
    .iter()
    .any(|m| kind.contains(m))
}

/// A grant on one resource (`google_storage_bucket_iam_member`, `google_pubsub_topic_iam_binding`),
/// rather than on a project, folder or organisation, where the type name says so.
fn resource_level_grant(kind: &str) -> bool {
    let kind = kind.to_ascii_lowercase();
    let Some((on, what)) = kind.split_once("_iam_") else {
        return false;
    };
    // The provider's prefix, then the resource type (`google_` + `storage_bucket`); an AWS
    // IAM type (`aws_iam_role_policy`) has no resource before `_iam_`.
    let on = on.split_once('_').map_or("", |(_, rest)| rest);
    words!["member", "binding", "policy"].contains(what)
        && !on.is_empty()
        && !words![
            "project",
            "organization",
            "folder",
            "billing_account",
            "service_account",
        ]
        .contains(on)
}

fn destroys_unlisted(command: &Command) -> Option<Hit> {
    let (verb, _, mut hit) = parts(command)?;
    if verb != "destroy-unlisted" {
        return None;
    }
    hit.note =
        Some("Only the summary line was pasted, so which resources go is not visible.".to_string());
    Some(hit)
}

pub static RULES: &[Rule] = &[
    Rule {
        text: rule_text!("iac.plan-destroys-data", "The plan destroys a resource that holds data", "Re-applying recreates it empty; a deleted managed database often loses its automated backups too, unless a final snapshot exists.", "it and its data are gone unless restored from backup", "Take {target} out of this change, protect it with `prevent_destroy`, and destroy it alone once unused.", ["Is destroying {target} intended, or is it a rename?", "Is there a recent snapshot or backup of {target}?", "Is this plan built from the current state?"], "terraform plan -destroy -target={target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["@resource"], check: destroys_data },
        #[cfg(test)]
        references: words!["https://developer.hashicorp.com/terraform/tutorials/state/resource-lifecycle"],
        #[cfg(test)]
        examples: examples(&["  # aws_db_instance.orders will be destroyed", "  # module.storage.aws_s3_bucket.uploads will be destroyed"]),
        #[cfg(test)]
        counterexamples: examples(&["  # aws_security_group_rule.web will be destroyed", "  # aws_db_instance.orders will be updated in-place"]),
    },
    Rule {
        text: rule_text!("iac.plan-replaces-data", "The plan replaces a resource that holds data", "An attribute that cannot change in place forces a new resource; nothing copies data, and `-/+` means delete first.", "it comes back empty with a new identifier unless restored", "Change the attribute forcing replacement another way, or migrate the data to a new resource first.", ["What forces replacing {target}, and can it change in place?", "Is {target} backed up, and restorable into the new resource?"], "terraform plan -out=review.tfplan"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DeleteRecreate,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["@resource"], check: replaces_data },
        #[cfg(test)]
        references: words!["https://developer.hashicorp.com/terraform/internals/json-format#change-representation"],
        #[cfg(test)]
        examples: examples(&["  # aws_db_instance.main must be replaced", "  # google_sql_database_instance.primary must be replaced"]),
        #[cfg(test)]
        counterexamples: examples(&["  # aws_instance.web must be replaced", "  # aws_db_instance.main will be created"]),
    },
    Rule {
        text: rule_text!("iac.plan-destroys-resource", "The plan destroys infrastructure", "It holds no data of its own, but renaming code without a `moved` block also shows as a destroy.", "whatever relies on it breaks until it is recreated", "Confirm {target} is meant to go, not a rename, and apply its removal on its own.", ["Is removing {target} intended, or a rename read as destroy?", "What depends on {target}?"], "terraform state show {target}"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["@resource"], check: destroys_other },
        #[cfg(test)]
        references: words!["https://developer.hashicorp.com/terraform/cli/commands/plan"],
        #[cfg(test)]
        examples: examples(&["  # aws_instance.web[0] will be destroyed", "  # aws_iam_role_policy.deploy will be destroyed"]),
        #[cfg(test)]
        counterexamples: examples(&["  # aws_instance.web[0] will be created", "  # aws_db_instance.main will be destroyed"]),
    },
    Rule {
        text: rule_text!("iac.plan-replaces-resource", "The plan replaces infrastructure", "`-/+` destroys the old one before creating the new; `+/-` means `create_before_destroy` creates the new one first.", "it gets new identifiers and addresses, with a gap between", "Use `create_before_destroy` for {target}, or change the attribute that forces replacement another way.", ["Will {target} be down between delete and create?", "Does anything refer to its current ID or address?"], "terraform plan -out=review.tfplan"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DeleteRecreate,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["@resource"], check: replaces_other },
        #[cfg(test)]
        references: words!["https://developer.hashicorp.com/terraform/language/meta-arguments/lifecycle"],
        #[cfg(test)]
        examples: examples(&["  # aws_instance.web must be replaced", "-/+ resource \"aws_instance\" \"web\" {\n  # aws_instance.web must be replaced"]),
        #[cfg(test)]
        counterexamples: examples(&["  # aws_instance.web will be updated in-place", "  # aws_ebs_volume.data must be replaced"]),
    },
    Rule {
        text: rule_text!("iac.plan-destroys-unlisted", "The plan destroys resources it does not list", "The summary counts destroys and replacements, but without the resource lines the tool cannot judge what holds data.", "unnamed resources are destroyed, possibly with their data", "Paste the whole plan output (or `terraform show -json plan.out`) so every destroyed resource can be seen.", ["Which resources does the plan destroy or replace?", "Do any of them hold data?"], "terraform show -no-color plan.out"),
        reversibility: R::Unknown,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["@resource"], check: destroys_unlisted },
        #[cfg(test)]
        references: words![],
        #[cfg(test)]
        examples: examples(&["Plan: 0 to add, 1 to change, 3 to destroy."]),
        #[cfg(test)]
        counterexamples: examples(&["Plan: 2 to add, 0 to change, 0 to destroy."]),
    },
    Rule {
        text: rule_text!("iac.plan-opens-to-internet", "The plan opens a port to the internet", "An inbound rule from `0.0.0.0/0`, `::/0` or `*` lets every address in, from the moment the apply finishes.", "anyone online can reach the port; scanners find it within minutes", "Limit {target} to the office or VPN range, or reach the host through a bastion or session manager.", ["Who needs to reach this port, and from which addresses?", "What listens on it, and does it require authentication?"], "# {target}: allow only the office or VPN range, then plan again"),
        reversibility: R::Reversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::WidenPrivilege,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["@resource"], check: opens_to_internet },
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html"],
        #[cfg(test)]
        examples: examples(&[
            "  # aws_security_group_rule.ssh will be created\n  + resource \"aws_security_group_rule\" \"ssh\" {\n      + cidr_blocks = [\n          + \"0.0.0.0/0\",\n        ]\n      + from_port = 22\n      + to_port = 22\n      + type = \"ingress\"\n    }",
            "  # google_compute_firewall.db will be updated in-place\n  ~ resource \"google_compute_firewall\" \"db\" {\n      ~ source_ranges = [\n          - \"10.0.0.0/8\",\n          + \"0.0.0.0/0\",\n        ]\n    }",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "  # aws_security_group_rule.out will be created\n  + resource \"aws_security_group_rule\" \"out\" {\n      + cidr_blocks = [\"0.0.0.0/0\"]\n      + type = \"egress\"\n    }",
            "  # aws_security_group.web will be created\n  + resource \"aws_security_group\" \"web\" {\n      + egress = [\n          + {\n              + cidr_blocks = [\n                  + \"0.0.0.0/0\",\n                ]\n            },\n        ]\n      + ingress = [\n          + {\n              + cidr_blocks = [\n                  + \"10.0.0.0/16\",\n                ]\n            },\n        ]\n    }",
            "  # aws_security_group_rule.old will be destroyed\n  - resource \"aws_security_group_rule\" \"old\" {\n      - cidr_blocks = [\"0.0.0.0/0\"] -> null\n    }",
        ]),
    },
    Rule {
        text: rule_text!("iac.plan-weakens-safety", "The plan weakens a safety setting", "Logging, deletion protection, versioning and retention keep the way back; weakened, the next mistake or purge is final.", "what it protected can be lost for good after the apply", "Keep {target}'s setting as it is, and change it in its own reviewed plan if it must change.", ["Why must this setting change, and who in security agreed?", "What would be lost if something went wrong while it is off?"], "# {target}: keep the setting as it is, then plan again"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["@resource"], check: weakens_safety },
        #[cfg(test)]
        references: words!["https://developer.hashicorp.com/terraform/cli/commands/plan"],
        #[cfg(test)]
        examples: examples(&[
            "  # aws_cloudtrail.org will be updated in-place\n  ~ resource \"aws_cloudtrail\" \"org\" {\n      ~ enable_logging = true -> false\n        name = \"org-trail\"\n    }",
            "  # aws_s3_bucket_lifecycle_configuration.logs will be updated in-place\n  ~ resource \"aws_s3_bucket_lifecycle_configuration\" \"logs\" {\n      ~ rule {\n          ~ expiration {\n              ~ days = 365 -> 1\n            }\n        }\n    }",
            "  # aws_db_instance.main will be updated in-place\n  ~ resource \"aws_db_instance\" \"main\" {\n      ~ deletion_protection = true -> false\n      ~ backup_retention_period = 7 -> 0\n    }",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "  # aws_db_instance.main will be updated in-place\n  ~ resource \"aws_db_instance\" \"main\" {\n      ~ deletion_protection = false -> true\n      ~ backup_retention_period = 7 -> 14\n    }",
            "  # aws_cloudtrail.org will be destroyed\n  - resource \"aws_cloudtrail\" \"org\" {\n      - enable_logging = true -> null\n    }",
        ]),
    },
    Rule {
        text: rule_text!("iac.plan-changes", "The plan creates or changes infrastructure", "Nothing is deleted, but in-place is not downtime-free: an instance type change, for one, restarts the resource.", "a wrong setting reaches everything that uses it", "Read the attribute changes for {target}, and apply to a non-production environment first.", ["Which environment's state is this plan for?", "Will any change restart the resource?"], "terraform show -no-color plan.out"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["@resource"], check: changes },
        #[cfg(test)]
        references: words!["https://developer.hashicorp.com/terraform/cli/commands/plan"],
        #[cfg(test)]
        examples: examples(&["  # aws_instance.web will be updated in-place", "  # aws_s3_bucket.logs will be created", "  # azurerm_monitor_metric_alert.api_5xx will be created", "  # google_storage_bucket_iam_member.finance_reader will be created"]),
        #[cfg(test)]
        counterexamples: examples(&["  # aws_instance.web will be destroyed", "Terraform will perform the following actions:"]),
    },
];
