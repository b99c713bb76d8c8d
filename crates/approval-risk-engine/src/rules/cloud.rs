//! Cloud CLIs: AWS, Google Cloud and Azure: deleting compute, storage, databases, keys and
//! networks; switching off deletion protection, backups and audit logging; and grants that
//! open an account or a network to everyone.

#[cfg(test)]
use super::examples;
use super::matching::{find_flag, match_command, option_value, positionals, shape, Hit};
use super::{Action, CommandPattern, Matcher, Reach, Rule};
use crate::model::{Decision, Reversibility as R, Scope as S};
use crate::shell::Command;
use crate::words::Join;
use crate::words::Trim;
use crate::words::Words;

/// Ports a firewall rule names: `--port 22`, `FromPort=22,ToPort=22`, `"FromPort": 443`,
/// `--destination-port-ranges 443`. A range or a wildcard counts as `None` (not one port).
pub(super) fn ports(command: &Command, port_flags: Words) -> Vec<Option<u16>> {
    let mut out = Vec::new();
    if let Some((text, _)) = option_value(command, port_flags) {
        for part in text.split(&[',', ' '][..]).filter(|p| !p.is_empty()) {
            out.push(port(part));
        }
    }
    for arg in &command.args {
        let from = number_after(&arg.value, "FromPort");
        let to = number_after(&arg.value, "ToPort");
        if from.is_some() || to.is_some() {
            out.push(if from == to { from } else { None });
        }
    }
    out
}

fn number_after(text: &str, key: &str) -> Option<u16> {
    let at = text.find(key)? + key.len();
    let digits: String = text[at..]
        .trim_start_matches(&['"', '=', ':', ' '][..])
        .chars()
        .take_while(|c| c.is_ascii_digit())
        .collect();
    port(&digits)
}

/// A port number: parsed as the `u32` the engine already parses elsewhere (one integer parser
/// less in the page), then kept only if it fits a port.
fn port(text: &str) -> Option<u16> {
    text.parse::<u32>().ok().and_then(|n| u16::try_from(n).ok())
}

/// Every port named is a web port (80 or 443), which public services open on purpose.
pub(super) fn web_ports_only(ports: &[Option<u16>]) -> bool {
    !ports.is_empty() && ports.iter().all(|p| matches!(p, Some(80 | 443)))
}

pub(super) const OPEN_TO_WORLD: &str = "Only the web ports (80/443) are opened, as a public website or API does on purpose; any other port open to the whole internet is an invitation to attackers.";

fn aws_open_ingress(command: &Command) -> Option<Hit> {
    let mut hit = aws_op(
        command,
        &[words!["ec2"], words!["authorize-security-group-ingress"]],
    )?;
    let open = command
        .args
        .iter()
        .find(|a| a.value.contains("0.0.0.0/0") || a.value.contains("::/0"))?;
    hit.evidence.push(open.span);
    hit.target =
        option_value(command, words!["--group-id", "--group-name"]).map(|(v, _)| v.to_string());
    if web_ports_only(&ports(command, words!["--port"])) {
        hit.scope = Some(S::Production);
        hit.set_note(OPEN_TO_WORLD.to_string());
    }
    Some(hit)
}

fn aws_s3_delete_objects(command: &Command) -> Option<Hit> {
    let single = CommandPattern {
        flags_none: words!["--recursive", "--dryrun"],
        ..shape(words!["aws"], &[words!["s3"], words!["rm"]])
    };
    match_command(&single, command).or_else(|| {
        let mut hit = match_command(
        &CommandPattern {
            target_flag: Some("--bucket"),
            ..shape(words!["aws"], &[words!["s3api"], words!["delete-object", "delete-objects"]])
        },
        command,
    )?;
        if let Some(version) = find_flag(command, words!["--version-id"]) {
            hit.evidence.push(version.span);
            hit.note("`--version-id` deletes that stored version for good, even in a bucket that keeps versions.");
        }
        Some(hit)
    })
}

fn aws_s3_delete_bucket(command: &Command) -> Option<Hit> {
    let rb = CommandPattern {
        flags_none: words!["--force"],
        ..shape(words!["aws"], &[words!["s3"], words!["rb"]])
    };
    match_command(&rb, command).or_else(|| {
        match_command(
            &CommandPattern {
                target_flag: Some("--bucket"),
                ..shape(words!["aws"], &[words!["s3api"], words!["delete-bucket"]])
            },
            command,
        )
    })
}

/// `aws SERVICE OPERATION ...`, for the services and operations of `path`: the hit on the
/// program and both words.
fn aws_op(command: &Command, path: &'static [Words]) -> Option<Hit> {
    match_command(&shape(words!["aws"], path), command)
}

/// An `aws s3api` operation of `operations` on a bucket, when one of its arguments `sets`
/// what the rule is about: the hit on the command and that argument, named by `--bucket`.
fn s3api_setting(
    command: &Command,
    operations: &'static [Words],
    sets: fn(&str) -> bool,
) -> Option<Hit> {
    let mut hit = aws_op(command, operations)?;
    let setting = command.args.iter().find(|a| sets(&a.value))?;
    hit.evidence.push(setting.span);
    hit.set_target(option_value(command, words!["--bucket"]).map(|(v, _)| v.to_string()));
    Some(hit)
}

fn aws_s3_versioning_off(command: &Command) -> Option<Hit> {
    s3api_setting(
        command,
        &[words!["s3api"], words!["put-bucket-versioning"]],
        |value| {
            let compact: String = value.split_whitespace().collect();
            compact.contains("Suspended")
                || compact.contains("MFADelete=Disabled")
                || compact.contains("\"MFADelete\":\"Disabled\"")
        },
    )
}

/// A lifecycle configuration that expires objects (`Expiration`, `NoncurrentVersionExpiration`):
/// S3 deletes them later by itself, unattended, and replacing the configuration drops the
/// rules that were there.
fn aws_s3_lifecycle_expires(command: &Command) -> Option<Hit> {
    s3api_setting(
        command,
        &[
            words!["s3api"],
            words!["put-bucket-lifecycle-configuration", "put-bucket-lifecycle"],
        ],
        |value| value.contains("Expiration"),
    )
}

/// A bucket policy or ACL that lets anyone on the internet in, or an upload made public as it
/// is written (`aws s3 cp file s3://... --acl public-read`).
fn aws_s3_public(command: &Command) -> Option<Hit> {
    let mut hit = aws_op(
        command,
        &[
            words!["s3api"],
            words![
                "put-bucket-acl",
                "put-object-acl",
                "put-bucket-policy",
                "put-object"
            ],
        ],
    )
    .or_else(|| aws_op(command, &[words!["s3"], words!["cp", "sync", "mv"]]))?;
    let public = command.args.iter().find(|a| {
        let compact: String = a.value.split_whitespace().collect();
        words![
            "public-read",
            "public-read-write",
            "--acl=public-read",
            "--acl=public-read-write"
        ]
        .contains(compact.as_str())
            || compact.contains("global/AllUsers")
            || compact.contains("global/AuthenticatedUsers")
            || compact.contains("\"Principal\":\"*\"")
            || compact.contains("\"Principal\":{\"AWS\":\"*\"}")
    })?;
    hit.evidence.push(public.span);
    hit.set_target(option_value(command, words!["--bucket"]).map(|(v, _)| v.to_string()));
    Some(hit)
}

fn aws_rds_delete(command: &Command) -> Option<Hit> {
    let redshift = aws_op(command, &[words!["redshift"], words!["delete-cluster"]]);
    let mut hit = match redshift {
        Some(hit) => hit,
        None => aws_op(
            command,
            &[
                words!["rds", "docdb", "neptune"],
                words!["delete-db-instance", "delete-db-cluster"],
            ],
        )?,
    };
    hit.set_target(
        option_value(
            command,
            words![
                "--db-instance-identifier",
                "--db-cluster-identifier",
                "--cluster-identifier",
            ],
        )
        .map(|(v, _)| v.to_string()),
    );
    let skip = find_flag(
        command,
        words!["--skip-final-snapshot", "--skip-final-cluster-snapshot"],
    );
    let keep_backups = find_flag(command, words!["--no-delete-automated-backups"]);
    let final_snapshot = find_flag(
        command,
        words![
            "--final-db-snapshot-identifier",
            "--final-cluster-snapshot-identifier",
        ],
    );
    if let Some(skip) = skip {
        hit.evidence.push(skip.span);
        if let Some(keep) = keep_backups {
            hit.evidence.push(keep.span);
            hit.reversibility = Some(R::Recoverable);
            hit.note("No final snapshot is taken, but `--no-delete-automated-backups` keeps the automatic backups until their retention runs out.");
        } else {
            hit.note("`--skip-final-snapshot` means no copy is taken on the way out, and the automatic backups are deleted with the database: nothing is left to restore from.");
        }
    } else if let Some(snapshot) = final_snapshot {
        hit.evidence.push(snapshot.span);
        hit.reversibility = Some(R::Recoverable);
        hit.note("A final snapshot is taken first, so the database can be restored from it (as a new instance, with a new endpoint, losing nothing written before the snapshot).");
    }
    Some(hit)
}

fn aws_rds_backups_off(command: &Command) -> Option<Hit> {
    let mut hit = aws_op(
        command,
        &[
            words!["rds"],
            words!["modify-db-instance", "modify-db-cluster"],
        ],
    )?;
    let (days, span) = option_value(command, words!["--backup-retention-period"])?;
    if days.trim() != "0" {
        return None;
    }
    hit.evidence.push(span);
    hit.set_target(
        option_value(
            command,
            words!["--db-instance-identifier", "--db-cluster-identifier"],
        )
        .map(|(v, _)| v.to_string()),
    );
    Some(hit)
}

/// Managed policies that amount to the keys of the whole account.
const AWS_ADMIN_POLICIES: Words =
    words!["/AdministratorAccess", "/IAMFullAccess", "/PowerUserAccess"];

fn aws_iam_admin(command: &Command) -> Option<Hit> {
    if let Some(mut hit) = aws_op(
        command,
        &[
            words!["iam"],
            words![
                "attach-user-policy",
                "attach-role-policy",
                "attach-group-policy",
            ],
        ],
    ) {
        let (arn, span) = option_value(command, words!["--policy-arn"])?;
        if !AWS_ADMIN_POLICIES.iter().any(|p| arn.ends_with(p)) {
            return None;
        }
        hit.evidence.push(span);
        hit.set_target(
            option_value(
                command,
                words!["--user-name", "--role-name", "--group-name"],
            )
            .map(|(v, _)| v.to_string()),
        );
        return Some(hit);
    }
    let mut hit = aws_op(command, &[words!["iam"], words!["add-user-to-group"]])?;
    let (group, span) = option_value(command, words!["--group-name"])?;
    let lower = group.to_ascii_lowercase();
    if !(lower.contains("admin") || lower.contains("root") || lower.contains("poweruser")) {
        return None;
    }
    hit.evidence.push(span);
    hit.set_target(option_value(command, words!["--user-name"]).map(|(v, _)| v.to_string()));
    hit.note_with("`{}` is named as an administrators' group.", group);
    Some(hit)
}

/// An inline policy document that allows every action (`"Action": "*"`), or everything but a
/// few (`NotAction`).
/// An object-store URL (`s3://exports/${TENANT}`) whose variable may be empty, where the URL
/// is then the whole bucket: a deletion meant for one prefix takes every object. Returns where
/// the URL is written and the bucket it would be.
pub fn whole_bucket_if_empty(command: &Command) -> Option<(crate::span::Span, &str)> {
    command.args.iter().find_map(|arg| {
        let empty = arg.if_empty.as_deref()?;
        let (_, rest) = empty.split_once("://")?;
        let bucket = rest.trim_end_matches('/');
        (!bucket.is_empty() && !bucket.contains('/') && !bucket.contains('$'))
            .then_some((arg.span, empty))
    })
}

fn wildcard_policy(document: &str) -> bool {
    let compact: String = document.split_whitespace().collect();
    compact.contains("\"Action\":\"*\"")
        || compact.contains("\"Action\":[\"*\"")
        || compact.contains("\"NotAction\"")
}

fn aws_iam_wildcard(command: &Command) -> Option<Hit> {
    let mut hit = aws_op(
        command,
        &[
            words!["iam"],
            words![
                "put-user-policy",
                "put-role-policy",
                "put-group-policy",
                "create-policy",
                "create-policy-version",
            ],
        ],
    )?;
    let document = command.args.iter().find(|a| wildcard_policy(&a.value))?;
    hit.evidence.push(document.span);
    hit.set_target(
        option_value(
            command,
            words![
                "--user-name",
                "--role-name",
                "--group-name",
                "--policy-name",
            ],
        )
        .map(|(v, _)| v.to_string()),
    );
    Some(hit)
}

/// Deleting an access key, a service-account key or an app credential: whatever still signs
/// in with it stops working, and the same secret can never be issued again.
fn delete_access_key(command: &Command) -> Option<Hit> {
    let shapes: [(Words, &[Words]); 4] = [
        (
            words!["aws"],
            &[
                words!["iam"],
                words![
                    "delete-access-key",
                    "delete-service-specific-credential",
                    "delete-signing-certificate",
                    "delete-ssh-public-key"
                ],
            ],
        ),
        (
            words!["gcloud"],
            &[
                words!["iam"],
                words!["service-accounts"],
                words!["keys"],
                words!["delete"],
            ],
        ),
        (
            words!["az"],
            &[
                words!["ad"],
                words!["sp", "app"],
                words!["credential"],
                words!["delete"],
            ],
        ),
        (
            words!["gh"],
            &[words!["ssh-key", "gpg-key"], words!["delete"]],
        ),
    ];
    shapes.iter().find_map(|(program, subcommands)| {
        let mut hit = match_command(&shape(*program, subcommands), command)?;
        hit.set_target(
            option_value(
                command,
                words!["--user-name", "--iam-account", "--id", "--access-key-id"],
            )
            .map(|(v, _)| v.to_string()),
        );
        Some(hit)
    })
}

fn long_lived_key(command: &Command) -> Option<Hit> {
    if let Some(mut hit) = aws_op(command, &[words!["iam"], words!["create-access-key"]]) {
        hit.set_target(option_value(command, words!["--user-name"]).map(|(v, _)| v.to_string()));
        return Some(hit);
    }
    match_command(
        &CommandPattern {
            target_flag: Some("--iam-account"),
            ..shape(
                words!["gcloud"],
                &[
                    words!["iam"],
                    words!["service-accounts"],
                    words!["keys"],
                    words!["create"],
                ],
            )
        },
        command,
    )
}

fn aws_secret_delete(command: &Command) -> Option<Hit> {
    let mut hit = match_command(
        &CommandPattern {
            target_flag: Some("--secret-id"),
            ..shape(
                words!["aws"],
                &[words!["secretsmanager"], words!["delete-secret"]],
            )
        },
        command,
    )?;
    if let Some(force) = find_flag(command, words!["--force-delete-without-recovery"]) {
        hit.evidence.push(force.span);
        hit.reversibility = Some(R::Irreversible);
        hit.note("`--force-delete-without-recovery` skips the recovery window: the secret is gone at once and cannot be restored.");
    }
    Some(hit)
}

fn aws_security_monitoring_off(command: &Command) -> Option<Hit> {
    const SHAPES: &[&[Words]] = &[
        &[
            words!["guardduty"],
            words!["delete-detector", "disassociate-from-administrator-account"],
        ],
        &[
            words!["configservice"],
            words![
                "stop-configuration-recorder",
                "delete-configuration-recorder",
                "delete-delivery-channel",
            ],
        ],
        &[words!["securityhub"], words!["disable-security-hub"]],
    ];
    SHAPES
        .iter()
        .find_map(|path| match_command(&shape(words!["aws"], path), command))
}

