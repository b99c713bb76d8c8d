//! Backup tools: deleting snapshots, archives and schedules (restic, borg, kopia, duplicity,
//! Velero), and taking one. A backup is what every other recovery in this catalogue relies on;
//! losing it turns the next mistake from recoverable into permanent.

#[cfg(test)]
use super::examples;
use super::matching::{find_flag, positionals, Hit};
use super::{Action, CommandPattern, Matcher, Reach, Rule};
use crate::model::{Reversibility as R, Scope as S};
use crate::shell::Command;
use crate::words::Words;

/// The commands that take a backup or snapshot: each is the program and then the leading
/// positional words, spaces between them and `|` between alternatives of one word.
const TAKE_BACKUP: Words = words![
    "aws rds create-db-snapshot|create-db-cluster-snapshot",
    "aws ec2 create-snapshot|create-snapshots|create-image",
    "aws dynamodb create-backup",
    "aws backup start-backup-job",
    "aws redshift create-cluster-snapshot",
    "aws elasticache create-snapshot",
    "aws lightsail create-instance-snapshot|create-disk-snapshot",
    "aws docdb|neptune create-db-cluster-snapshot",
    "gcloud compute disks snapshot",
    "gcloud compute snapshots|images|machine-images create",
    "gcloud sql backups create",
    "gcloud sql export",
    "gcloud spanner|bigtable backups create",
    "gcloud firestore export",
    "az snapshot create",
    "az backup protection backup-now",
    "velero backup create",
    "restic backup",
    "borg create",
    "kopia snapshot create",
    "etcdctl snapshot save",
];

fn take_backup(command: &Command) -> Option<Hit> {
    let words = positionals(command);
    let shape = TAKE_BACKUP.iter().find_map(|entry| {
        let (program, shape) = entry.split_once(' ')?;
        let matches = program == command.program
            && shape.split(' ').count() <= words.len()
            && shape
                .split(' ')
                .zip(&words)
                .all(|(alternatives, word)| alternatives.split('|').any(|a| a == word.value));
        matches.then_some(shape)
    })?;
    let mut evidence = vec![command.program_span];
    evidence.extend(words.iter().take(shape.split(' ').count()).map(|w| w.span));
    Some(Hit::at(evidence))
}

/// The programs `take_backup` knows.
const BACKUP_PROGRAMS: Words =
    words!["aws", "gcloud", "az", "velero", "restic", "borg", "kopia", "etcdctl"];

fn borg_delete(command: &Command) -> Option<Hit> {
    let words = positionals(command);
    let sub = words.first()?;
    if !words![
        "delete",
        "prune",
        "compact",
        "repo-delete",
        "rdelete",
        "rcompact"
    ]
    .contains(sub.value.as_str())
    {
        return None;
    }
    // `--cache-only` drops the local cache, which borg rebuilds; the archives are untouched.
    if find_flag(command, words!["--cache-only"]).is_some() {
        return None;
    }
    let mut hit = Hit::pair(command.program_span, sub.span);
    hit.target_of(words.get(1).copied());
    Some(hit)
}

fn velero_delete(command: &Command) -> Option<Hit> {
    let words = positionals(command);
    let kind = words.first()?;
    let verb = words.get(1)?;
    if verb.value != "delete"
        || !words![
            "backup",
            "backups",
            "snapshot",
            "snapshot-location",
            "backup-location",
            "schedule",
            "schedules",
            "restore",
            "restores"
        ]
        .contains(kind.value.as_str())
    {
        return None;
    }
    let mut hit = Hit::three(command.program_span, kind.span, verb.span);
    hit.target_of(words.get(2).copied());
    if kind.value.starts_with("restore") {
        // A restore record only describes a restore that already ran; the data is untouched.
        hit.reversibility = Some(R::Reversible);
        hit.note(
            "A restore record only describes a past restore; deleting it loses its log, not data.",
        );
    }
    if kind.value.starts_with("schedule") {
        hit.note =
            Some("Deleting a schedule stops every future backup it would have taken.".to_string());
    }
    Some(hit)
}