/// A web application firewall's rules taken away from what they protect: AWS WAF (classic and
/// v2) web ACLs and rule groups deleted or detached, Azure's WAF policies and Google Cloud
/// Armor's security policies deleted.
fn waf_off(command: &Command) -> Option<Hit> {
    const SHAPES: &[(Words, &[Words])] = &[
        (
            words!["aws"],
            &[
                words!["wafv2", "waf", "waf-regional"],
                words![
                    "delete-web-acl",
                    "disassociate-web-acl",
                    "delete-rule-group",
                    "delete-firewall-manager-rule-groups",
                ],
            ],
        ),
        (
            words!["az"],
            &[
                words!["network"],
                words!["application-gateway", "front-door"],
                words!["waf-policy"],
                words!["delete"],
            ],
        ),
        (
            words!["gcloud"],
            &[
                words!["compute"],
                words!["security-policies"],
                words!["delete"],
            ],
        ),
    ];
    SHAPES
        .iter()
        .find_map(|(program, path)| match_command(&shape(*program, path), command))
}

/// `az monitor diagnostic-settings delete`: a resource's logs, its audit trail among them, stop
/// being sent anywhere.
fn azure_diagnostics_delete(command: &Command) -> Option<Hit> {
    match_command(
        &shape(
            words!["az"],
            &[
                words!["monitor"],
                words!["diagnostic-settings"],
                words!["delete"],
            ],
        ),
        command,
    )
}

fn aws_sns_delete(command: &Command) -> Option<Hit> {
    if let Some(mut hit) = aws_op(command, &[words!["sns"], words!["delete-topic"]]) {
        hit.set_target(option_value(command, words!["--topic-arn"]).map(|(v, _)| v.to_string()));
        return Some(hit);
    }
    let mut hit = match_command(
        &CommandPattern {
            target_flag: Some("--subscription-arn"),
            ..shape(words!["aws"], &[words!["sns"], words!["unsubscribe"]])
        },
        command,
    )?;
    hit.reversibility = Some(R::Recoverable);
    hit.note("Only this subscription goes; subscribing the receiver again restores it (email receivers must confirm again).");
    Some(hit)
}

fn eks_delete_cluster(command: &Command) -> Option<Hit> {
    let mut hit = aws_op(
        command,
        &[words!["eks"], words!["delete-cluster", "delete-nodegroup"]],
    )
    .or_else(|| {
        match_command(
            &shape(
                words!["eksctl"],
                &[words!["delete"], words!["cluster", "nodegroup"]],
            ),
            command,
        )
    })?;
    if let Some((name, _)) = option_value(command, words!["--name", "--cluster-name", "--cluster"])
    {
        hit.target(name);
    }
    Some(hit)
}

fn aws_secret_overwrite(command: &Command) -> Option<Hit> {
    if let Some(mut hit) = aws_op(
        command,
        &[
            words!["secretsmanager"],
            words!["update-secret", "put-secret-value"],
        ],
    ) {
        let value_flag = find_flag(
            command,
            words!["--secret-string", "--secret-binary", "--kms-key-id"],
        )?;
        hit.evidence.push(value_flag.span);
        hit.set_target(option_value(command, words!["--secret-id"]).map(|(v, _)| v.to_string()));
        return Some(hit);
    }
    let mut hit = aws_op(command, &[words!["ssm"], words!["put-parameter"]])?;
    hit.evidence
        .push(find_flag(command, words!["--overwrite"])?.span);
    hit.set_target(option_value(command, words!["--name"]).map(|(v, _)| v.to_string()));
    Some(hit)
}

fn aws_dns_record_delete(command: &Command) -> Option<Hit> {
    let mut hit = aws_op(
        command,
        &[words!["route53"], words!["change-resource-record-sets"]],
    )?;
    let batch = command.args.iter().find(|a| {
        let compact: String = a.value.split_whitespace().collect();
        compact.contains("\"Action\":\"DELETE\"") || compact.contains("Action=DELETE")
    })?;
    hit.evidence.push(batch.span);
    hit.set_target(option_value(command, words!["--hosted-zone-id"]).map(|(v, _)| v.to_string()));
    Some(hit)
}

fn aws_cache_delete(command: &Command) -> Option<Hit> {
    let mut hit = aws_op(
        command,
        &[
            words!["elasticache"],
            words![
                "delete-cache-cluster",
                "delete-replication-group",
                "delete-serverless-cache",
            ],
        ],
    )?;
    hit.set_target(
        option_value(
            command,
            words![
                "--cache-cluster-id",
                "--replication-group-id",
                "--serverless-cache-name",
            ],
        )
        .map(|(v, _)| v.to_string()),
    );
    if let Some((_, span)) = option_value(
        command,
        words!["--final-snapshot-identifier", "--final-snapshot-name"],
    ) {
        hit.evidence.push(span);
        hit.reversibility = Some(R::Recoverable);
        hit.note("A final snapshot is taken first, so the data can be loaded into a new cache.");
    }
    Some(hit)
}

/// `gsutil rm -r`, `gsutil rm gs://b/**`, `gcloud storage rm --recursive`.
fn gcs_rm_recursive(command: &Command) -> Option<Hit> {
    let mut hit = match command.program.as_str() {
        "gsutil" => {
            let mut hit = match_command(&shape(words!["gsutil"], &[words!["rm"]]), command)?;
            let many = find_flag(command, words!["-r", "-R"])
                .map(|a| a.span)
                .or_else(|| {
                    command
                        .positionals()
                        .find(|a| a.value.starts_with("gs://") && a.value.contains('*'))
                        .map(|a| a.span)
                })?;
            hit.evidence.push(many);
            hit
        }
        _ => {
            let mut hit = match_command(
                &shape(words!["gcloud"], &[words!["storage"], words!["rm"]]),
                command,
            )?;
            let many = find_flag(command, words!["--recursive", "-r", "-R"])
                .map(|a| a.span)
                .or_else(|| {
                    command
                        .positionals()
                        .find(|a| a.value.starts_with("gs://") && a.value.contains('*'))
                        .map(|a| a.span)
                })?;
            hit.evidence.push(many);
            hit
        }
    };
    hit.target_of(command.positionals().find(|a| a.value.starts_with("gs://")));
    if let Some(all) = find_flag(command, words!["-a", "--all-versions"]) {
        hit.evidence.push(all.span);
        hit.note("`-a`/`--all-versions` also deletes the older versions that object versioning kept, which were the way back.");
    }
    Some(hit)
}

/// Roles that make the holder an owner of the project or organisation, or able to make
/// themselves one.
const GCP_ADMIN_ROLES: Words = words![
    "roles/owner",
    "roles/editor",
    "roles/iam.securityAdmin",
    "roles/resourcemanager.organizationAdmin",
    "roles/resourcemanager.projectIamAdmin",
    "roles/iam.serviceAccountTokenCreator",
    "roles/iam.serviceAccountKeyAdmin",
];

fn gcp_iam_widen(command: &Command) -> Option<Hit> {
    let mut hit = Hit::on(command.program_span);
    let words = positionals(command);
    let public = |v: &str| {
        let v = v.trim_start_str("--member=");
        v.starts_with("allUsers")
            || v.starts_with("allAuthenticatedUsers")
            || v.starts_with("AllUsers")
            || v.starts_with("AllAuthenticatedUsers")
    };
    match command.program.as_str() {
        "gcloud" => {
            let at = words
                .iter()
                .take(5)
                .position(|w| w.value == "add-iam-policy-binding")?;
            hit.evidence.push(words[at].span);
            hit.target_of(words.get(at + 1).copied());
            if let Some((role, span)) = option_value(command, words!["--role"]) {
                if GCP_ADMIN_ROLES.contains(&role) {
                    hit.evidence.push(span);
                    return Some(hit);
                }
            }
            let (member, span) = option_value(command, words!["--member"])?;
            if !public(member) {
                return None;
            }
            hit.evidence.push(span);
        }
        _ => {
            let verb = words
                .first()
                .filter(|w| w.value == "iam" || w.value == "acl")?;
            // `-d` takes a grant away, which narrows access.
            if find_flag(command, words!["-d"]).is_some() {
                return None;
            }
            hit.evidence.push(verb.span);
            let grant = command.args.iter().find(|a| public(&a.value))?;
            hit.evidence.push(grant.span);
            hit.target_of(command.positionals().find(|a| a.value.starts_with("gs://")));
        }
    }
    hit.note("It grants access to `allUsers`: anyone on the internet, without signing in.");
    Some(hit)
}

/// Built-in Azure roles that can change anything, or grant themselves anything.
const AZURE_ADMIN_ROLES: Words = words![
    "owner",
    "contributor",
    "user access administrator",
    "role based access control administrator",
    "8e3af657-a8ff-443c-a75c-2fe8c4bcb635",
    "b24988ac-6180-42a0-ab88-20f7382dd24c",
    "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9",
];

fn azure_admin_role(command: &Command) -> Option<Hit> {
    let mut hit = match_command(
        &shape(
            words!["az"],
            &[words!["role"], words!["assignment"], words!["create"]],
        ),
        command,
    )?;
    let (role, span) = option_value(command, words!["--role"])?;
    if !AZURE_ADMIN_ROLES.contains(&role.to_ascii_lowercase().as_str()) {
        return None;
    }
    hit.evidence.push(span);
    hit.set_target(
        option_value(command, words!["--assignee", "--assignee-object-id"])
            .map(|(v, _)| v.to_string()),
    );
    if let Some((scope, _)) = option_value(command, words!["--scope"]) {
        if scope.trim_end_matches('/').matches('/').count() <= 2 {
            hit.note_with(
                "`{}` is a whole subscription or management group, not one resource.",
                scope,
            );
        }
    }
    Some(hit)
}

fn azure_nsg_open(command: &Command) -> Option<Hit> {
    let mut hit = match_command(
        &shape(
            words!["az"],
            &[
                words!["network"],
                words!["nsg"],
                words!["rule"],
                words!["create", "update"],
            ],
        ),
        command,
    )?;
    let denies = option_value(command, words!["--access"])
        .is_some_and(|(v, _)| v.eq_ignore_ascii_case("deny"));
    let outbound = option_value(command, words!["--direction"])
        .is_some_and(|(v, _)| v.eq_ignore_ascii_case("outbound"));
    if denies || outbound {
        return None;
    }
    let creates = positionals(command)
        .get(3)
        .is_some_and(|w| w.value == "create");
    match option_value(
        command,
        words!["--source-address-prefixes", "--source-address-prefix"],
    ) {
        Some((prefix, span)) => {
            let open = words!["*", "0.0.0.0/0", "::/0", "internet", "any"]
                .contains(prefix.to_ascii_lowercase().as_str());
            if !open {
                return None;
            }
            hit.evidence.push(span);
        }
        None if creates => {
            hit.note(
                "No source is given, and Azure's default source is `*`: anywhere on the internet.",
            );
        }
        None => return None,
    }
    hit.set_target(option_value(command, words!["--nsg-name"]).map(|(v, _)| v.to_string()));
    if web_ports_only(&ports(
        command,
        words!["--destination-port-ranges", "--destination-port-range"],
    )) {
        hit.scope = Some(S::Production);
        hit.set_note(OPEN_TO_WORLD.to_string());
    }
    Some(hit)
}

fn gcs_delete_bucket(command: &Command) -> Option<Hit> {
    match_command(&shape(words!["gsutil"], &[words!["rb"]]), command).or_else(|| {
        match_command(
            &shape(
                words!["gcloud"],
                &[words!["storage"], words!["buckets"], words!["delete"]],
            ),
            command,
        )
    })
}

fn gcp_logging_delete(command: &Command) -> Option<Hit> {
    match_command(
        &shape(
            words!["gcloud"],
            &[words!["logging"], words!["sinks", "logs"], words!["delete"]],
        ),
        command,
    )
}

fn gcp_dns_delete(command: &Command) -> Option<Hit> {
    let mut hit = match_command(
        &shape(
            words!["gcloud"],
            &[
                words!["dns"],
                words!["managed-zones", "record-sets"],
                words!["delete"],
            ],
        ),
        command,
    )?;
    if let Some((zone, _)) = option_value(command, words!["--zone", "-z"]) {
        hit.target(zone);
    }
    Some(hit)
}

fn azure_keyvault_delete(command: &Command) -> Option<Hit> {
    azure_keyvault(
        command,
        &[
            &[words!["keyvault"], words!["delete"]],
            &[
                words!["keyvault"],
                words!["secret", "key", "certificate"],
                words!["delete"],
            ],
        ],
    )
}

fn azure_keyvault_purge(command: &Command) -> Option<Hit> {
    azure_keyvault(
        command,
        &[
            &[words!["keyvault"], words!["purge"]],
            &[
                words!["keyvault"],
                words!["secret", "key", "certificate"],
                words!["purge"],
            ],
        ],
    )
}

/// An `az keyvault` command of one of `shapes`, its target the vault or item it names.
fn azure_keyvault(command: &Command, shapes: &'static [&'static [Words]]) -> Option<Hit> {
    let mut hit = any_shape(command, words!["az"], shapes)?;
    hit.target =
        option_value(command, words!["--name", "--vault-name", "-n"]).map(|(v, _)| v.to_string());
    Some(hit)
}

/// The first of `shapes` (subcommand paths of `program`) that `command` matches.
fn any_shape(
    command: &Command,
    program: Words,
    shapes: &'static [&'static [Words]],
) -> Option<Hit> {
    shapes
        .iter()
        .find_map(|path| match_command(&shape(program, path), command))
}

/// Like [`any_shape`] for `gcloud`, also through its `alpha` and `beta` command groups.
fn gcloud_shape(command: &Command, shapes: &[&[Words]]) -> Option<Hit> {
    if command.program != "gcloud" {
        return None;
    }
    let words = positionals(command);
    let skip = usize::from(
        words
            .first()
            .is_some_and(|w| w.value == "alpha" || w.value == "beta"),
    );
    shapes.iter().find_map(|path| {
        let mut evidence = vec![command.program_span];
        for (i, alternatives) in path.iter().enumerate() {
            let word = words.get(skip + i)?;
            if !alternatives.contains(&word.value.as_str()) {
                return None;
            }
            evidence.push(word.span);
        }
        Some(Hit {
            evidence,
            target: words.get(skip + path.len()).map(|a| a.value.clone()),
            ..Hit::default()
        })
    })
}

/// Sync commands that delete at the destination whatever the source lacks.
fn sync_delete(command: &Command) -> Option<Hit> {
    let (mut hit, flag) = match command.program.as_str() {
        "aws" => {
            let hit = aws_op(command, &[words!["s3"], words!["sync"]])?;
            if find_flag(command, words!["--dryrun"]).is_some() {
                return None;
            }
            (hit, find_flag(command, words!["--delete"])?)
        }
        "gsutil" => {
            let hit = match_command(&shape(words!["gsutil"], &[words!["rsync"]]), command)?;
            if find_flag(command, words!["-n"]).is_some() {
                return None;
            }
            (hit, find_flag(command, words!["-d"])?)
        }
        "gcloud" => {
            let hit = gcloud_shape(command, &[&[words!["storage"], words!["rsync"]]])?;
            if find_flag(command, words!["--dry-run"]).is_some() {
                return None;
            }
            (
                hit,
                find_flag(command, words!["--delete-unmatched-destination-objects"])?,
            )
        }
        "az" | "azcopy" => {
            let hit = match_command(
                &shape(
                    words!["az"],
                    &[words!["storage"], words!["blob"], words!["sync"]],
                ),
                command,
            )
            .or_else(|| match_command(&shape(words!["azcopy"], &[words!["sync"]]), command))?;
            let (on, span) = option_value(command, words!["--delete-destination"])?;
            if !on.eq_ignore_ascii_case("true") {
                return None;
            }
            let flag = command.args.iter().find(|a| a.span == span)?;
            (hit, flag)
        }
        _ => return None,
    };
    hit.evidence.push(flag.span);
    // The destination is the last location named.
    hit.target_of(
        positionals(command)
            .iter()
            .rev()
            .find(|a| a.value.contains("://") || a.value.contains(':'))
            .copied(),
    );
    Some(hit)
}