pub static RULES: &[Rule] = &[
    Rule {
        text: rule_text!("backup.take", "Takes a backup or snapshot", "It helps only if it completes, covers what later steps change and restores; a wrong-database dump looks equally reassuring.", "a copy is taken; nothing existing changes", "Check that the copy finished and can be restored before a later step relies on it.", ["Did it finish, and has a restore from it been tried?", "Does it cover everything the later steps change?"], "List the backups taken so far and when a restore from each was last tried."),
        // A copy is made; nothing that exists is changed.
        reversibility: R::Reversible,
        scope: S::None,
        reach: Reach::Fixed,
        action: Action::Backup,
        floor: None,
        matcher: Matcher::CommandFn { programs: BACKUP_PROGRAMS, check: take_backup },
        #[cfg(test)]
        references: words![],
        #[cfg(test)]
        examples: examples(&[
            "aws rds create-db-snapshot --db-instance-identifier orders-prod --db-snapshot-identifier orders-pre-migration",
            "gcloud compute disks snapshot data-disk --zone us-central1-a",
            "restic backup /srv/data",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "aws rds delete-db-snapshot --db-snapshot-identifier orders-old",
            "gcloud compute snapshots delete old-snap",
            "restic forget --prune --keep-last 1",
        ]),
    },
    Rule {
        text: rule_text!("backup.restic-forget", "Deletes restic backup snapshots", "`forget` removes snapshot records, and until `prune` deletes the unreferenced data, `restic recover` can still salvage it.", "its points in time can no longer be restored", "Run it with `--dry-run` first and read which snapshots go; keep a second copy (`restic copy`).", ["Which snapshots go, and is any the only copy of something?", "Is there a second copy of this repository?"], "restic forget --keep-last 1 --prune --dry-run"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["restic"],
            subcommands: &[words!["forget", "prune"]],
            flags_none: words!["--dry-run", "-n"],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://restic.readthedocs.io/en/stable/060_forget.html"],
        #[cfg(test)]
        examples: examples(&["restic forget --keep-last 1 --prune", "restic -r s3:s3.amazonaws.com/backups prune"]),
        #[cfg(test)]
        counterexamples: examples(&["restic snapshots", "restic forget --keep-daily 7 --dry-run"]),
    },
    Rule {
        text: rule_text!("backup.borg-delete", "Deletes borg backup archives", "`prune` applies `--keep-*` rules to every archive in the repository unless limited by `--glob-archives`, other machines' included.", "its archived versions, or a whole repository's, are gone", "List what would go with `borg prune --list --dry-run`, and keep a second repository copy first.", ["Which archives will go, and are they the only copies?", "Is there an off-site copy of this repository?"], "borg list {target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["borg", "borgbackup"], check: borg_delete },
        #[cfg(test)]
        references: words!["https://borgbackup.readthedocs.io/en/stable/usage/delete.html"],
        #[cfg(test)]
        examples: examples(&["borg delete repo::archive-2024-01-01", "borg prune --keep-last 1 /backups/repo"]),
        #[cfg(test)]
        counterexamples: examples(&["borg list repo", "borg delete --cache-only repo"]),
    },
    Rule {
        text: rule_text!("backup.velero-delete", "Deletes Kubernetes backups or their schedule", "`velero backup delete` removes the files from object storage and the volume snapshots, not just the cluster record.", "its captured state is lost, or future backups stop", "Keep at least one recent backup outside the retention being changed, and describe this one first.", ["Is this the last good backup of anything?", "What takes over if this schedule goes?"], "velero backup describe {target} --details"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["velero"], check: velero_delete },
        #[cfg(test)]
        references: words!["https://velero.io/docs/main/backup-reference/"],
        #[cfg(test)]
        examples: examples(&["velero backup delete daily-backup --confirm", "velero schedule delete nightly"]),
        #[cfg(test)]
        counterexamples: examples(&["velero backup get", "velero backup describe daily-backup"]),
    },
    Rule {
        text: rule_text!("backup.kopia-duplicity-delete", "Deletes kopia or duplicity backups", "Kopia and duplicity only list what would go without `--delete` or `--force`; later snapshots cannot rebuild removed ones.", "its restore points are gone for good", "List what would go first, and keep a copy of the repository before deleting.", ["Which restore points disappear, and is anything relying on them?", "Is there a second copy of this repository?"], "kopia snapshot list"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["kopia", "duplicity"],
            subcommands: &[words!["snapshot", "remove-older-than", "remove-all-but-n-full", "remove-all-inc-of-but-n-full", "repository"]],
            args_any: words!["delete", "*[0-9]*", "*D", "*M", "*Y", "*W"],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://kopia.io/docs/reference/command-line/common/snapshot-delete/"],
        #[cfg(test)]
        examples: examples(&["kopia snapshot delete k1234 --delete", "duplicity remove-older-than 7D --force file:///backups"]),
        #[cfg(test)]
        counterexamples: examples(&["kopia snapshot list", "duplicity collection-status file:///backups"]),
    },
];