fn aws_delete_backup(command: &Command) -> Option<Hit> {
    any_shape(
        command,
        words!["aws"],
        &[
            &[words!["ec2"], words!["delete-snapshot", "deregister-image"]],
            &[
                words!["rds", "docdb", "neptune"],
                words![
                    "delete-db-snapshot",
                    "delete-db-cluster-snapshot",
                    "delete-db-instance-automated-backup",
                    "delete-db-cluster-automated-backup",
                ],
            ],
            &[
                words!["backup"],
                words!["delete-recovery-point", "delete-backup-vault"],
            ],
            &[words!["dynamodb"], words!["delete-backup"]],
            &[words!["elasticache", "memorydb"], words!["delete-snapshot"]],
            &[words!["redshift"], words!["delete-cluster-snapshot"]],
            &[words!["fsx"], words!["delete-backup"]],
            &[
                words!["lightsail"],
                words!["delete-instance-snapshot", "delete-disk-snapshot"],
            ],
        ],
    )
}

fn aws_delete_data_store(command: &Command) -> Option<Hit> {
    any_shape(
        command,
        words!["aws"],
        &[
            &[words!["opensearch"], words!["delete-domain"]],
            &[words!["es"], words!["delete-elasticsearch-domain"]],
            &[words!["kinesis"], words!["delete-stream"]],
            &[words!["firehose"], words!["delete-delivery-stream"]],
            &[words!["efs", "fsx"], words!["delete-file-system"]],
            &[words!["glacier"], words!["delete-vault", "delete-archive"]],
            &[
                words!["timestream-write"],
                words!["delete-database", "delete-table"],
            ],
            &[words!["memorydb"], words!["delete-cluster"]],
            &[
                words!["keyspaces"],
                words!["delete-keyspace", "delete-table"],
            ],
            &[words!["qldb"], words!["delete-ledger"]],
            &[words!["redshift-serverless"], words!["delete-namespace"]],
            &[words!["cognito-idp"], words!["delete-user-pool"]],
            &[words!["glue"], words!["delete-database", "delete-table"]],
            &[
                words!["s3tables"],
                words!["delete-table", "delete-namespace"],
            ],
            &[
                words!["ssm"],
                words!["delete-parameter", "delete-parameters"],
            ],
        ],
    )
}

fn aws_delete_service(command: &Command) -> Option<Hit> {
    any_shape(
        command,
        words!["aws"],
        &[
            &[words!["autoscaling"], words!["delete-auto-scaling-group"]],
            &[words!["ecs"], words!["delete-cluster", "delete-service"]],
            &[words!["elbv2", "elb"], words!["delete-load-balancer"]],
            &[words!["apigateway"], words!["delete-rest-api"]],
            &[words!["apigatewayv2"], words!["delete-api"]],
            &[words!["cloudfront"], words!["delete-distribution"]],
            &[
                words!["elasticbeanstalk"],
                words!["terminate-environment", "delete-application"],
            ],
            &[words!["lightsail"], words!["delete-instance"]],
            &[words!["apprunner"], words!["delete-service"]],
            &[words!["stepfunctions"], words!["delete-state-machine"]],
            &[words!["amplify"], words!["delete-app"]],
            &[words!["ec2"], words!["delete-launch-template"]],
        ],
    )
}

/// `bq update --time_partitioning_expiration=N TABLE` (or a table's `--expiration`): BigQuery
/// deletes every partition older than that, or the table itself when its time comes, with no
/// step of the plan's own. A dataset's defaults touch only tables created later.
fn bq_expiration(command: &Command) -> Option<Hit> {
    if command.positionals().next()?.value != "update" {
        return None;
    }
    let (at, arg) = command.args.iter().enumerate().find(|(_, a)| {
        ["--time_partitioning_expiration", "--expiration"]
            .iter()
            .any(|flag| a.value == *flag || a.value.starts_with(&crate::words::fill("{}=", flag)))
    })?;
    let value = match arg.value.split_once('=') {
        Some((_, value)) => value,
        None => command.args.get(at + 1)?.value.as_str(),
    };
    // Zero or less takes the expiration away, which deletes nothing (a negative number is
    // no `u32`), and so does an expiration of over a century.
    if value.parse::<u32>().map_or(true, |seconds| seconds == 0) {
        return None;
    }
    let mut hit = Hit::pair(command.program_span, arg.span);
    hit.target_of(command.positionals().nth(1));
    hit.note("BigQuery deletes what is older than the expiration as soon as it is set: partitions, or the table itself.");
    Some(hit)
}

fn gcp_delete_data_store(command: &Command) -> Option<Hit> {
    if command.program == "bq" {
        return match_command(&shape(words!["bq"], &[words!["rm"]]), command)
            .or_else(|| bq_expiration(command));
    }
    gcloud_shape(
        command,
        &[
            &[
                words!["compute"],
                words!["disks", "snapshots", "images", "machine-images"],
                words!["delete"],
            ],
            &[
                words!["spanner"],
                words!["instances", "databases"],
                words!["delete"],
            ],
            &[
                words!["bigtable"],
                words!["instances", "tables"],
                words!["delete"],
            ],
            &[words!["firestore"], words!["databases"], words!["delete"]],
            &[
                words!["redis", "memcache"],
                words!["instances"],
                words!["delete"],
            ],
            &[
                words!["filestore"],
                words!["instances", "backups"],
                words!["delete"],
            ],
            &[
                words!["alloydb"],
                words!["clusters", "backups"],
                words!["delete"],
            ],
            &[
                words!["sql"],
                words!["databases", "backups"],
                words!["delete"],
            ],
        ],
    )
}

fn gcp_delete_service(command: &Command) -> Option<Hit> {
    gcloud_shape(
        command,
        &[
            &[words!["run"], words!["services", "jobs"], words!["delete"]],
            &[words!["functions"], words!["delete"]],
            &[
                words!["app"],
                words!["services", "versions"],
                words!["delete"],
            ],
            &[
                words!["pubsub"],
                words!["topics", "subscriptions"],
                words!["delete"],
            ],
            &[
                words!["compute"],
                words![
                    "networks",
                    "forwarding-rules",
                    "backend-services",
                    "url-maps",
                    "instance-groups",
                    "instance-templates",
                ],
                words!["delete"],
            ],
            &[
                words!["compute"],
                words!["instance-groups"],
                words!["managed"],
                words!["delete"],
            ],
            &[words!["composer"], words!["environments"], words!["delete"]],
            &[words!["dataproc"], words!["clusters"], words!["delete"]],
        ],
    )
}

fn azure_delete_data_store(command: &Command) -> Option<Hit> {
    let mut hit = any_shape(
        command,
        words!["az"],
        &[
            &[words!["cosmosdb"], words!["delete"]],
            &[
                words!["cosmosdb"],
                words!["sql", "mongodb", "cassandra", "gremlin", "table"],
                words![
                    "database",
                    "keyspace",
                    "table",
                    "container",
                    "collection",
                    "graph",
                ],
                words!["delete"],
            ],
            &[
                words!["postgres", "mysql"],
                words!["flexible-server", "server"],
                words!["delete"],
            ],
            &[
                words!["postgres", "mysql"],
                words!["flexible-server"],
                words!["db"],
                words!["delete"],
            ],
            &[words!["redis", "disk", "snapshot"], words!["delete"]],
            &[
                words!["storage"],
                words!["container", "share", "table", "queue"],
                words!["delete"],
            ],
            &[words!["backup"], words!["vault"], words!["delete"]],
            &[
                words!["servicebus", "eventhubs"],
                words!["namespace"],
                words!["delete"],
            ],
        ],
    )?;
    if let Some((name, _)) = option_value(command, words!["--name", "-n", "--account-name"]) {
        hit.target(name);
    }
    Some(hit)
}

fn azure_delete_service(command: &Command) -> Option<Hit> {
    let mut hit = any_shape(
        command,
        words!["az"],
        &[
            &[
                words![
                    "webapp",
                    "functionapp",
                    "containerapp",
                    "acr",
                    "apim",
                    "staticwebapp",
                ],
                words!["delete"],
            ],
            &[words!["appservice"], words!["plan"], words!["delete"]],
            &[
                words!["network"],
                words![
                    "vnet",
                    "lb",
                    "application-gateway",
                    "public-ip",
                    "front-door",
                    "dns",
                ],
                words!["delete"],
            ],
            &[
                words!["network"],
                words!["dns"],
                words!["zone"],
                words!["delete"],
            ],
            &[
                words!["network"],
                words!["vnet"],
                words!["subnet"],
                words!["delete"],
            ],
        ],
    )?;
    if let Some((name, _)) = option_value(command, words!["--name", "-n"]) {
        hit.target(name);
    }
    Some(hit)
}

/// `cloud-nuke aws` / `cloud-nuke gcp` (every resource of the account in the regions given,
/// unless `--dry-run` only lists them), and the `aws-nuke` family, which lists unless told
/// `--no-dry-run`: the tool's own flags decide whether anything is deleted.
fn nukes_account(command: &Command) -> Option<Hit> {
    let flag = |name: &str| command.args.iter().find(|a| a.value == name);
    let what = if command.program == "cloud-nuke" {
        let cloud = positionals(command)
            .into_iter()
            .next()
            .filter(|a| words!["aws", "gcp", "defaults-aws"].contains(a.value.as_str()))?;
        if flag("--dry-run").is_some() {
            return None;
        }
        cloud
    } else {
        flag("--no-dry-run")?
    };
    let mut hit = Hit::pair(command.program_span, what.span);
    hit.set_target(
        option_value(
            command,
            words!["--region", "--project-id", "--config", "-c"],
        )
        .map(|(value, _)| value.to_string()),
    );
    // The same run as a list: `--dry-run` added, or `--no-dry-run` left out.
    let mut listed = vec![command.program.as_str()];
    listed.extend(
        command
            .args
            .iter()
            .map(|a| a.value.as_str())
            .filter(|v| *v != "--no-dry-run"),
    );
    if command.program == "cloud-nuke" {
        listed.push("--dry-run");
    }
    hit.set_instead(listed.joined(" "));
    Some(hit)
}

pub static RULES: &[Rule] = &[
    // ---- AWS: compute and network ----
    Rule {
        text: rule_text!("aws.ec2-terminate-instances", "Terminates EC2 instances", "Root EBS volumes have `DeleteOnTermination` on by default, and instance-store disks always vanish. Replacements get new IDs and addresses.", "it stops for good, and its disks are deleted", "Stop {target} instead (`aws ec2 stop-instances`), which keeps its disks; terminate it later if nothing breaks.", ["Which account and region is this, and are these instances right?", "Is anything on {target} not rebuilt by automation?", "Does an Auto Scaling group replace it, or does capacity drop?"], "aws ec2 stop-instances --instance-ids {target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["aws"],
            subcommands: &[words!["ec2"], words!["terminate-instances"]],
            flags_none: words!["--dry-run"],
            target_flag: Some("--instance-ids"),
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/cli/latest/reference/ec2/terminate-instances.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws ec2 terminate-instances --instance-ids i-0abcd1234ef567890",
            "aws --region eu-west-1 ec2 terminate-instances --instance-ids i-01 i-02 --profile prod",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws ec2 describe-instances --instance-ids i-0abcd1234ef567890",
            "aws ec2 stop-instances --instance-ids i-0abcd1234ef567890",
            "aws ec2 terminate-instances --instance-ids i-0abc --dry-run",
        ]),
    },
    Rule {
        text: rule_text!("aws.ec2-delete-volume", "Deletes an EBS volume", "An unattached volume may be the only copy of a terminated instance's data, and EBS keeps no deleted volumes.", "its data is gone; only an earlier snapshot can restore it", "Snapshot {target} first (`aws ec2 create-snapshot`). Delete it once the snapshot completes and nobody claims it.", ["What is on {target}, and when was its last snapshot?", "Does anything still expect to attach or mount it?"], "aws ec2 create-snapshot --volume-id {target} --description before-delete"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["aws"],
            subcommands: &[words!["ec2"], words!["delete-volume"]],
            flags_none: words!["--dry-run"],
            target_flag: Some("--volume-id"),
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/cli/latest/reference/ec2/delete-volume.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws ec2 delete-volume --volume-id vol-049df61146c4d7901",
            "aws ec2 delete-volume --region us-east-2 --volume-id=vol-0aaa",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws ec2 describe-volumes --volume-ids vol-049df61146c4d7901",
            "aws ec2 detach-volume --volume-id vol-049df61146c4d7901",
            "aws ec2 delete-volume --volume-id vol-1 --dry-run",
        ]),
    },
    Rule {
        text: rule_text!("aws.delete-backup", "Deletes backups, snapshots or machine images", "A snapshot is often the only copy of data deleted elsewhere. Without a Recycle Bin rule, deletion is final.", "the point in time it captured is gone for good", "Check what {target} is a backup of and that a newer, tested one exists; let retention policies expire old ones.", ["Is {target} the newest backup or last copy of deleted data?", "Could a retention policy do this instead?"], "aws ec2 describe-snapshots --snapshot-ids {target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["aws"],
            check: aws_delete_backup,
        },
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/ebs/latest/userguide/recycle-bin.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws ec2 delete-snapshot --snapshot-id snap-1234567890abcdef0",
            "aws ec2 deregister-image --image-id ami-0abcdef1234567890",
            "aws rds delete-db-snapshot --db-snapshot-identifier orders-final",
            "aws backup delete-recovery-point --backup-vault-name main --recovery-point-arn arn:aws:backup:us-east-1:123456789012:recovery-point:1",
            "aws dynamodb delete-backup --backup-arn arn:aws:dynamodb:us-east-1:123456789012:table/Orders/backup/01",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws ec2 describe-snapshots --owner-ids self",
            "aws ec2 create-snapshot --volume-id vol-1",
            "aws rds copy-db-snapshot --source-db-snapshot-identifier a --target-db-snapshot-identifier b",
            "aws backup start-backup-job --backup-vault-name main --resource-arn arn:aws:ec2:us-east-1:123456789012:volume/vol-1 --iam-role-arn arn:aws:iam::123456789012:role/backup",
        ]),
    },
    Rule {
        text: rule_text!("aws.ec2-delete-network", "Deletes a VPC, subnet, gateway or route table", "Recreated networks get new IDs and addresses, so every route, security group and allow-list naming them must be redone.", "every server and database behind it is cut off", "Confirm nothing still uses {target} (network interfaces, routes, endpoints), then delete it through infrastructure code.", ["What still runs in or routes through {target}?", "Does Terraform or CloudFormation expect it to exist?", "Is it on any partner or on-premises allow-list?"], "aws ec2 describe-network-interfaces --filters Name=vpc-id,Values={target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["aws"],
            subcommands: &[
                words!["ec2"],
                words![
                    "delete-vpc",
                    "delete-subnet",
                    "delete-nat-gateway",
                    "delete-internet-gateway",
                    "delete-route-table",
                    "delete-transit-gateway",
                    "delete-vpc-peering-connection",
                    "delete-vpn-connection",
                ],
            ],
            flags_none: words!["--dry-run"],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/cli/latest/reference/ec2/delete-vpc.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws ec2 delete-vpc --vpc-id vpc-0a1b2c3d",
            "aws ec2 delete-nat-gateway --nat-gateway-id nat-0123 --region us-east-1",
            "aws ec2 delete-subnet --subnet-id subnet-9d4a7b6c",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws ec2 describe-vpcs",
            "aws ec2 create-subnet --vpc-id vpc-0a1b2c3d --cidr-block 10.0.1.0/24",
            "aws ec2 delete-vpc --vpc-id vpc-0a1b2c3d --dry-run",
        ]),
    },
    Rule {
        text: rule_text!("aws.ec2-open-ingress", "Opens a security group to the whole internet", "`0.0.0.0/0` or `::/0` matches every address and applies at once to every instance using the group.", "anyone online can reach the port; scanners find it within minutes", "Allow only the office or VPN range, or connect with Session Manager (`aws ssm start-session`) instead.", ["Who needs to reach this port, and from which addresses?", "What listens on it, and does it require authentication?", "When will the rule be removed, and who checks?"], "aws ec2 authorize-security-group-ingress --group-id NAME --protocol tcp --port 22 --cidr 203.0.113.0/24"),
        reversibility: R::Reversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::WidenPrivilege,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["aws"],
            check: aws_open_ingress,
        },
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws ec2 authorize-security-group-ingress --group-id sg-903004f8 --protocol tcp --port 22 --cidr 0.0.0.0/0",
            "aws ec2 authorize-security-group-ingress --group-id sg-1 --ip-permissions IpProtocol=tcp,FromPort=5432,ToPort=5432,IpRanges=[{CidrIp=0.0.0.0/0}]",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws ec2 authorize-security-group-ingress --group-id sg-903004f8 --protocol tcp --port 22 --cidr 10.0.0.0/16",
            "aws ec2 revoke-security-group-ingress --group-id sg-1 --protocol tcp --port 22 --cidr 0.0.0.0/0",
            "aws ec2 describe-security-groups --group-ids sg-903004f8",
        ]),
    },
    Rule {
        text: rule_text!("aws.deletion-protection-off", "Turns off deletion or termination protection", "Protection blocks every delete call, even an administrator's. Turning it off usually precedes a delete; judge it as one.", "nothing changes yet, but its guard against mistaken deletes is gone", "Leave protection on unless the deletion is approved; then turn it off in the same change as the delete.", ["What is the next step, and is that deletion approved?", "Which account is this, and is {target} the right resource?"], "aws rds describe-db-instances --db-instance-identifier {target}"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["aws"],
            flags_any: words![
                "--no-deletion-protection",
                "--no-deletion-protection-enabled",
                "--no-disable-api-termination",
                "--no-enable-termination-protection",
                "--no-disable-api-stop",
            ],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeleteInstance.DeletionProtection"],
        #[cfg(test)]
        examples: examples(&[
            "aws rds modify-db-instance --db-instance-identifier orders-db --no-deletion-protection --apply-immediately",
            "aws ec2 modify-instance-attribute --instance-id i-0abc --no-disable-api-termination",
            "aws dynamodb update-table --table-name Orders --no-deletion-protection-enabled",
            "aws cloudformation update-termination-protection --stack-name api --no-enable-termination-protection",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws rds modify-db-instance --db-instance-identifier orders-db --deletion-protection",
            "aws ec2 modify-instance-attribute --instance-id i-0abc --disable-api-termination",
            "aws rds describe-db-instances --db-instance-identifier orders-db",
        ]),
    },
    // ---- AWS: storage ----
    Rule {
        text: rule_text!("aws.s3-rm-recursive", "Deletes every object under an S3 path", "Nothing prompts and S3 keeps no trash. A path one level too high empties the whole bucket.", "every object under it is gone unless the bucket keeps versions", "Run it with `--dryrun` first and read the list; copy {target} elsewhere before deleting.", ["Is versioning on for this bucket, so deletes can be undone?", "Is every object that `--dryrun` lists meant to go?", "Which applications or people read from {target}?"], "aws s3 rm {target} --recursive --dryrun"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["aws"],
            subcommands: &[words!["s3"], words!["rm"]],
            flags_all: words!["--recursive"],
            flags_none: words!["--dryrun"],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/cli/latest/reference/s3/rm.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws s3 rm s3://customer-uploads --recursive",
            "aws s3 rm s3://analytics-prod/exports/ --recursive --exclude '*.keep'",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws s3 rm s3://customer-uploads --recursive --dryrun",
            "aws s3 ls s3://customer-uploads --recursive",
            "aws s3 cp s3://customer-uploads ./backup --recursive",
        ]),
    },
    Rule {
        text: rule_text!("aws.s3-delete-objects", "Deletes S3 objects", "In a versioned bucket, a delete only adds a removable delete marker. Deleting a specific version is final.", "readers get errors, and it is gone unless versions are kept", "Check the bucket's versioning (`aws s3api get-bucket-versioning`); copy the objects aside first (`aws s3 cp`).", ["Is versioning on for this bucket?", "Who or what reads these objects?"], "aws s3 ls {target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["aws"],
            check: aws_s3_delete_objects,
        },
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/AmazonS3/latest/userguide/DeletingObjects.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws s3 rm s3://invoices/2024/03/inv-1001.pdf",
            "aws s3api delete-object --bucket invoices --key 2024/03/inv-1001.pdf",
            "aws s3api delete-objects --bucket invoices --delete file://keys.json",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws s3 ls s3://invoices/2024/",
            "aws s3api get-object --bucket invoices --key a.pdf a.pdf",
            "aws s3 rm s3://invoices/2024/03/inv-1001.pdf --dryrun",
        ]),
    },
    Rule {
        text: rule_text!("aws.s3-rb-force", "Deletes an S3 bucket with everything in it", "`--force` empties it first, unprompted. Whoever claims the global name next receives uploads and links still aimed at it.", "its objects and the bucket itself are deleted for good", "Copy {target} elsewhere, empty it with a lifecycle rule, and keep the bucket so nobody takes its name.", ["Is there a copy of everything in {target}?", "What still writes to or links at this bucket name?"], "aws s3 ls {target} --recursive --summarize"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["aws"],
            subcommands: &[words!["s3"], words!["rb"]],
            flags_all: words!["--force"],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/cli/latest/reference/s3/rb.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws s3 rb s3://marketing-assets --force",
            "aws s3 rb --force s3://old-logs-bucket --region us-west-2",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws s3 rb s3://marketing-assets",
            "aws s3 mb s3://marketing-assets",
            "aws s3 ls s3://marketing-assets",
        ]),
    },
    Rule {
        text: rule_text!("aws.s3-delete-bucket", "Deletes an empty S3 bucket", "Only an empty bucket can be deleted. Its policy and lifecycle rules survive only if kept in code.", "anyone can then claim its name and the traffic to it", "Keep the empty bucket, blocking all access with a bucket policy; it costs nothing and keeps the name.", ["Does any code, DNS record or document still name this bucket?", "Is its configuration (policy, lifecycle, replication) saved anywhere?"], "aws s3api put-public-access-block --bucket {target} --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["aws"],
            check: aws_s3_delete_bucket,
        },
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/AmazonS3/latest/userguide/delete-bucket.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws s3 rb s3://legacy-static-site",
            "aws s3api delete-bucket --bucket legacy-static-site --region us-east-1",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws s3api create-bucket --bucket legacy-static-site",
            "aws s3api delete-bucket-tagging --bucket legacy-static-site",
            "aws s3api head-bucket --bucket legacy-static-site",
        ]),
    },
    Rule {
        text: rule_text!("aws.s3-lifecycle-expire", "Makes S3 expire objects by itself", "S3 deletes every object the rule matches once old enough, unattended; this replaces any rules the bucket had.", "matching objects are deleted later, with nobody watching", "Read the current rules first, and test the new one on a prefix of copies before the whole bucket.", ["Which objects in {target} match, and how old are they now?", "Is anything in {target} the only copy, such as backups or exports?"], "aws s3api get-bucket-lifecycle-configuration --bucket {target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["aws"],
            check: aws_s3_lifecycle_expires,
        },
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-expire-general-considerations.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws s3api put-bucket-lifecycle-configuration --bucket exports --lifecycle-configuration '{\"Rules\": [{\"Status\": \"Enabled\", \"Filter\": {}, \"Expiration\": {\"Days\": 3}}]}'",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws s3api get-bucket-lifecycle-configuration --bucket exports",
            "aws s3api put-bucket-lifecycle-configuration --bucket exports --lifecycle-configuration '{\"Rules\": [{\"Status\": \"Enabled\", \"Filter\": {}, \"Transitions\": [{\"Days\": 30, \"StorageClass\": \"GLACIER\"}]}]}'",
        ]),
    },
    Rule {
        text: rule_text!("aws.s3-versioning-off", "Suspends S3 versioning", "Old versions stay, but new writes overwrite the `null` version in place. Nobody notices until one is needed.", "every later overwrite or delete in it becomes final", "Keep versioning on; to cut cost, expire noncurrent versions with a lifecycle rule (`NoncurrentVersionExpiration`).", ["Why must versioning be off, and for how long?", "Is anything about to be deleted or overwritten in {target}?"], "aws s3api get-bucket-versioning --bucket {target}"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["aws"],
            check: aws_s3_versioning_off,
        },
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws s3api put-bucket-versioning --bucket reports --versioning-configuration Status=Suspended",
            "aws s3api put-bucket-versioning --bucket reports --versioning-configuration '{\"Status\": \"Suspended\"}'",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws s3api put-bucket-versioning --bucket reports --versioning-configuration Status=Enabled",
            "aws s3api get-bucket-versioning --bucket reports",
        ]),
    },
    Rule {
        text: rule_text!("aws.s3-public-access-block-off", "Removes an S3 bucket's public-access block", "The block overrides any ACL or policy granting public access; new buckets have it on by default.", "nothing is exposed yet; one bad policy could publish its files", "Keep the block on; serve public files through CloudFront with origin access control, or from a separate public bucket.", ["Which files must be public, and why from this bucket?", "Does {target} hold anything private?"], "aws s3api get-public-access-block --bucket {target}"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["aws"],
            subcommands: &[words!["s3api", "s3control"], words!["delete-public-access-block"]],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws s3api delete-public-access-block --bucket customer-files",
            "aws s3control delete-public-access-block --account-id 123456789012",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws s3api get-public-access-block --bucket customer-files",
            "aws s3api put-public-access-block --bucket customer-files --public-access-block-configuration BlockPublicAcls=true",
        ]),
    },
    Rule {
        text: rule_text!("aws.s3-make-public", "Makes an S3 bucket or object public", "`\"Principal\": \"*\"` or a public ACL lets anyone in, unless the public-access block overrides it. Copies cannot be recalled.", "anyone on the internet can read what it holds", "Grant access only to the account or role that needs it, or serve public files through CloudFront.", ["Does anything in {target} need to be readable by anyone?", "Could one account, role or CloudFront distribution be granted instead?"], "aws s3api get-bucket-policy --bucket {target}"),
        reversibility: R::Reversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        // Anyone may read it from now on: it is published, not access the plan goes on to use.
        action: Action::Publish,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["aws"],
            check: aws_s3_public,
        },
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws s3api put-bucket-acl --bucket customer-files --acl public-read",
            "aws s3api put-object-acl --bucket reports --key q3.pdf --acl=public-read",
            "aws s3 cp customers.csv s3://acme-marketing-public/exports/customers.csv --acl public-read",
            "aws s3api put-bucket-policy --bucket reports --policy '{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::reports/*\"}]}'",
            "cat > policy.json <<'EOF'\n{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::reports/*\"}]}\nEOF\naws s3api put-bucket-policy --bucket reports --policy file://policy.json",
            "1. Write `infra/read.json`: `{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::media/*\"}]}`\n2. Apply it: `aws s3api put-bucket-policy --bucket media --policy file://infra/read.json`",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws s3api put-bucket-acl --bucket customer-files --acl private",
            "aws s3api get-bucket-acl --bucket customer-files",
            "aws s3 cp customers.csv s3://acme-exports/customers.csv --sse aws:kms",
            "aws s3api put-bucket-policy --bucket reports --policy file://policy.json",
            "cat > policy.json <<'EOF'\n{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:role/reader\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::reports/*\"}]}\nEOF\naws s3api put-bucket-policy --bucket reports --policy file://policy.json",
        ]),
    },
    Rule {
        text: rule_text!("aws.s3-delete-bucket-policy", "Deletes an S3 bucket policy", "S3 keeps no policy history, so unless code or CloudTrail holds it, it must be rebuilt by hand.", "services it admitted are cut off; its deny rules stop applying", "Save the current policy first (`aws s3api get-bucket-policy`), then replace it with an edited version instead.", ["Is the current policy saved, or in infrastructure code?", "What does it allow and deny today?"], "aws s3api get-bucket-policy --bucket {target}"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["aws"],
            subcommands: &[words!["s3api"], words!["delete-bucket-policy"]],
            target_flag: Some("--bucket"),
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/cli/latest/reference/s3api/delete-bucket-policy.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws s3api delete-bucket-policy --bucket audit-logs",
            "aws --profile shared s3api delete-bucket-policy --bucket=cdn-origin",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws s3api get-bucket-policy --bucket audit-logs",
            "aws s3api put-bucket-policy --bucket audit-logs --policy file://policy.json",
        ]),
    },
    // ---- AWS: databases ----
    Rule {
        text: rule_text!("aws.rds-delete-database", "Deletes a managed database", "Automated backups are deleted with it unless `--no-delete-automated-backups` is given. Restores get a new endpoint.", "its clients fail; without a final snapshot, its data is gone", "Stop {target} for a week first. Snapshot it manually, and delete with `--final-db-snapshot-identifier`, never `--skip-final-snapshot`.", ["Has a recent snapshot of {target} been restored successfully?", "Which services connect to it, and have they moved off?", "Which account and region is this, and is that intended?"], "aws rds create-db-snapshot --db-instance-identifier {target} --db-snapshot-identifier {target}-before-delete"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["aws"],
            check: aws_rds_delete,
        },
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/cli/latest/reference/rds/delete-db-instance.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws rds delete-db-instance --db-instance-identifier orders-db --skip-final-snapshot",
            "aws rds delete-db-cluster --db-cluster-identifier analytics --skip-final-snapshot --delete-automated-backups",
            "aws rds delete-db-instance --db-instance-identifier orders-db --final-db-snapshot-identifier orders-final",
            "aws redshift delete-cluster --cluster-identifier warehouse --skip-final-cluster-snapshot",
            "aws docdb delete-db-cluster --db-cluster-identifier catalog --skip-final-snapshot",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws rds describe-db-instances --db-instance-identifier orders-db",
            "aws rds stop-db-instance --db-instance-identifier orders-db",
            "aws rds create-db-snapshot --db-instance-identifier orders-db --db-snapshot-identifier s1",
        ]),
    },
    Rule {
        text: rule_text!("aws.rds-backups-off", "Turns off a database's automatic backups", "A retention period of 0 disables automated backups; manual snapshots survive. Nobody notices until a restore is needed.", "its existing backups are deleted and point-in-time recovery is gone", "Keep the retention period at 7 days or more; take a manual snapshot of {target} for a one-off copy.", ["Why must backups be off, and what replaces them?", "What happens to this database if it fails next week?"], "aws rds create-db-snapshot --db-instance-identifier {target} --db-snapshot-identifier {target}-manual"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["aws"],
            check: aws_rds_backups_off,
        },
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws rds modify-db-instance --db-instance-identifier orders-db --backup-retention-period 0 --apply-immediately",
            "aws rds modify-db-cluster --db-cluster-identifier analytics --backup-retention-period=0",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws rds modify-db-instance --db-instance-identifier orders-db --backup-retention-period 14",
            "aws rds describe-db-instances --db-instance-identifier orders-db",
        ]),
    },
    Rule {
        text: rule_text!("aws.dynamodb-delete-table", "Deletes a DynamoDB table", "With point-in-time recovery on, a system backup is kept 35 days; otherwise only earlier on-demand backups can restore it.", "its items are gone and every service using it fails", "Create an on-demand backup of {target} first (`aws dynamodb create-backup`). Keep deletion protection on tables that hold data.", ["Is there an on-demand backup of {target}?", "Which services use this table?"], "aws dynamodb create-backup --table-name {target} --backup-name {target}-before-delete"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["aws"],
            subcommands: &[words!["dynamodb"], words!["delete-table"]],
            target_flag: Some("--table-name"),
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/cli/latest/reference/dynamodb/delete-table.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws dynamodb delete-table --table-name Orders",
            "aws dynamodb delete-table --table-name=sessions --region eu-central-1",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws dynamodb describe-table --table-name Orders",
            "aws dynamodb create-backup --table-name Orders --backup-name b1",
            "aws dynamodb update-table --table-name Orders --deletion-protection-enabled",
        ]),
    },
    Rule {
        text: rule_text!("aws.delete-data-store", "Deletes an AWS data store", "Only a separate backup or export survives; a recreated Cognito user pool makes every user reset their password.", "its contents are gone and every application using it fails", "Stop what still reads or writes {target} first. Back up or export it, and test the restore.", ["What is in {target}, and is there a tested backup?", "Which applications still use it?"], "aws backup start-backup-job --backup-vault-name main --resource-arn NAME --iam-role-arn arn:aws:iam::123456789012:role/backup"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["aws"],
            check: aws_delete_data_store,
        },
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/aws-backup/latest/devguide/whatisbackup.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws opensearch delete-domain --domain-name logs",
            "aws efs delete-file-system --file-system-id fs-0123456789abcdef0",
            "aws kinesis delete-stream --stream-name clickstream --enforce-consumer-deletion",
            "aws cognito-idp delete-user-pool --user-pool-id us-east-1_abc123",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws opensearch describe-domain --domain-name logs",
            "aws efs create-file-system --creation-token t1",
            "aws kinesis put-record --stream-name clickstream --data aGk= --partition-key 1",
        ]),
    },
    Rule {
        text: rule_text!("aws.delete-service", "Deletes a running AWS service or front door", "Auto Scaling groups and ECS services take their instances or tasks along. Load balancer and CloudFront hostnames are generated.", "what it serves stops; a replacement gets a new address", "Scale {target} to zero or detach its traffic first; if nothing breaks, delete it through infrastructure code.", ["What traffic or jobs still reach {target}?", "Is it defined in code so it can be recreated?", "Do any DNS records or clients point at its address?"], "aws autoscaling update-auto-scaling-group --auto-scaling-group-name {target} --min-size 0 --desired-capacity 0"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["aws"],
            check: aws_delete_service,
        },
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/cli/latest/reference/autoscaling/delete-auto-scaling-group.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws autoscaling delete-auto-scaling-group --auto-scaling-group-name web-asg --force-delete",
            "aws elbv2 delete-load-balancer --load-balancer-arn arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188",
            "aws ecs delete-service --cluster prod --service api --force",
            "aws cloudfront delete-distribution --id EDFDVBD6EXAMPLE --if-match E2QWRUHEXAMPLE",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws autoscaling describe-auto-scaling-groups",
            "aws ecs update-service --cluster prod --service api --desired-count 0",
            "aws cloudfront create-invalidation --distribution-id EDFDVBD6EXAMPLE --paths '/*'",
        ]),
    },
    Rule {
        text: rule_text!("cloud.sync-delete", "Syncs to cloud storage, deleting extra files", "The delete option treats the source as complete and never asks; a mistyped or half-built source means mass deletion.", "every file it holds that the source lacks is deleted", "Sync without the delete option, or dry-run it first (`--dryrun`, `-n`, `--dry-run`) and read the list.", ["Is the source folder complete, and the one you mean?", "What does the dry run say it will delete?", "Is versioning on for the destination?"], "aws s3 sync ./site {target} --delete --dryrun"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["aws", "gsutil", "gcloud", "az", "azcopy"],
            check: sync_delete,
        },
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/cli/latest/reference/s3/sync.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws s3 sync ./dist s3://www.example.com --delete",
            "gsutil -m rsync -r -d ./public gs://static-site",
            "gcloud storage rsync ./out gs://exports --recursive --delete-unmatched-destination-objects",
            "azcopy sync ./site 'https://acct.blob.core.windows.net/$web' --delete-destination=true",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws s3 sync ./dist s3://www.example.com",
            "aws s3 sync ./dist s3://www.example.com --delete --dryrun",
            "gsutil -m rsync -r ./public gs://static-site",
        ]),
    },
    Rule {
        text: rule_text!("aws.elasticache-delete", "Deletes an ElastiCache cluster", "Automatic backups go with it; only a final or manual snapshot survives. Caches often hold sessions kept nowhere else.", "its contents are lost and every request falls to the database", "Point the applications using {target} elsewhere first, and delete with a final snapshot (`--final-snapshot-identifier`).", ["Does {target} hold sessions or queues kept nowhere else?", "Which applications connect to it?"], "aws elasticache describe-cache-clusters --cache-cluster-id {target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["aws"],
            check: aws_cache_delete,
        },
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/cli/latest/reference/elasticache/delete-replication-group.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws elasticache delete-replication-group --replication-group-id sessions --no-retain-primary-cluster",
            "aws elasticache delete-cache-cluster --cache-cluster-id web-cache",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws elasticache describe-replication-groups",
            "aws elasticache create-snapshot --replication-group-id sessions --snapshot-name s1",
        ]),
    },
    // ---- AWS: identity, keys and secrets ----
    Rule {
        text: rule_text!("aws.iam-delete-identity", "Deletes an IAM user, role or group", "Trust, bucket and key policies store its hidden unique ID, not its name, so a recreated namesake regains nothing.", "everyone and everything signing in as it is locked out", "Detach the policies from {target} or disable its access keys; delete it after a few days without errors.", ["What uses {target} today (check its last-used date in IAM)?", "Do trust policies, bucket policies or other accounts refer to it?"], "aws iam list-attached-role-policies --role-name {target}"),
        reversibility: R::Irreversible,
        scope: S::Production,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["aws"],
            subcommands: &[
                words!["iam"],
                words![
                    "delete-user",
                    "delete-role",
                    "delete-group",
                    "delete-instance-profile",
                    "delete-saml-provider",
                    "delete-open-id-connect-provider",
                ],
            ],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_manage_delete.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws iam delete-user --user-name deploy-bot",
            "aws iam delete-role --role-name OrdersLambdaRole",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws iam get-user --user-name deploy-bot",
            "aws iam list-roles",
            "aws iam create-role --role-name OrdersLambdaRole --assume-role-policy-document file://trust.json",
        ]),
    },
    Rule {
        text: rule_text!("aws.iam-admin-grant", "Grants administrator access in AWS", "Full IAM access equals administrator: holders can attach any policy to themselves. Detaching later does not remove keys created meanwhile.", "it can do anything in the account, including deleting everything", "Attach a policy limited to the task's actions and resources, or assume a narrow role (`aws sts assume-role`).", ["Which actions does {target} actually need?", "Who holds the credentials for {target}, and where?", "When is this access removed again, and who checks?"], "aws iam attach-role-policy --role-name {target} --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess"),
        reversibility: R::Reversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::WidenPrivilege,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["aws"],
            check: aws_iam_admin,
        },
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege"],
        #[cfg(test)]
        examples: examples(&[
            "aws iam attach-user-policy --user-name agent-bot --policy-arn arn:aws:iam::aws:policy/AdministratorAccess",
            "aws iam attach-role-policy --role-name ci-deploy --policy-arn=arn:aws:iam::aws:policy/IAMFullAccess",
            "aws iam add-user-to-group --user-name contractor1 --group-name Admins",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws iam attach-user-policy --user-name agent-bot --policy-arn arn:aws:iam::aws:policy/ReadOnlyAccess",
            "aws iam detach-user-policy --user-name agent-bot --policy-arn arn:aws:iam::aws:policy/AdministratorAccess",
            "aws iam add-user-to-group --user-name contractor1 --group-name Developers",
        ]),
    },
    Rule {
        text: rule_text!("aws.iam-wildcard-policy", "Writes an IAM policy that allows every action", "`\"Action\": \"*\"` allows every API call, and `NotAction` allows everything unlisted, including services AWS adds later.", "its holder can delete data, change permissions and create users", "Name only the actions and resources the task needs, never `*`; validate with `aws accessanalyzer validate-policy` first.", ["Which actions and resources does the task actually need?", "Who or what will hold this policy?"], "aws accessanalyzer validate-policy --policy-type IDENTITY_POLICY --policy-document file://policy.json"),
        reversibility: R::Reversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::WidenPrivilege,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["aws"],
            check: aws_iam_wildcard,
        },
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws iam put-user-policy --user-name agent-bot --policy-name all --policy-document '{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}'",
            "aws iam put-role-policy --role-name worker --policy-name p --policy-document '{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": [\"*\"], \"Resource\": \"*\"}]}'",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws iam put-user-policy --user-name agent-bot --policy-name read --policy-document '{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}'",
            "aws iam get-user-policy --user-name agent-bot --policy-name all",
        ]),
    },
    Rule {
        text: rule_text!("cloud.delete-access-key", "Deletes a cloud access key or credential", "Nothing lists which machines hold copies of the key, so each user surfaces only when it starts failing.", "everything using it is locked out, and it cannot be restored", "Deactivate the key first (`aws iam update-access-key --status Inactive`); delete it after a few days without errors.", ["When was this key last used, and by what?", "Has the replacement been rolled out everywhere the old key was?"], "aws iam get-access-key-last-used --access-key-id AKIAEXAMPLE"),
        reversibility: R::Irreversible,
        scope: S::Production,
        reach: Reach::Fixed,
        action: Action::Revoke,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["aws", "gcloud", "az", "gh"],
            check: delete_access_key,
        },
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console"],
        #[cfg(test)]
        examples: examples(&[
            "aws iam delete-access-key --user-name ci-deployer --access-key-id AKIAIOSFODNN7EXAMPLE",
            "gcloud iam service-accounts keys delete 1234abcd --iam-account=deployer@my-proj.iam.gserviceaccount.com",
            "az ad sp credential delete --id 00000000-0000-0000-0000-000000000000 --key-id abc",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws iam list-access-keys --user-name ci-deployer",
            "aws iam get-access-key-last-used --access-key-id AKIAIOSFODNN7EXAMPLE",
            "gcloud iam service-accounts keys list --iam-account=deployer@my-proj.iam.gserviceaccount.com",
        ]),
    },
    Rule {
        text: rule_text!("cloud.long-lived-key", "Creates a long-lived cloud access key", "The key never expires and works from any network. It lands in the agent's output, logs and transcript.", "anyone who sees the printed secret can act as it, anywhere", "Use short-lived credentials (an IAM role, SSO or workload identity federation); otherwise store the key in a secrets manager.", ["Why can a role or short-lived credential not be used?", "Where will the key live, and who can read it?", "When will it be deleted?"], "aws sts get-caller-identity"),
        reversibility: R::Recoverable,
        scope: S::Production,
        reach: Reach::Fixed,
        // A new key for an identity gives it no permission it did not have: it is a new
        // credential (the rotation's first step), not a widening of access.
        action: Action::Create,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["aws", "gcloud"],
            check: long_lived_key,
        },
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws iam create-access-key --user-name deploy-bot",
            "gcloud iam service-accounts keys create key.json --iam-account=deployer@my-proj.iam.gserviceaccount.com",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws iam list-access-keys --user-name deploy-bot",
            "aws iam delete-access-key --user-name deploy-bot --access-key-id AKIAEXAMPLE",
            "gcloud iam service-accounts keys list --iam-account=deployer@my-proj.iam.gserviceaccount.com",
        ]),
    },
    Rule {
        text: rule_text!("aws.kms-schedule-key-deletion", "Schedules a KMS key for deletion", "A key pending deletion refuses every cryptographic call at once; `cancel-key-deletion` works only during the 7-30 day wait.", "data it encrypted is unreadable now and lost after the wait", "Disable {target} first (`aws kms disable-key`) and watch CloudTrail for failures for weeks; then schedule with `--pending-window-in-days 30`.", ["What is encrypted with {target}: databases, volumes, backups, secrets?", "Has CloudTrail logged any use of it in 90 days?", "Who cancels the deletion if something breaks, and by when?"], "aws kms disable-key --key-id {target}"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["aws"],
            subcommands: &[words!["kms"], words!["schedule-key-deletion"]],
            target_flag: Some("--key-id"),
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws kms schedule-key-deletion --key-id 1234abcd-12ab-34cd-56ef-1234567890ab --pending-window-in-days 7",
            "aws kms schedule-key-deletion --key-id=alias/payments",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws kms cancel-key-deletion --key-id 1234abcd-12ab-34cd-56ef-1234567890ab",
            "aws kms describe-key --key-id alias/payments",
        ]),
    },
    Rule {
        text: rule_text!("aws.kms-disable-key", "Disables a KMS key", "Running resources keep cached data keys, so failures surface later, at the next restart, volume attach or secret read.", "nothing encrypted with it can be read until it is re-enabled", "Check CloudTrail for use of {target}, warn owners of what it encrypts, and keep `aws kms enable-key` ready.", ["What is encrypted with {target}, and who owns it?", "Who will re-enable the key if something breaks?"], "aws kms describe-key --key-id {target}"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["aws"],
            subcommands: &[words!["kms"], words!["disable-key"]],
            target_flag: Some("--key-id"),
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/kms/latest/developerguide/enabling-keys.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws kms disable-key --key-id 1234abcd-12ab-34cd-56ef-1234567890ab",
            "aws --region us-west-2 kms disable-key --key-id alias/orders",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws kms enable-key --key-id 1234abcd-12ab-34cd-56ef-1234567890ab",
            "aws kms disable-key-rotation --key-id alias/orders",
        ]),
    },
    Rule {
        text: rule_text!("aws.secretsmanager-delete-secret", "Deletes a secret from Secrets Manager", "It stays restorable with `restore-secret` for 30 days by default, but reads fail meanwhile; `--force-delete-without-recovery` skips that.", "every application that reads it fails on its next read", "Delete with a recovery window (`--recovery-window-in-days 30`), never `--force-delete-without-recovery`; check the secret's last-accessed date first.", ["Which applications read {target}, and when was it last accessed?", "Is the value stored anywhere else if needed again?"], "aws secretsmanager describe-secret --secret-id {target}"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["aws"],
            check: aws_secret_delete,
        },
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/secretsmanager/latest/userguide/manage_delete-restore-secret.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws secretsmanager delete-secret --secret-id prod/db/password --force-delete-without-recovery",
            "aws secretsmanager delete-secret --secret-id stripe-api-key --recovery-window-in-days 7",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws secretsmanager restore-secret --secret-id stripe-api-key",
            "aws secretsmanager get-secret-value --secret-id stripe-api-key",
        ]),
    },
    Rule {
        text: rule_text!("aws.secret-overwrite", "Overwrites a stored secret or parameter", "Only the stored copy changes, not the credential itself. The old value stays in `AWSPREVIOUS` or the parameter history.", "every application reading it gets the new value, right or wrong", "Save the current value and test the new credential first; prefer managed rotation (`aws secretsmanager rotate-secret`).", ["Has the new value been tested against the system it unlocks?", "Do the applications reading {target} pick up the change safely?"], "aws secretsmanager describe-secret --secret-id {target}"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["aws"],
            check: aws_secret_overwrite,
        },
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/secretsmanager/latest/userguide/getting-started.html#term_version"],
        #[cfg(test)]
        examples: examples(&[
            "aws secretsmanager put-secret-value --secret-id prod/db/password --secret-string 'n3w-pa55'",
            "aws secretsmanager update-secret --secret-id my/secret --secret-binary fileb://payload.bin",
            "aws ssm put-parameter --name /app/db-url --value postgres://db2 --type String --overwrite",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws secretsmanager update-secret --secret-id my/secret --description 'rotated quarterly'",
            "aws ssm put-parameter --name /app/new-flag --value on --type String",
            "aws secretsmanager get-secret-value --secret-id my/secret",
        ]),
    },
    // ---- AWS: DNS ----
    Rule {
        text: rule_text!("aws.route53-delete-hosted-zone", "Deletes a Route 53 hosted zone", "Recreating it changes its name servers; the registrar must be updated, and resolvers cache the old delegation for days.", "every name in its domain can stop resolving for days", "Export the zone's records first, and check with `dig NS` that the domain no longer delegates to {target}.", ["Which domain does {target} serve, and is it still delegated?", "Are its records exported or in code?"], "aws route53 list-resource-record-sets --hosted-zone-id {target}"),
        reversibility: R::Irreversible,
        scope: S::Production,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["aws"],
            subcommands: &[words!["route53"], words!["delete-hosted-zone"]],
            target_flag: Some("--id"),
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/DeleteHostedZone.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws route53 delete-hosted-zone --id Z1D633PJN98FT9",
            "aws route53 delete-hosted-zone --id=/hostedzone/Z1D633PJN98FT9",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws route53 get-hosted-zone --id Z1D633PJN98FT9",
            "aws route53 create-hosted-zone --name example.com --caller-reference 2024-01-01",
        ]),
    },
    Rule {
        text: rule_text!("aws.route53-delete-record", "Deletes DNS records in Route 53", "Resolvers cache the 'does not exist' answer for the SOA negative TTL, so a restored record reappears slowly.", "once caches expire, it stops resolving and what it serves fails", "Change the record to point somewhere new (`UPSERT`) instead of deleting it; save its current value first.", ["What is served at this name, and who uses it?", "Is the record's current value saved somewhere?"], "aws route53 list-resource-record-sets --hosted-zone-id {target}"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["aws"],
            check: aws_dns_record_delete,
        },
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/cli/latest/reference/route53/change-resource-record-sets.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws route53 change-resource-record-sets --hosted-zone-id Z1D633PJN98FT9 --change-batch '{\"Changes\":[{\"Action\":\"DELETE\",\"ResourceRecordSet\":{\"Name\":\"api.example.com\",\"Type\":\"A\",\"TTL\":300,\"ResourceRecords\":[{\"Value\":\"192.0.2.1\"}]}}]}'",
            "aws route53 change-resource-record-sets --hosted-zone-id Z1 --change-batch '{\"Changes\": [{\"Action\": \"DELETE\", \"ResourceRecordSet\": {\"Name\": \"www.example.com\"}}]}'",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws route53 change-resource-record-sets --hosted-zone-id Z1 --change-batch '{\"Changes\":[{\"Action\":\"UPSERT\",\"ResourceRecordSet\":{\"Name\":\"api.example.com\"}}]}'",
            "aws route53 list-resource-record-sets --hosted-zone-id Z1",
        ]),
    },
    // ---- AWS: audit, monitoring and alarms ----
    Rule {
        text: rule_text!("aws.cloudtrail-off", "Stops or deletes the CloudTrail audit log", "Trails are the only long-term record of who did what; event history keeps just 90 days of management events.", "actions in the account go unrecorded, and the gap is permanent", "Leave the trail on; to change cost or destination, use `aws cloudtrail update-trail` with security's agreement.", ["Why must the trail stop, and who in security agreed?", "What else in this plan runs while it is off?"], "aws cloudtrail update-trail --name NAME --s3-bucket-name new-audit-log-bucket"),
        reversibility: R::Irreversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::DisableSafety,
        floor: Some(Decision::Block),
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["aws"],
            subcommands: &[words!["cloudtrail"], words!["stop-logging", "delete-trail"]],
            target_flag: Some("--name"),
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-turning-off-logging.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws cloudtrail stop-logging --name management-events",
            "aws cloudtrail delete-trail --name org-trail --region us-east-1",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws cloudtrail start-logging --name management-events",
            "aws cloudtrail lookup-events --max-results 10",
            "aws cloudtrail describe-trails",
        ]),
    },
    Rule {
        text: rule_text!("aws.security-monitoring-off", "Switches off GuardDuty, Config or Security Hub", "Turning them back on does not backfill the gap, and deleting a GuardDuty detector also deletes its past findings.", "attacks and changes meanwhile go unseen and unrecorded for good", "Keep them on; suppress the noisy finding types instead of turning the service off.", ["Who in security agreed to this, and for how long?", "What else in this plan happens while nothing is watching?"], "aws guardduty list-detectors"),
        reversibility: R::Irreversible,
        scope: S::Production,
        reach: Reach::Fixed,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["aws"],
            check: aws_security_monitoring_off,
        },
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_suspend-disable.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws guardduty delete-detector --detector-id 12abc34d567e8fa901bc2d34e56789f0",
            "aws configservice stop-configuration-recorder --configuration-recorder-name default",
            "aws securityhub disable-security-hub",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws guardduty list-findings --detector-id 12abc34d567e8fa901bc2d34e56789f0",
            "aws configservice start-configuration-recorder --configuration-recorder-name default",
        ]),
    },
    Rule {
        text: rule_text!("aws.cloudwatch-delete-alarms", "Deletes CloudWatch alarms", "Nothing reports a missing alarm, and its hand-tuned thresholds and actions are gone unless kept in code.", "the next outage it watched for goes unnoticed until customers complain", "Keep the alarms; if they are noisy, tune their thresholds or pause their actions for a maintenance window.", ["What does {target} watch, and what alerts on that instead?", "Is the alarm defined in code so it can be recreated?"], "aws cloudwatch describe-alarms --alarm-names {target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["aws"],
            subcommands: &[words!["cloudwatch"], words!["delete-alarms", "delete-composite-alarm"]],
            target_flag: Some("--alarm-names"),
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/cli/latest/reference/cloudwatch/delete-alarms.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws cloudwatch delete-alarms --alarm-names api-5xx-high db-cpu-high",
            "aws cloudwatch delete-alarms --alarm-names=orders-queue-depth",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws cloudwatch describe-alarms --state-value ALARM",
            "aws cloudwatch put-metric-alarm --alarm-name api-5xx-high --metric-name 5XXError --namespace AWS/ApiGateway --statistic Sum --period 60 --threshold 5 --comparison-operator GreaterThanThreshold --evaluation-periods 1",
        ]),
    },
    Rule {
        text: rule_text!("aws.cloudwatch-disable-alarm-actions", "Silences CloudWatch alarm actions", "There is no timer: actions stay off until someone runs `enable-alarm-actions`, while the alarm still changes state.", "nobody is paged and nothing recovers while it is silenced", "Silence only the alarms the maintenance touches, and put `enable-alarm-actions` in the same plan at a fixed time.", ["Which step turns the alarm actions back on, and when?", "Who watches the service while {target} is silenced?"], "aws cloudwatch describe-alarms --alarm-names {target}"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["aws"],
            subcommands: &[words!["cloudwatch"], words!["disable-alarm-actions"]],
            target_flag: Some("--alarm-names"),
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/cli/latest/reference/cloudwatch/disable-alarm-actions.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws cloudwatch disable-alarm-actions --alarm-names api-5xx-high",
            "aws --region eu-west-1 cloudwatch disable-alarm-actions --alarm-names db-cpu-high db-disk-low",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws cloudwatch enable-alarm-actions --alarm-names api-5xx-high",
            "aws cloudwatch describe-alarm-history --alarm-name api-5xx-high",
        ]),
    },
    Rule {
        text: rule_text!("aws.logs-delete-log-group", "Deletes CloudWatch log groups", "There is no recycle bin, and its metric and subscription filters go too, quietly stopping alarms and log shipping.", "its log events are gone, and that period cannot be investigated", "Set a retention period on {target} (`put-retention-policy`) so old logs expire, or export them to S3 first.", ["Are these logs needed for an audit or legal hold?", "Are they exported anywhere else?"], "aws logs put-retention-policy --log-group-name {target} --retention-in-days 30"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["aws"],
            subcommands: &[words!["logs"], words!["delete-log-group", "delete-log-stream"]],
            target_flag: Some("--log-group-name"),
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/cli/latest/reference/logs/delete-log-group.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws logs delete-log-group --log-group-name /aws/lambda/orders",
            "aws logs delete-log-stream --log-group-name /ecs/api --log-stream-name web/abc123",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws logs describe-log-groups",
            "aws logs tail /aws/lambda/orders --follow",
            "aws logs put-retention-policy --log-group-name /aws/lambda/orders --retention-in-days 30",
        ]),
    },
    // ---- AWS: accounts and organisations ----
    Rule {
        text: rule_text!("aws.organizations-close-account", "Closes an AWS account", "Closing is one unconfirmed API call. Only AWS Support can reopen the account, and only within 90 days.", "everything in it stops now and is deleted after 90 days", "Park the account in a suspended unit with a deny-all policy (`aws organizations move-account`) for a few weeks first.", ["Is anything in account {target} still in use?", "Has the owner of its data agreed to the closure?"], "aws organizations move-account --account-id NAME --source-parent-id r-abcd --destination-parent-id ou-abcd-suspended"),
        reversibility: R::Recoverable,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::Delete,
        floor: Some(Decision::Block),
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["aws"],
            subcommands: &[words!["organizations"], words!["close-account"]],
            target_flag: Some("--account-id"),
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_close.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws organizations close-account --account-id 123456789012",
            "aws organizations close-account --account-id=210987654321",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws organizations describe-account --account-id 123456789012",
            "aws organizations list-accounts",
        ]),
    },
    Rule {
        text: rule_text!("aws.organizations-leave", "Takes an AWS account out of its organisation", "IAM Identity Center users lose access, and organisation-shared resources are cut off. Rejoining needs a fresh invitation.", "it escapes guardrails and audit logging, controlled by root alone", "Keep the account in the organisation; if it must go, let the organisation's administrators remove it.", ["Who owns and pays for the account afterwards?", "Who holds its root login?", "Which guardrails and logs stop applying to it?"], "aws organizations describe-account --account-id {target}"),
        reversibility: R::Recoverable,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["aws"],
            subcommands: &[
                words!["organizations"],
                words!["leave-organization", "remove-account-from-organization"],
            ],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_accounts_remove.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws organizations leave-organization",
            "aws organizations remove-account-from-organization --account-id 123456789012",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws organizations describe-organization",
            "aws organizations invite-account-to-organization --target Id=123456789012,Type=ACCOUNT",
        ]),
    },
    // ---- AWS: other services ----
    Rule {
        text: rule_text!("aws.lambda-delete-function", "Deletes a Lambda function", "A fresh `create-function` lacks the resource policy that let triggers invoke it, and any hand-set environment variables.", "its callers get errors, and its versions and settings are gone", "Set its reserved concurrency to 0 first (`aws lambda put-function-concurrency`) and watch for callers before deleting.", ["What invokes {target} (API Gateway, queues, schedules, other services)?", "Is its configuration in code so it can be redeployed?"], "aws lambda put-function-concurrency --function-name {target} --reserved-concurrent-executions 0"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["aws"],
            subcommands: &[words!["lambda"], words!["delete-function"]],
            target_flag: Some("--function-name"),
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/cli/latest/reference/lambda/delete-function.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws lambda delete-function --function-name orders-webhook",
            "aws lambda delete-function --function-name=thumbnailer --region us-east-1",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws lambda get-function --function-name orders-webhook",
            "aws lambda update-function-code --function-name orders-webhook --zip-file fileb://function.zip",
        ]),
    },
    Rule {
        text: rule_text!("aws.ecr-delete-images", "Deletes container images from ECR", "Running containers keep working until the next pull fails. A rebuild gives a different digest, since dependencies move on.", "rollbacks, new servers and rescheduled pods fail to pull it", "Let a lifecycle policy (`aws ecr put-lifecycle-policy`) expire old untagged images, keeping those services and rollbacks use.", ["Does any running service or rollback use these images?", "Could a lifecycle policy do this safely instead?"], "aws ecr describe-images --repository-name {target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["aws"],
            subcommands: &[words!["ecr"], words!["batch-delete-image", "delete-repository"]],
            target_flag: Some("--repository-name"),
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws ecr batch-delete-image --repository-name api --image-ids imageTag=v1.4.2",
            "aws ecr delete-repository --repository-name api --force",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws ecr describe-images --repository-name api",
            "aws ecr put-lifecycle-policy --repository-name api --lifecycle-policy-text file://policy.json",
        ]),
    },
    Rule {
        text: rule_text!("aws.eks-delete-cluster", "Deletes an EKS cluster", "AWS keeps no copy of its etcd; only manifests in Git or a cluster backup can rebuild what ran.", "its workloads stop and its configuration and secrets are gone", "Move the workloads off and check nothing is left (`kubectl get all -A`). Back up its resources and volumes.", ["What still runs in {target}?", "Is all of it recreated by GitOps or CI?", "Are its persistent volumes backed up?"], "aws eks describe-cluster --name {target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["aws", "eksctl"],
            check: eks_delete_cluster,
        },
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/eks/latest/userguide/delete-cluster.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws eks delete-cluster --name payments",
            "eksctl delete cluster --name=shop --region=us-west-2",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws eks describe-cluster --name payments",
            "eksctl get cluster",
            "aws eks update-kubeconfig --name payments",
        ]),
    },
    Rule {
        text: rule_text!("aws.sns-delete-topic", "Deletes an SNS topic or subscription", "Subscriptions go with the topic; a recreated namesake restores none of them, and email endpoints must confirm again.", "its subscribers, often on-call pagers, stop receiving messages", "List its subscriptions first (`aws sns list-subscriptions-by-topic`) and tell their owners; keep {target} until its publishers are gone.", ["Who publishes to and subscribes to {target}?", "Do any alarms send their notifications through it?"], "aws sns list-subscriptions-by-topic --topic-arn {target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["aws"],
            check: aws_sns_delete,
        },
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/cli/latest/reference/sns/delete-topic.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws sns delete-topic --topic-arn arn:aws:sns:us-east-1:123456789012:alerts",
            "aws sns delete-topic --topic-arn=arn:aws:sns:eu-west-1:123456789012:orders-events",
            "aws sns unsubscribe --subscription-arn arn:aws:sns:us-east-1:123456789012:alerts:6b0e71bd",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws sns list-topics",
            "aws sns create-topic --name alerts",
        ]),
    },
    Rule {
        text: rule_text!("aws.sqs-delete-queue", "Deletes or purges an SQS queue", "SQS keeps no copy of purged or deleted messages; a recreated queue needs its policy and dead-letter settings again.", "its unprocessed messages are lost, and nothing tells the senders", "Check the message count first (`aws sqs get-queue-attributes`); let consumers drain {target}, or move its messages elsewhere.", ["How many messages are in {target}, and what are they?", "Which services send to or read from it?"], "aws sqs get-queue-attributes --queue-url {target} --attribute-names ApproximateNumberOfMessages"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["aws"],
            subcommands: &[words!["sqs"], words!["delete-queue", "purge-queue"]],
            target_flag: Some("--queue-url"),
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/cli/latest/reference/sqs/purge-queue.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws sqs purge-queue --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/orders",
            "aws sqs delete-queue --queue-url https://sqs.eu-west-1.amazonaws.com/123456789012/jobs-dlq",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws sqs get-queue-attributes --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/orders --attribute-names All",
            "aws sqs receive-message --queue-url https://sqs.us-east-1.amazonaws.com/123456789012/orders",
        ]),
    },
    // ---- Google Cloud ----
    Rule {
        text: rule_text!("gcp.compute-instances-delete", "Deletes Compute Engine instances", "Each disk's auto-delete setting decides whether it survives. An ephemeral external IP is released and cannot be reclaimed.", "it stops, and by default its boot disk is deleted", "Stop {target} instead (`gcloud compute instances stop`); delete it later with `--keep-disks=all` if its data might matter.", ["Which project and zone is {target} in?", "Is anything on its disks not rebuilt by automation?"], "gcloud compute instances stop {target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["gcloud"],
            subcommands: &[words!["compute"], words!["instances"], words!["delete"]],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://cloud.google.com/sdk/gcloud/reference/compute/instances/delete"],
        #[cfg(test)]
        examples: examples(&[
            "gcloud compute instances delete web-1 --zone us-central1-a",
            "gcloud --project shop-prod compute instances delete db-replica-2 --zone=europe-west1-b --quiet",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "gcloud compute instances list",
            "gcloud compute instances stop web-1 --zone us-central1-a",
            "gcloud compute instances describe web-1 --zone us-central1-a",
        ]),
    },
    Rule {
        text: rule_text!("gcp.delete-data-store", "Deletes a Google Cloud database, disk or snapshot", "Most stores have no undelete; BigQuery tables restore within the time-travel window. A snapshot is often the last copy.", "its data is gone and every application using it fails", "Back up or export {target} and test the restore. Copy BigQuery tables with `bq cp` before removing them.", ["What is in {target}, and is there a tested backup?", "Which applications still use it?"], "gcloud compute snapshots list"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["gcloud", "bq"],
            check: gcp_delete_data_store,
        },
        #[cfg(test)]
        references: words!["https://cloud.google.com/sdk/gcloud/reference/compute/disks/delete"],
        #[cfg(test)]
        examples: examples(&[
            "gcloud compute disks delete data-disk-1 --zone us-central1-a",
            "gcloud spanner instances delete orders",
            "bq rm -r -f -d shop_prod:analytics",
            "gcloud beta firestore databases delete --database=users",
            "bq update --time_partitioning_expiration=34128000 shop_prod:analytics.events",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "gcloud compute disks snapshot data-disk-1 --zone us-central1-a",
            "bq ls shop_prod:analytics",
            "bq update --default_partition_expiration=34128000 shop_prod:analytics",
            "bq update --description 'Raw events' shop_prod:analytics.events",
            "gcloud spanner instances describe orders",
        ]),
    },
    Rule {
        text: rule_text!("gcp.delete-service", "Deletes a running Google Cloud service", "Its revisions go too, leaving nothing to roll back to. A deleted Pub/Sub subscription discards its unacknowledged backlog.", "what it serves stops, and its settings and addresses are gone", "Route traffic away from {target} or remove its triggers first, and delete it only if nothing breaks.", ["What still calls or subscribes to {target}?", "Is it defined in code so it can be recreated?"], "gcloud run services describe {target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["gcloud"],
            check: gcp_delete_service,
        },
        #[cfg(test)]
        references: words!["https://cloud.google.com/sdk/gcloud/reference/run/services/delete"],
        #[cfg(test)]
        examples: examples(&[
            "gcloud run services delete api --region us-central1",
            "gcloud functions delete thumbnailer --region=europe-west1 --quiet",
            "gcloud pubsub topics delete orders",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "gcloud run services describe api --region us-central1",
            "gcloud run deploy api --image gcr.io/p/api:2",
            "gcloud pubsub topics publish orders --message hi",
        ]),
    },
    Rule {
        text: rule_text!("cloud.nuke-account", "Deletes every resource in a cloud account", "Nuke tools delete whatever the credentials reach, not what the plan means; only their exclusions hold anything back.", "the account's resources and data are gone for good", "Run it with its dry run first, read the list, and point it at a sandbox account by id.", ["Which account do these credentials point at?", "What did the dry run list?"], "cloud-nuke aws --region eu-west-1 --dry-run"),
        reversibility: R::Irreversible,
        scope: S::Organization,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: Some(Decision::Escalate),
        matcher: Matcher::CommandFn {
            programs: words!["cloud-nuke", "aws-nuke", "azure-nuke", "gcp-nuke"],
            check: nukes_account,
        },
        #[cfg(test)]
        references: words!["https://github.com/gruntwork-io/cloud-nuke", "https://github.com/ekristen/aws-nuke"],
        #[cfg(test)]
        examples: examples(&[
            "cloud-nuke aws --region eu-west-1 --exclude-resource-type iam --force",
            "aws-nuke run --config nuke-config.yml --no-dry-run",
            "cloud-nuke gcp --project-id sandbox-42",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "cloud-nuke aws --region eu-west-1 --dry-run",
            "aws-nuke run --config nuke-config.yml",
            "cloud-nuke inspect-aws --region eu-west-1",
        ]),
    },
    Rule {
        text: rule_text!("gcp.projects-delete", "Deletes a whole Google Cloud project", "`gcloud projects undelete` restores it within 30 days, but the outage lasts until someone runs it.", "everything in it stops now and is deleted after 30 days", "Shut its services down one at a time, watching for weeks; export what must be kept first.", ["Is anything in project {target} still used?", "Who owns its data and has agreed to its deletion?"], "gcloud projects describe {target}"),
        reversibility: R::Recoverable,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::Delete,
        // Undeletable for 30 days: hard to undo, not beyond undoing.
        floor: Some(Decision::Escalate),
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["gcloud"],
            subcommands: &[words!["projects"], words!["delete"]],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://cloud.google.com/resource-manager/docs/creating-managing-projects#shutting_down_projects"],
        #[cfg(test)]
        examples: examples(&[
            "gcloud projects delete shop-prod-4821",
            "gcloud projects delete analytics-sandbox --quiet",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "gcloud projects list",
            "gcloud projects undelete shop-prod-4821",
            "gcloud projects describe shop-prod-4821",
        ]),
    },
    Rule {
        text: rule_text!("gcp.sql-instances-delete", "Deletes a Cloud SQL instance", "By default on-demand backups go too; only Cloud Storage exports or a configured final backup survive.", "services using it fail, and its data and backups are gone", "Export {target} to Cloud Storage first (`gcloud sql export sql`), and keep `--deletion-protection` on instances holding data.", ["Is there an export or a retained backup of {target}?", "Which services connect to it?"], "gcloud sql backups create --instance={target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["gcloud"],
            subcommands: &[words!["sql"], words!["instances"], words!["delete"]],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://cloud.google.com/sdk/gcloud/reference/sql/instances/delete"],
        #[cfg(test)]
        examples: examples(&[
            "gcloud sql instances delete orders-db",
            "gcloud sql instances delete analytics --project=data-prod --quiet",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "gcloud sql instances describe orders-db",
            "gcloud sql backups create --instance=orders-db",
        ]),
    },
    Rule {
        text: rule_text!("gcp.container-clusters-delete", "Deletes a GKE cluster", "Google keeps no copy of its control-plane state; only manifests in Git or Backup for GKE rebuild what ran.", "its workloads stop, and its nodes, secrets and data are deleted", "Move the workloads off {target} and back up its resources and volumes before deleting it.", ["What still runs in {target}?", "Are its persistent volumes backed up?"], "gcloud container clusters describe {target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["gcloud"],
            subcommands: &[words!["container"], words!["clusters"], words!["delete"]],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://cloud.google.com/sdk/gcloud/reference/container/clusters/delete"],
        #[cfg(test)]
        examples: examples(&[
            "gcloud container clusters delete shop --region us-central1",
            "gcloud container clusters delete ml-training --zone=us-east1-b --quiet",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "gcloud container clusters get-credentials shop --region us-central1",
            "gcloud container clusters list",
        ]),
    },
    Rule {
        text: rule_text!("gcp.storage-rm-recursive", "Deletes every object under a Cloud Storage path", "Soft delete keeps objects 7 days by default, unless turned off. Given a bucket URL, the bucket goes too.", "every object under it is deleted, without a prompt", "List what would go first (`gcloud storage ls --recursive`); copy {target} to a backup bucket before deleting.", ["Is versioning or soft delete on for this bucket?", "Is every object listed under {target} meant to go?"], "gcloud storage ls --recursive {target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["gsutil", "gcloud"],
            check: gcs_rm_recursive,
        },
        #[cfg(test)]
        references: words!["https://cloud.google.com/sdk/gcloud/reference/storage/rm"],
        #[cfg(test)]
        examples: examples(&[
            "gsutil -m rm -r gs://customer-uploads",
            "gcloud storage rm --recursive gs://analytics-exports/2024/",
            "gsutil rm gs://media-bucket/**",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "gsutil ls -r gs://customer-uploads",
            "gsutil rm gs://customer-uploads/one-file.txt",
            "gcloud storage cp -r gs://customer-uploads ./backup",
        ]),
    },
    Rule {
        text: rule_text!("gcp.storage-delete-bucket", "Deletes a Cloud Storage bucket", "Only an empty bucket can be deleted. Its permissions and lifecycle rules survive only if kept in code.", "anyone can then claim its name and the traffic to it", "Keep the empty bucket and remove access to it; it costs nothing and keeps the name yours.", ["Does anything still write to or link at {target}?", "Is the bucket empty, and was everything in it copied?"], "gcloud storage buckets describe {target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["gsutil", "gcloud"],
            check: gcs_delete_bucket,
        },
        #[cfg(test)]
        references: words!["https://cloud.google.com/storage/docs/deleting-buckets"],
        #[cfg(test)]
        examples: examples(&[
            "gsutil rb gs://legacy-static-site",
            "gcloud storage buckets delete gs://legacy-static-site",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "gsutil mb gs://legacy-static-site",
            "gcloud storage buckets describe gs://legacy-static-site",
        ]),
    },
    Rule {
        text: rule_text!("gcp.iam-admin-or-public-grant", "Grants owner or public access in Google Cloud", "IAM-admin, token-creator and key-admin roles amount to owner, since holders can grant roles or impersonate service accounts.", "the grantee controls it, or anyone online gets in", "Grant a named account the narrowest predefined role on one resource, with an expiry condition (`--condition`).", ["Which permissions does the task actually need, on which resource?", "Who is the member, and for how long?"], "gcloud projects get-iam-policy {target}"),
        reversibility: R::Reversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::WidenPrivilege,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["gcloud", "gsutil"],
            check: gcp_iam_widen,
        },
        #[cfg(test)]
        references: words!["https://cloud.google.com/iam/docs/understanding-roles#basic"],
        #[cfg(test)]
        examples: examples(&[
            "gcloud projects add-iam-policy-binding shop-prod --member=user:contractor@example.com --role=roles/owner",
            "gcloud storage buckets add-iam-policy-binding gs://reports --member=allUsers --role=roles/storage.objectViewer",
            "gsutil iam ch allUsers:objectViewer gs://reports",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "gcloud projects add-iam-policy-binding shop-prod --member=user:dev@example.com --role=roles/logging.viewer",
            "gcloud projects get-iam-policy shop-prod",
            "gsutil iam ch -d allUsers gs://reports",
        ]),
    },
    Rule {
        text: rule_text!("gcp.kms-destroy-key-version", "Destroys a Cloud KMS key version", "Destruction is only scheduled at first; `gcloud kms keys versions restore` undoes it within 30 days by default.", "data encrypted with it becomes unreadable, for good once destroyed", "Disable the key version first (`gcloud kms keys versions disable`); destroy it only after weeks without failures.", ["What data is encrypted with this key version?", "Has anything used it recently, according to the audit logs?"], "gcloud kms keys versions disable NAME --key=app-key --keyring=main --location=global"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["gcloud"],
            subcommands: &[words!["kms"], words!["keys"], words!["versions"], words!["destroy"]],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://cloud.google.com/kms/docs/destroy-restore"],
        #[cfg(test)]
        examples: examples(&[
            "gcloud kms keys versions destroy 3 --key=app-key --keyring=main --location=global",
            "gcloud kms keys versions destroy 1 --key payments --keyring prod --location us-east1",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "gcloud kms keys versions restore 3 --key=app-key --keyring=main --location=global",
            "gcloud kms keys versions list --key=app-key --keyring=main --location=global",
        ]),
    },
    Rule {
        text: rule_text!("gcp.logging-sink-delete", "Deletes a Cloud Logging sink or log", "Sinks route entries only as they arrive; `_Default` keeps logs 30 days. Deleting a log erases its entries outright.", "logs stop reaching long-term storage, and the gap stays unfilled", "Keep the sink; if its destination changes, update it (`gcloud logging sinks update`) so no entries are missed.", ["Which logs does {target} carry, and who relies on them?", "What replaces it, and from when?"], "gcloud logging sinks describe {target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["gcloud"],
            check: gcp_logging_delete,
        },
        #[cfg(test)]
        references: words!["https://cloud.google.com/logging/docs/export/configure_export_v2"],
        #[cfg(test)]
        examples: examples(&[
            "gcloud logging sinks delete audit-to-bigquery",
            "gcloud logging logs delete cloudaudit.googleapis.com%2Factivity --quiet",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "gcloud logging sinks list",
            "gcloud logging read 'severity>=ERROR' --limit 10",
        ]),
    },
    Rule {
        text: rule_text!("gcp.dns-delete", "Deletes a Cloud DNS zone or records", "Resolvers cache 'does not exist' answers, so restored records reappear slowly. A recreated zone gets new name servers.", "its names stop resolving as caches expire, breaking websites and mail", "Export the records first (`gcloud dns record-sets export`); point records somewhere new instead of deleting them.", ["Which domain or names does this serve, and who uses them?", "Are the records exported so they can be put back?"], "gcloud dns record-sets list --zone={target}"),
        reversibility: R::Recoverable,
        scope: S::Production,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["gcloud"],
            check: gcp_dns_delete,
        },
        #[cfg(test)]
        references: words!["https://cloud.google.com/sdk/gcloud/reference/dns/managed-zones/delete"],
        #[cfg(test)]
        examples: examples(&[
            "gcloud dns managed-zones delete example-com",
            "gcloud dns record-sets delete api.example.com. --type=A --zone=example-com",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "gcloud dns managed-zones list",
            "gcloud dns record-sets list --zone=example-com",
        ]),
    },
    Rule {
        text: rule_text!("gcp.secrets-delete", "Deletes a Secret Manager secret", "Secret Manager has no recovery window. A recreated secret restarts version numbers at 1, breaking pinned versions.", "its versions are gone and every application reading it fails", "Disable the secret's versions first (`gcloud secrets versions disable`); delete it only after weeks without failures.", ["Which applications read {target}?", "Is its value kept anywhere else?"], "gcloud secrets versions disable latest --secret={target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["gcloud"],
            subcommands: &[words!["secrets"], words!["delete"]],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://cloud.google.com/secret-manager/docs/delete-secret"],
        #[cfg(test)]
        examples: examples(&[
            "gcloud secrets delete db-password",
            "gcloud secrets delete stripe-key --project=shop-prod --quiet",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "gcloud secrets versions access latest --secret=db-password",
            "gcloud secrets list",
        ]),
    },
    // ---- Azure ----
    Rule {
        text: rule_text!("azure.group-delete", "Deletes an Azure resource group and its contents", "Deletion cannot be cancelled once started, and only resources with their own soft delete, like key vaults, come back.", "every resource in it is deleted, often a whole environment", "List what is in {target} first (`az resource list -g`) and delete only the resources you mean to.", ["Does anything in {target} hold data?", "Which subscription is this, and is it the environment you mean?"], "az resource list --resource-group {target}"),
        reversibility: R::Irreversible,
        scope: S::Production,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["az"],
            subcommands: &[words!["group"], words!["delete"]],
            target_flag: Some("--name"),
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/cli/azure/group#az-group-delete"],
        #[cfg(test)]
        examples: examples(&[
            "az group delete --name rg-shop --yes",
            "az group delete -g rg-analytics-prod --no-wait --yes",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "az group show --name rg-shop",
            "az group create --name rg-shop --location westeurope",
            "az group list",
        ]),
    },
    Rule {
        text: rule_text!("azure.vm-delete", "Deletes an Azure virtual machine", "Each disk's and network interface's delete option decides whether it survives. A dynamic public IP is released for good.", "it stops, and usually its disks are deleted too", "Deallocate {target} instead (`az vm deallocate`), which keeps its disks and stops the compute bill.", ["Is anything on {target} not rebuilt by automation?", "Which subscription and resource group is this?"], "az vm deallocate --name NAME --resource-group rg"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["az"],
            subcommands: &[words!["vm", "vmss"], words!["delete"]],
            target_flag: Some("--name"),
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/cli/azure/vm#az-vm-delete"],
        #[cfg(test)]
        examples: examples(&[
            "az vm delete --resource-group rg-shop --name web-01 --yes",
            "az vmss delete -g rg-shop -n web-scale-set",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "az vm deallocate --resource-group rg-shop --name web-01",
            "az vm show -g rg-shop -n web-01",
        ]),
    },
    Rule {
        text: rule_text!("azure.storage-account-delete", "Deletes an Azure storage account", "Blob soft delete and versioning die with it. Recovery sometimes works within 14 days, while the name is unclaimed.", "every container, share, queue and table in it is deleted", "Copy the data elsewhere first (`azcopy copy`), and lock accounts holding data (`az lock create --lock-type CanNotDelete`).", ["What does {target} hold, and is it copied elsewhere?", "Which applications use its connection string or keys?"], "az storage account show --name {target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["az"],
            subcommands: &[words!["storage"], words!["account"], words!["delete"]],
            target_flag: Some("--name"),
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/azure/storage/common/storage-account-recover"],
        #[cfg(test)]
        examples: examples(&[
            "az storage account delete --name shopuploads --resource-group rg-shop --yes",
            "az storage account delete -n stanalytics -g rg-data",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "az storage account show --name shopuploads",
            "az storage account create --name shopuploads --resource-group rg-shop",
        ]),
    },
    Rule {
        text: rule_text!("azure.storage-blob-delete-batch", "Deletes many blobs in an Azure storage container", "`--pattern` filters by name with wildcards; without it, every blob in the container is deleted. Nothing asks for confirmation.", "matching blobs are gone unless soft delete or versioning is on", "Run it with `--dryrun` first and read the list; check soft delete is on (`az storage account blob-service-properties show`).", ["Is blob soft delete or versioning on for this account?", "What does `--dryrun` list?"], "az storage blob delete-batch --source NAME --account-name acct --dryrun"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["az"],
            subcommands: &[words!["storage"], words!["blob"], words!["delete-batch"]],
            flags_none: words!["--dryrun"],
            target_flag: Some("--source"),
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/cli/azure/storage/blob#az-storage-blob-delete-batch"],
        #[cfg(test)]
        examples: examples(&[
            "az storage blob delete-batch --source uploads --account-name shopuploads",
            "az storage blob delete-batch -s backups --pattern '2023/*' --account-name stbackup",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "az storage blob delete-batch --source uploads --account-name shopuploads --dryrun",
            "az storage blob list --container-name uploads --account-name shopuploads",
        ]),
    },
    Rule {
        text: rule_text!("azure.delete-data-store", "Deletes an Azure database, cache, disk or container", "Most recovery, like Cosmos DB continuous backup, must be enabled beforehand; otherwise only a separate export or snapshot remains.", "its data is gone and every application using it fails", "Back up or export {target} and test the restore. Lock resources holding data (`az lock create --lock-type CanNotDelete`).", ["What is in {target}, and is there a tested backup?", "Which applications still use it?"], "az resource lock create --name keep --lock-type CanNotDelete --resource-group rg --resource-name NAME --resource-type Microsoft.Compute/disks"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["az"],
            check: azure_delete_data_store,
        },
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/azure/azure-resource-manager/management/lock-resources"],
        #[cfg(test)]
        examples: examples(&[
            "az cosmosdb delete --name shop-cosmos --resource-group rg-shop --yes",
            "az postgres flexible-server delete --name pg-orders --resource-group rg-data --yes",
            "az disk delete --name data-disk-1 --resource-group rg-shop",
            "az storage container delete --name uploads --account-name shopuploads",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "az cosmosdb show --name shop-cosmos --resource-group rg-shop",
            "az postgres flexible-server backup create --name pg-orders --resource-group rg-data --backup-name b1",
            "az disk list --resource-group rg-shop",
        ]),
    },
    Rule {
        text: rule_text!("azure.delete-service", "Deletes a running Azure service or network", "Only web apps restore, with `az webapp deleted restore`. Strangers can claim a released hostname still named in DNS.", "what it serves stops; a replacement gets new names and addresses", "Stop {target} first (`az webapp stop`) and watch for failures; then delete it through infrastructure code.", ["What still reaches {target}?", "Is it defined in code so it can be recreated?", "Do any DNS records or clients point at it?"], "az webapp stop --name NAME --resource-group rg"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["az"],
            check: azure_delete_service,
        },
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/cli/azure/webapp#az-webapp-delete"],
        #[cfg(test)]
        examples: examples(&[
            "az webapp delete --name shop-web --resource-group rg-shop",
            "az network vnet delete --name vnet-main --resource-group rg-net",
            "az acr delete --name shopregistry --yes",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "az webapp stop --name shop-web --resource-group rg-shop",
            "az network vnet show --name vnet-main --resource-group rg-net",
        ]),
    },
    Rule {
        text: rule_text!("azure.sql-db-delete", "Deletes an Azure SQL database", "Automatic backups outlive it, so `az sql db restore --deleted-time` recreates it while its server exists and retention lasts.", "every application using it fails, and a restore loses recent data", "Export {target} first (`az sql db export`), and put delete locks on databases holding data.", ["Which applications connect to {target}?", "Has a restore from its automatic backups been tried?"], "az sql db show --name NAME --server sql-main --resource-group rg"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["az"],
            subcommands: &[words!["sql"], words!["db", "mi"], words!["delete"]],
            target_flag: Some("--name"),
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/azure/azure-sql/database/recovery-using-backups#deleted-database-restore"],
        #[cfg(test)]
        examples: examples(&[
            "az sql db delete --name orders --server sql-shop --resource-group rg-shop --yes",
            "az sql db delete -g rg-data -s sql-analytics -n events",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "az sql db show --name orders --server sql-shop --resource-group rg-shop",
            "az sql db export --name orders --server sql-shop --resource-group rg-shop --storage-uri https://x.blob.core.windows.net/b/orders.bacpac",
        ]),
    },
    Rule {
        text: rule_text!("azure.sql-server-delete", "Deletes an Azure SQL server", "Restoring a deleted database needs its server, so automatic backups become unreachable; only long-term retention backups remain.", "every database on it is deleted, and applications using them fail", "Export each database on {target} first (`az sql db export`); delete databases one by one, not the server.", ["Which databases are on {target}, and is each exported?", "Which applications connect to it?"], "az sql db list --server NAME --resource-group rg"),
        reversibility: R::Irreversible,
        scope: S::Production,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["az"],
            subcommands: &[words!["sql"], words!["server"], words!["delete"]],
            target_flag: Some("--name"),
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/cli/azure/sql/server#az-sql-server-delete"],
        #[cfg(test)]
        examples: examples(&[
            "az sql server delete --name sql-shop --resource-group rg-shop --yes",
            "az sql server delete -n sql-analytics -g rg-data",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "az sql server show --name sql-shop --resource-group rg-shop",
            "az sql server list",
        ]),
    },
    Rule {
        text: rule_text!("azure.keyvault-delete", "Deletes an Azure Key Vault or a secret", "Soft delete keeps it recoverable with `recover` for 90 days by default, unless purged first; purge protection prevents that.", "every application reading keys, secrets or certificates from it fails", "Disable access to {target} with a policy change first to see what breaks; ensure purge protection is on.", ["Which applications read from {target}?", "Is purge protection on, and how long is the retention?"], "az keyvault show --name {target}"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["az"],
            check: azure_keyvault_delete,
        },
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/azure/key-vault/general/soft-delete-overview"],
        #[cfg(test)]
        examples: examples(&[
            "az keyvault delete --name kv-shop --resource-group rg-shop",
            "az keyvault secret delete --vault-name kv-shop --name db-password",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "az keyvault show --name kv-shop",
            "az keyvault recover --name kv-shop",
            "az keyvault secret show --vault-name kv-shop --name db-password",
        ]),
    },
    Rule {
        text: rule_text!("azure.keyvault-purge", "Purges a deleted Azure Key Vault or secret", "Purge removes the soft-deleted copy, the only way back; vaults with purge protection refuse it until retention ends.", "its keys and secrets are gone, leaving data they encrypted unreadable", "Leave it soft-deleted until the retention period ends; recover it if anything still needs it.", ["Is anything still encrypted with the keys in {target}?", "Why can it not wait for the retention period?"], "az keyvault list-deleted"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["az"],
            check: azure_keyvault_purge,
        },
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/cli/azure/keyvault#az-keyvault-purge"],
        #[cfg(test)]
        examples: examples(&[
            "az keyvault purge --name kv-shop",
            "az keyvault secret purge --vault-name kv-shop --name db-password",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "az keyvault list-deleted",
            "az keyvault recover --name kv-shop",
        ]),
    },
    Rule {
        text: rule_text!("azure.admin-role-assignment", "Grants an Owner or Contributor role in Azure", "Role assignments inherit downward: a subscription or management-group grant covers every resource group below. Removing it undoes nothing done meanwhile.", "it can delete anything in scope; Owner can also grant roles", "Assign the narrowest built-in role (such as Reader) on one resource group, time-limited through Privileged Identity Management.", ["Which actions does {target} actually need, and on which resources?", "Is the scope a whole subscription, and why?"], "az role assignment list --assignee {target}"),
        reversibility: R::Reversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::WidenPrivilege,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["az"],
            check: azure_admin_role,
        },
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/azure/role-based-access-control/best-practices"],
        #[cfg(test)]
        examples: examples(&[
            "az role assignment create --assignee agent@example.com --role Owner --scope /subscriptions/00000000-0000-0000-0000-000000000000",
            "az role assignment create --assignee 11111111-2222-3333-4444-555555555555 --role \"User Access Administrator\" --resource-group rg-shop",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "az role assignment create --assignee agent@example.com --role Reader --resource-group rg-shop",
            "az role assignment list --assignee agent@example.com",
            "az role assignment delete --assignee agent@example.com --role Owner",
        ]),
    },
    Rule {
        text: rule_text!("azure.aks-delete", "Deletes an AKS cluster", "Its node resource group goes too, and only manifests in Git or a cluster backup can rebuild what ran.", "its workloads stop, and its nodes, secrets and data are deleted", "Move the workloads off {target} and stop it (`az aks stop`) for a while before deleting it.", ["What still runs in {target}?", "Are its persistent volumes backed up?"], "az aks stop --name NAME --resource-group rg"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["az"],
            subcommands: &[words!["aks"], words!["delete"]],
            target_flag: Some("--name"),
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/cli/azure/aks#az-aks-delete"],
        #[cfg(test)]
        examples: examples(&[
            "az aks delete --name aks-shop --resource-group rg-shop --yes",
            "az aks delete -g rg-ml -n training --no-wait",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "az aks show --name aks-shop --resource-group rg-shop",
            "az aks get-credentials --name aks-shop --resource-group rg-shop",
        ]),
    },
    Rule {
        text: rule_text!("azure.nsg-open-to-internet", "Opens an Azure security group to the internet", "`*`, `Internet` and `0.0.0.0/0` all mean every address. The rule applies at once wherever the group is attached.", "anyone online can reach the port; scanners find it within minutes", "Allow only the address ranges that need it, or use Azure Bastion or just-in-time access instead.", ["Who needs to reach this port, and from which addresses?", "What listens on it, and does it require authentication?"], "az network nsg rule list --nsg-name NAME --resource-group rg"),
        reversibility: R::Reversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::WidenPrivilege,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["az"],
            check: azure_nsg_open,
        },
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/azure/virtual-network/network-security-groups-overview"],
        #[cfg(test)]
        examples: examples(&[
            "az network nsg rule create -g rg-shop --nsg-name web-nsg -n allow-ssh --priority 100 --destination-port-ranges 22 --source-address-prefixes '*' --access Allow",
            "az network nsg rule create --resource-group rg-db --nsg-name db-nsg --name sql --priority 200 --destination-port-ranges 1433 --source-address-prefixes Internet",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "az network nsg rule create -g rg-shop --nsg-name web-nsg -n allow-ssh --priority 100 --destination-port-ranges 22 --source-address-prefixes 203.0.113.0/24",
            "az network nsg rule create -g rg-shop --nsg-name web-nsg -n deny-all --priority 4000 --source-address-prefixes '*' --access Deny",
            "az network nsg rule list -g rg-shop --nsg-name web-nsg",
        ]),
    },
    Rule {
        text: rule_text!("cloud.waf-off", "Removes a web application firewall's rules", "Attacks it was blocking reach the application at once, and its rules are rebuilt only from code or by hand.", "attacks it was blocking reach the application unfiltered", "Switch the rule that misfires to count mode instead of removing the firewall; keep its rules in code.", ["Which rule misfires, and can it alone be set to count?", "What protects the application meanwhile?"], "aws wafv2 get-web-acl --name {target} --scope REGIONAL --id <id>"),
        reversibility: R::Recoverable,
        scope: S::Production,
        reach: Reach::Fixed,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["aws", "az", "gcloud"],
            check: waf_off,
        },
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-rule-action.html"],
        #[cfg(test)]
        examples: examples(&[
            "aws wafv2 delete-web-acl --name prod-acl --scope REGIONAL --id a1b2 --lock-token c3d4",
            "aws wafv2 disassociate-web-acl --resource-arn arn:aws:elasticloadbalancing:us-east-1:1234:loadbalancer/app/web/5678",
            "gcloud compute security-policies delete edge-policy",
            "az network front-door waf-policy delete --name edgewaf --resource-group rg-web",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws wafv2 list-web-acls --scope REGIONAL",
            "aws wafv2 associate-web-acl --web-acl-arn arn:aws:wafv2:x --resource-arn arn:aws:elasticloadbalancing:x",
            "gcloud compute security-policies describe edge-policy",
        ]),
    },
    Rule {
        text: rule_text!("azure.diagnostics-delete", "Stops sending an Azure resource's logs anywhere", "Diagnostic settings carry the resource's audit and activity logs out; entries made while none exist are never kept.", "its logs stop being kept, and the gap stays unfilled", "Point the setting at the new destination with `update` rather than deleting it.", ["Which logs does it carry, and who relies on them?", "What replaces it, and from when?"], "az monitor diagnostic-settings show --name {target} --resource <resource-id>"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["az"],
            check: azure_diagnostics_delete,
        },
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/azure/azure-monitor/essentials/diagnostic-settings"],
        #[cfg(test)]
        examples: examples(&[
            "az monitor diagnostic-settings delete --name audit-to-la --resource /subscriptions/x/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "az monitor diagnostic-settings list --resource /subscriptions/x/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv",
        ]),
    },
];
