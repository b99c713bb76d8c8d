//! Steps written in words: deleting, recreating, wiping and resetting things, described the
//! way agents describe them.

#[cfg(test)]
use super::examples;
use super::{Action, Matcher, ProsePattern, Reach, Rule};
use crate::model::{Reversibility as R, Scope as S};
use crate::prose::DELETE_VERBS;
use crate::words::Words;

/// Switching something off: a safety net, a control, a protection.
const SWITCH_OFF: Words = words![
    "disabl*",
    "turn off",
    "turning off",
    "turned off",
    "switch off",
    "switching off",
    "deactivat*",
    "bypass*",
    "suspend*",
    "pause*",
    "remov*",
    "unset",
    "mute*",
    "silenc*",
    "stop*",
];

const ENVIRONMENTS: Words = words![
    "environment*",
    "env",
    "envs",
    "stack*",
    "cluster*",
    "infrastructure",
    "infra",
    "deployment*",
    "region",
    "account",
    "vpc",
    "namespace*",
    "service",
    "services",
    "instance*",
    "server*",
    "database*",
    "db",
    "dbs",
    "setup",
    "resources",
    "umgebung*",
    "*umgebung",
    "environnement*",
    "entorno*",
    "ambiente*",
    "環境",
    "*環境",
    "环境",
    "*环境",
];

const DATA: Words = words![
    // German (compounds end in the noun), French and Spanish.
    "datenbank*",
    "*datenbank",
    "tabelle*",
    "*tabelle",
    "daten",
    "*daten",
    "datei",
    "dateien",
    "ordner*",
    "verzeichnis*",
    "base de données",
    "bases de données",
    "données",
    "fichier*",
    "dossier*",
    "base de datos",
    "bases de datos",
    "datos",
    "tabla*",
    "archivo*",
    "carpeta*",
    "banco de dados",
    "bancos de dados",
    "dados",
    "tabela*",
    "pasta*",
    "diretório*",
    "データベース",
    "データ",
    "テーブル",
    "ファイル",
    "フォルダ*",
    "バケット",
    "ディレクトリ",
    "バックアップ",
    "数据库",
    "*数据库",
    "数据",
    "*数据",
    "文件*",
    "存储桶",
    "column*",
    "field*",
    "partition*",
    "database*",
    "db",
    "dbs",
    "table*",
    "data",
    "dataset*",
    "bucket*",
    "volume*",
    "disk*",
    "backup*",
    "snapshot*",
    "record*",
    "row*",
    "collection*",
    "index",
    "indices",
    "indexes",
    "files",
    "file",
    "folder*",
    "director*",
    "repo",
    "repository",
    "repositories",
    // The branches everyone builds on; a branch for one piece of work is `prose.delete-branch`.
    "main branch",
    "master branch",
    // A tool call's arguments read key first (`"branch": "main"`), as does "delete branch main".
    "branch main",
    "branch master",
    "default branch",
    "trunk",
    "develop branch",
    "release branch*",
    "release/*",
    "releases/*",
    "release-*",
    "production branch*",
    "logs",
    "log",
    "user*",
    "customer*",
    "account*",
    "keys",
    "key",
    "secret*",
    "topic*",
    "queue*",
    "cache",
    "schema*",
    "volume",
    "pvc*",
    "object*",
    "emails",
    "messages",
    "history",
];

pub static RULES: &[Rule] = &[
    Rule {
        text: rule_text!("env.delete-recreate", "Deletes an environment and recreates it", "Recreating rebuilds shape, not contents, with new identifiers and endpoints. One agent's 'delete and recreate' caused a 13-hour outage.", "its data and hand-made changes are lost; dependents go down", "Change {target} in place, or build the new one beside it and switch over before deleting.", ["Which environment exactly, and does production depend on it?", "What does it hold that the template does not?", "How long will it be down, and who is told?"], "Build a new environment beside the old one, switch traffic to it, and keep the old one running until the new one is verified."),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: super::Action::DeleteRecreate,
        floor: None,
        matcher: Matcher::Prose(&ProsePattern {
            verbs: DELETE_VERBS,
            objects: ENVIRONMENTS,
            also: words![
                "recreat*", "rebuild*", "rebuilt", "redeploy*", "reprovision*", "re-provision*",
                "from scratch", "start fresh", "start over", "spin up a new", "stand up a new",
                "bring it back", "set it up again", "provision a new", "create a new", "create it again",
                "recreate", "re-create", "reinstall*", "re-deploy*", "fresh copy",
            ],
            window: 8,
            leading: false,
            unless: words![],
        }),
        #[cfg(test)]
        references: words!["https://www.theregister.com/2026/02/20/amazon_denies_kiro_agentic_ai_behind_outage/"],
        #[cfg(test)]
        examples: examples(&[
            "Delete and recreate the production environment from the template.",
            "Tear down the staging stack and rebuild it from scratch",
            "I'll remove the cluster, then re-create it with the new settings.",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "Do not delete the environment; update the configuration in place.",
            "Create a new environment beside the old one.",
            "Delete the temporary file.",
        ]),
    },
    Rule {
        text: rule_text!("prose.delete-branch", "Deletes a branch", "A branch's commits live on where they were merged or cloned; a database branch is a copy of its parent.", "work only on that branch is gone unless pushed elsewhere", "Check that {target} is merged, or that nothing on it is still needed, before deleting it.", ["Is everything on {target} merged or no longer needed?", "Does a preview, deployment or open pull request still use it?"], "git branch -d {target}"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Fixed,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Prose(&ProsePattern {
            verbs: DELETE_VERBS,
            objects: words!["branch", "branches"],
            also: words![],
            window: 6,
            leading: false,
            unless: words!["main", "master", "trunk", "develop", "default", "release*", "production", "prod", "protection*", "protected", "rule*"],
        }),
        #[cfg(test)]
        references: words!["https://git-scm.com/docs/git-branch"],
        #[cfg(test)]
        examples: examples(&[
            "Delete the feat/login branch after the merge.",
            "{\"tool\": \"delete_branch\", \"input\": {\"branch_id\": \"b7e2c1d4\"}}",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "Delete the main branch.",
            "Create a branch for the fix.",
            "Remove the branch protection rule on main.",
        ]),
    },
    Rule {
        text: rule_text!("prose.delete-data", "Deletes data or a resource that holds it", "Deleting a managed database often deletes its automated backups and point-in-time history too; only a separate copy survives.", "it is gone unless backed up; restoring loses recent changes", "Rename or archive {target} and delete it later, once nobody needs it. Otherwise snapshot it first.", ["Is there a tested backup, and how long does restoring take?", "Who or what still reads it?", "Could it be archived or renamed instead of deleted?"], "Rename {target} to a name ending in _retired and keep it until nobody needs it."),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        // Taking someone out of a group is a membership, not the person's data.
        matcher: Matcher::Prose(&ProsePattern { verbs: DELETE_VERBS, objects: DATA, also: words![], window: 6, leading: false, unless: words!["from * group", "from * groups", "from * team", "from * teams"] }),
        #[cfg(test)]
        references: words!["https://about.gitlab.com/blog/2017/02/10/postmortem-of-database-outage-of-january-31/"],
        #[cfg(test)]
        examples: examples(&[
            "Drop the users table and the orders table.",
            "Delete the old S3 buckets to save money.",
            "Wipe the database before the migration",
            "Delete the release/3.x branch now that 4.0 is out.",
            "Delete branch main on origin.",
            "Lösche die Produktionsdatenbank `orders`.",
            "Supprimer la base de données des clients.",
            "Borrar la tabla de pedidos antiguos.",
            "Apague o banco de dados de produção.",
            "本番データベースを削除する。",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "Never delete the database.",
            "List the tables in the database.",
            "Look at how rows get deleted in the purge job.",
            "Back up the database.",
            "Lösche nicht die Datenbank.",
            "Borrow the staging database for the load test.",
            "Sichere die Kundendaten vor dem Update.",
            "Não apague o banco de dados.",
            "Exclude the fixtures folder from the database dump.",
            "本番のデータベースを削除しないでください。",
        ]),
    },
    Rule {
        text: rule_text!("prose.delete-environment", "Deletes an environment, stack or cluster", "An environment holds more than code rebuilds: data, secrets, hand-made settings and the addresses other systems call.", "everything in it stops, and its stored data is gone", "Scale {target} down first, confirm nothing depends on it, and keep a backup of its data.", ["Which environment exactly, and is anything still using it?", "Is everything in it reproducible from code and backups?", "Who needs to know before it goes away?"], "Scale {target} down to zero and keep it for a week."),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Prose(&ProsePattern { verbs: DELETE_VERBS, objects: ENVIRONMENTS, also: words![], window: 6, leading: false, unless: words![] }),
        #[cfg(test)]
        references: words![],
        #[cfg(test)]
        examples: examples(&["Tear down the staging environment.", "Terminate the old instances in us-east-1."]),
        #[cfg(test)]
        counterexamples: examples(&["Describe the instances in us-east-1.", "Do not terminate the instances.", "Apply the reviewed plan only if it destroys nothing."]),
    },
    Rule {
        text: rule_text!("prose.delete-unspecified", "Deletes things the step does not name", "'Unused' is a guess from recent activity that misses what idles by design: backups, standbys and monthly jobs.", "whatever the agent judges unused is deleted, unchecked", "Have the agent list exactly what it would delete, and delete only the items you reviewed.", ["Exactly what will be deleted, by name?", "How was 'unused' decided, and who owns these things?"], "List the resources that look unused, with their owners and last use."),
        reversibility: R::Unknown,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Prose(&ProsePattern {
            verbs: DELETE_VERBS,
            objects: words![
                "anything", "everything", "stuff", "things", "whatever", "rest", "unused", "leftover*",
                "junk", "clutter", "cruft", "old ones", "all of it", "orphan*", "stale", "obsolete",
            ],
            also: words![],
            window: 6,
            leading: false,
            unless: words![],
        }),
        #[cfg(test)]
        references: words![],
        #[cfg(test)]
        examples: examples(&["Get rid of anything we're not using anymore.", "Remove the stale stuff from the account."]),
        #[cfg(test)]
        counterexamples: examples(&["Delete the temp-upload-2023 bucket.", "Do not delete anything yet."]),
    },
    Rule {
        text: rule_text!("prose.revoke-credentials", "Revokes or rotates keys or credentials", "Revocation is final, and no system lists who holds a copy; only access logs show who still uses it.", "everyone still using it fails until given a new one", "Issue a new credential, move every user of {target} over, then revoke the old one once unused.", ["Which services still use {target}, and have they all switched?", "What is the fallback if something breaks after revoking?"], "Issue a new key alongside the old one and list which services still use the old key."),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Revoke,
        floor: None,
        matcher: Matcher::Prose(&ProsePattern {
            // Not "deactivate" or "disable": a key switched off is switched back on (`aws iam
            // update-access-key --status Active`), which revocation never is.
            // "Expire the key" acts; "the certificate expires", "has expired" tell its state.
            verbs: words!["revok*", "invalidat*", "roll", "rolls", "rolling", "rotat*", "expire", "kill", "reset*"],
            objects: words!["key", "keys", "token*", "credential*", "certificate*", "cert", "certs", "password*", "secret*", "api-key*", "access key*", "session*"],
            also: words![],
            window: 5,
            leading: false,
            unless: words![],
        }),
        #[cfg(test)]
        references: words![],
        #[cfg(test)]
        examples: examples(&["Roll the old Stripe key so it stops working.", "Revoke all API tokens issued before March."]),
        #[cfg(test)]
        counterexamples: examples(&["List the API tokens issued before March.", "Do not revoke the deploy key.", "Deactivate the leaver's access keys (do not delete them yet).", "Find where sessions are expired today.", "Comment on SEC-2231 asking the database team to rotate the password."]),
    },
    Rule {
        text: rule_text!("prose.disable-security", "Switches off a security control", "Nothing reminds anyone to switch a control back on, so 'temporary' exceptions routinely outlive the task.", "while off, nothing stops or records attacks or mistakes", "Keep {target} on and find out why it blocks the task; at most, grant a narrow, time-limited exception.", ["Why must {target} go off, and for how long?", "Who switches it back on, and who checks?"], "Find out why the security control blocks the task and ask its owner for a narrow exception."),
        // It can be switched back on, but it guards the whole organisation while it is on.
        reversibility: R::Reversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::Prose(&ProsePattern {
            verbs: SWITCH_OFF,
            objects: words![
                "mfa", "2fa", "two-factor", "multi-factor", "sso", "single sign-on", "firewall*",
                "waf", "encryption", "tls", "certificate verification", "ssl verification",
                "audit log*", "audit trail*", "cloudtrail", "guardduty", "security hub",
                "antivirus", "endpoint protection", "selinux", "apparmor", "secret scanning",
                "signature verification", "code signing", "password policy", "login protection",
                "scrub*", "redact*",
            ],
            also: words![],
            window: 5,
            leading: false,
            unless: words![],
        }),
        #[cfg(test)]
        references: words![],
        #[cfg(test)]
        examples: examples(&[
            "Disable MFA for the admin account.",
            "Turn off the firewall on the production hosts.",
            "Temporarily disable CloudTrail audit logging.",
            "{\"name\": \"update_project_settings\", \"arguments\": {\"projectSlug\": \"web\", \"dataScrubber\": false, \"scrubIPAddresses\": false}}",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "Enable MFA for every admin account.",
            "Do not disable the firewall.",
            "Check whether encryption is turned on.",
            "{\"name\": \"update_project_settings\", \"arguments\": {\"projectSlug\": \"web\", \"dataScrubber\": true}}",
        ]),
    },
    Rule {
        text: rule_text!("prose.disable-protection", "Switches off a safety net", "Deletion protection, versioning and alarms only help if on before the mistake, and nobody notices one missing.", "the next mistake goes through unnoticed and cannot be undone", "Keep {target} on; if a step needs it off, turn it back on right after.", ["What step needs {target} off, and why?", "When and by whom is it switched back on?"], "Find out which step {target} blocks and why, and keep it on."),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::Prose(&ProsePattern {
            verbs: SWITCH_OFF,
            objects: words![
                "deletion protection", "termination protection", "delete protection",
                "branch protection", "backups", "automated backups", "backup*", "versioning",
                "point-in-time recovery", "pitr", "alarm*", "alert*", "monitoring", "health check*",
                "retention", "object lock", "soft delete", "prevent_destroy",
            ],
            also: words![],
            window: 5,
            leading: false,
            unless: words![],
        }),
        #[cfg(test)]
        references: words![],
        #[cfg(test)]
        examples: examples(&[
            "Disable deletion protection on the orders database.",
            "Turn off versioning on the uploads bucket.",
            "Suspend the alarms for the payments service.",
            "{\"name\": \"cloudwatch_disable_alarm_actions\", \"arguments\": {\"alarm_names\": [\"prod-5xx\"]}}",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "Enable deletion protection on the orders database.",
            "Do not turn off the alarms.",
            "Check that backups are enabled.",
        ]),
    },
    Rule {
        text: rule_text!("prose.branch-protection-off", "Switches off a branch's review rules", "Review and check rules are lost with their settings, re-entered only by hand; meanwhile anyone can push or force-push.", "anyone can push unreviewed code straight to what ships", "Merge through a pull request; for a one-off, grant a ruleset bypass instead of removing the rules.", ["What step needs protection off, and has it been reviewed?", "Who re-enables it, and are its settings written down?"], "Open a pull request for the change and merge it once its required reviews pass."),
        reversibility: R::Recoverable,
        scope: S::Production,
        reach: Reach::Fixed,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::Prose(&ProsePattern {
            verbs: words![
                "disabl*", "turn off", "turning off", "switch off", "switching off", "remov*",
                "delet*", "drop*", "unprotect*", "relax*", "loosen*",
            ],
            objects: words![
                "branch protection*", "protection rule*", "protected branch*", "ruleset*",
                "required pull request review*", "required review*", "required status check*",
                "required approv*", "enforce admins", "required signature*", "code owner review*",
            ],
            also: words![],
            window: 6,
            leading: false,
            unless: words![],
        }),
        #[cfg(test)]
        references: words!["https://docs.github.com/en/repositories/configuring-branches-and-merges-in-your-repository/managing-protected-branches/about-protected-branches"],
        #[cfg(test)]
        examples: examples(&[
            "Temporarily disable branch protection on main so the bot can push.",
            "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tools/call\", \"params\": {\"name\": \"update_branch_protection\", \"arguments\": {\"owner\": \"acme\", \"repo\": \"web\", \"branch\": \"main\", \"required_pull_request_reviews\": null, \"enforce_admins\": false}}}",
            "{\"name\": \"github.delete_branch_protection\", \"arguments\": {\"owner\": \"acme\", \"repo\": \"web\", \"branch\": \"main\"}}",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "Enable branch protection on main with two required reviews.",
            "Check the branch protection settings on main.",
            "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\": \"tools/call\", \"params\": {\"name\": \"update_branch_protection\", \"arguments\": {\"owner\": \"acme\", \"repo\": \"web\", \"branch\": \"main\", \"enforce_admins\": true}}}",
        ]),
    },
    Rule {
        text: rule_text!("prose.grant-broad-access", "Grants broad or administrator access", "Wildcard and admin grants cover resources created later and never expire by default; 'for now' grants are rarely revoked.", "any later mistake or leak reaches everything it covers", "Grant only the permissions the task needs, on the resources it touches, for a limited time.", ["Which exact permissions does the task need?", "When is the access removed, and by whom?"], "Grant read access to the one resource the task needs, for one day."),
        // A grant can be taken back; what is done with it meanwhile cannot.
        reversibility: R::Reversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::WidenPrivilege,
        floor: None,
        matcher: Matcher::Prose(&ProsePattern {
            verbs: words![
                "grant*", "give", "gives", "giving", "assign*", "attach*", "add", "adds", "adding",
                "elevat*", "promot*", "escalat*", "make", "makes", "making",
            ],
            objects: words![
                "administratoraccess", "admin access", "admin rights", "admin role*",
                "admin privileges", "administrator access", "administrator role*", "administrator",
                "owner role", "owner access", "owner permissions", "full access", "root access",
                "cluster-admin", "superuser", "sudo access", "sudo rights", "global admin",
                "org admin", "organization owner", "organisation owner", "all permissions",
                "unrestricted access", "wildcard permission*",
                // "Grant the deploy role admin on the prod project": a bare role name, placed.
                "admin on", "admin over", "admin for", "owner on", "owner over",
            ],
            also: words![],
            window: 6,
            leading: false,
            unless: words![],
        }),
        #[cfg(test)]
        references: words![],
        #[cfg(test)]
        examples: examples(&[
            "Grant the agent AdministratorAccess so the deploy stops failing.",
            "Give the contractor admin rights on the production account.",
            "Make the service account a superuser.",
            "Grant the deploy role admin on the prod project.",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "Remove admin access from the departed engineer.",
            "Do not grant admin rights.",
            "List who has admin access.",
            "Make the admin page load faster for the on-call team.",
        ]),
    },
    Rule {
        text: rule_text!("prose.bulk-accounts", "Cancels or closes many accounts, orders or subscriptions", "Emails, charges and refunds fire from other systems when a status changes; restoring records does not reverse them.", "every selected customer is locked out, notified, charged or refunded", "List what the step would touch, have an owner check it, and start with a small batch.", ["How many are selected, and has anyone checked the list?", "Are the customers told, and can each one be restored?"], "List the {target} the step would touch, with their owners, for review."),
        // Accounts can be reopened and orders placed again, but the customers have already been
        // locked out, notified or refunded.
        reversibility: R::Recoverable,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Prose(&ProsePattern {
            verbs: words![
                "cancel*", "deactivat*", "suspend*", "disabl*", "clos*", "lock*", "ban", "bans",
                "banning", "unsubscrib*", "expir*", "terminat*", "void*", "freez*",
            ],
            objects: words![
                "accounts", "user accounts", "users", "customers", "subscriptions", "orders",
                "memberships", "licenses", "licences", "reservations", "bookings", "policies",
                "contracts", "invoices", "plans",
            ],
            also: words![],
            window: 6,
            leading: false,
            unless: words![],
        }),
        #[cfg(test)]
        references: words![],
        #[cfg(test)]
        examples: examples(&[
            "Cancel all pending orders older than 30 days.",
            "Deactivate the accounts of users who have not logged in for a year.",
            "Suspend the subscriptions with failed payments.",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "List the orders older than 30 days.",
            "Do not cancel any subscriptions.",
            "Close the pull request after merging.",
        ]),
    },
    Rule {
        text: rule_text!("prose.restore-over-live", "Rolls live data back to an earlier copy", "A restore replaces the whole dataset, not just the damaged part, and restored sequences reissue IDs others already hold.", "everything written since the copy was taken is lost", "Load the earlier copy beside {target} as a new instance; copy back only the rows needed. Snapshot current data first.", ["Is what was written since the copy saved elsewhere?", "Has the backup been test-restored elsewhere first?"], "Restore the backup into a new database and compare the two."),
        // What was written after the copy was taken is lost, unless it was copied aside first.
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Prose(&ProsePattern {
            verbs: words!["restor*", "roll back", "rolling back", "rolled back", "rollback", "revert*"],
            objects: words![
                "database*", "db", "dbs", "table*", "data", "bucket*", "volume*", "disk*",
                "collection*", "index", "indices", "cluster*",
            ],
            also: words![
                "over", "overwrit*", "replac*", "in place", "in-place", "current", "existing",
                "live", "production", "prod", "to the snapshot", "to the backup", "to yesterday",
                "to last", "to the state", "to monday", "to the version",
            ],
            window: 6,
            leading: false,
            unless: words![],
        }),
        #[cfg(test)]
        references: words![],
        #[cfg(test)]
        examples: examples(&[
            "Restore the database from last night's backup over the current one.",
            "Roll back the production database to the snapshot from Monday.",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "Restore last night's backup into a new database and compare it.",
            "Do not roll back the database.",
        ]),
    },
    Rule {
        text: rule_text!("prose.open-door", "Opens or unlocks a door for someone", "A door opened remotely lets in whoever is there, and what happens inside cannot be taken back.", "the home or building is open while nobody checks who enters", "Confirm who is at the door and for how long, and lock it again right after.", ["Who exactly is let in, and has the owner confirmed them?", "When is the door locked again?"], "Ask the owner to confirm the visitor before unlocking."),
        reversibility: R::Recoverable,
        scope: S::Production,
        reach: Reach::Fixed,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Prose(&ProsePattern {
            verbs: words!["open", "opens", "opening", "unlock*", "leave", "leaves", "leaving", "prop*"],
            objects: words!["door*", "front door*", "gate*", "garage*", "smart lock*", "lock", "locks"],
            also: words![],
            window: 4,
            leading: false,
            unless: words![],
        }),
        #[cfg(test)]
        references: words![],
        #[cfg(test)]
        examples: examples(&[
            "Open the front door for the cleaning service.",
            "Unlock the garage so the courier can drop the parcel.",
            "Leave the door open for the plumber.",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "Check whether the front door is locked.",
            "Show the smart lock's battery level and today's entries.",
            "Open the logs for the gate controller.",
        ]),
    },
    Rule {
        text: rule_text!("prose.replace-dns-zone", "Replaces a whole DNS zone from a file", "Uploading a zone file replaces every record set; records missing from the file are deleted, not kept.", "names left out of the file stop resolving until re-created", "Export the current zone first, diff it with the new file, and change only the record sets that differ.", ["Does the file hold every record the zone has today, not only the changed ones?", "Where is the export of the current zone?"], "Export the current zone and compare it with the new file, record set by record set."),
        reversibility: R::Recoverable,
        scope: S::Production,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Prose(&ProsePattern {
            verbs: words!["upload*", "import*", "put", "push*", "replac*", "overwrit*", "apply*", "restor*"],
            objects: words!["zone file*", "zonefile*", "bind file*", "whole zone", "entire zone", "full zone"],
            also: words![],
            window: 6,
            leading: false,
            unless: words![],
        }),
        #[cfg(test)]
        references: words!["https://api.gandi.net/docs/livedns/"],
        #[cfg(test)]
        examples: examples(&[
            "Upload the prepared zone file example.zone to the DNS provider in one call.",
            "Import the BIND zone file into the new hosted zone, replacing its records.",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "Export the current zone file for rollback.",
            "Compare the zone file with what the provider serves.",
        ]),
    },
    Rule {
        text: rule_text!("prose.change-dns", "Changes DNS records or name servers", "Resolvers honour cached TTLs, so lowering one helps only a full TTL ahead; name-server changes take up to two days.", "visitors and email go elsewhere or nowhere until caches expire", "Lower the TTL a day ahead, export the zone, and check each changed record with `dig`.", ["Has the current zone been exported for rollback?", "What is the TTL, and how long would mistakes linger?"], "Export the current DNS zone and lower the TTL of the records to be changed."),
        // It can be changed back, but resolvers keep the old answer for as long as the TTL says.
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Prose(&ProsePattern {
            verbs: words![
                "mov*", "migrat*", "chang*", "point*", "repoint*", "switch*", "updat*", "transfer*",
                "cut over", "cutover", "delet*", "remov*", "replac*", "edit*",
            ],
            objects: words![
                "dns", "nameserver*", "name server*", "ns record*", "dns record*", "a record*",
                "cname*", "mx record*", "txt record*", "hosted zone*", "dns zone*", "registrar",
            ],
            also: words![],
            window: 6,
            leading: false,
            unless: words![],
        }),
        #[cfg(test)]
        references: words![],
        #[cfg(test)]
        examples: examples(&[
            "Move the DNS for example.com to the new provider.",
            "Point the api CNAME at the new load balancer.",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "Look up the DNS records for example.com.",
            "Do not change the DNS yet.",
        ]),
    },
    Rule {
        text: rule_text!("prose.empty-data", "Empties a store of data", "The container stays, so existence checks still pass, and bulk empties such as `TRUNCATE` skip per-row delete triggers.", "everything in it is gone unless a backup exists", "Delete only what is meant to go, by prefix, age or filter. Copy or snapshot {target} first.", ["Is there a copy of what is in it?", "Does anything still read from it?"], "List what is in {target}, with sizes and dates."),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Prose(&ProsePattern {
            verbs: words!["empty", "empties", "emptying"],
            objects: DATA,
            also: words![],
            window: 5,
            leading: true,
            unless: words![],
        }),
        #[cfg(test)]
        references: words![],
        #[cfg(test)]
        examples: examples(&["Empty the S3 bucket acme-prod-uploads.", "Then empty the orders table before the import."]),
        #[cfg(test)]
        counterexamples: examples(&["Create an empty bucket for the exports.", "Check that the bucket is empty."]),
    },
    Rule {
        text: rule_text!("prose.run-script", "Runs a script or job the plan hides", "One-off scripts are rarely tested like product code, and a backfill writes every row it selects.", "its effect on the data cannot be seen in the plan", "Read the script first, then dry-run it or run it on a copy, checking how many records change.", ["What does the script change, and has someone read it?", "What did its dry-run mode report, if it has one?"], "Show the script's code and what its dry-run mode reports."),
        // What the script does is not in the plan, so the tool cannot see it.
        reversibility: R::Unknown,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Opaque,
        floor: None,
        matcher: Matcher::Prose(&ProsePattern {
            verbs: words!["run", "runs", "running", "execut*", "trigger*", "kick off", "invok*", "launch*"],
            objects: words![
                "script*", "backfill*", "job", "jobs", "playbook*", "one-off", "batch", "cron*",
                "cleanup", "clean-up", "purge job", "data fix", "fixup",
            ],
            also: words![],
            window: 4,
            leading: false,
            // A job named for reading (a report, a health check, the tests) is an unseen
            // script in the agent's workspace, reviewed as `python3 report.py` is; the shell
            // rules weigh a script by its name the same way.
            unless: words!["report", "reports", "reporting", "health check*", "healthcheck*", "test", "tests", "lint*", "smoke test*"],
        }),
        #[cfg(test)]
        references: words![],
        #[cfg(test)]
        examples: examples(&["Run the data backfill script against production.", "Trigger the cleanup job for all tenants."]),
        #[cfg(test)]
        counterexamples: examples(&["Read the backfill script and summarise what it changes.", "Do not run the cleanup job.", "Run the weekly report job to compare the totals.", "Run the smoke test job against staging."]),
    },
    Rule {
        text: rule_text!("prose.open-to-internet", "Opens access to the whole internet", "With every address allowed, the service's login and patching are the only defence, and exposed logins are brute-forced constantly.", "anyone can reach it, and scanners find it within minutes", "Allow only the addresses that need it, such as a VPN range, or use a bastion or tunnel.", ["Which addresses actually need to reach it?", "What listens on it, and does it require authentication?"], "Allow the port from the office VPN range only."),
        reversibility: R::Reversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        action: Action::WidenPrivilege,
        floor: None,
        matcher: Matcher::Prose(&ProsePattern {
            verbs: words!["open*", "allow*", "expos*", "whitelist*", "allowlist*", "permit*"],
            objects: words!["0.0.0.0/0", "::/0", "the internet", "the world", "any ip", "all ips", "any address", "every address"],
            also: words![],
            window: 6,
            leading: false,
            unless: words![],
        }),
        #[cfg(test)]
        references: words![],
        #[cfg(test)]
        examples: examples(&["Open port 22 to 0.0.0.0/0 on the bastion security group.", "Allow traffic from the internet to the database port."]),
        #[cfg(test)]
        counterexamples: examples(&["Allow port 443 from the office VPN only.", "Do not open the database to the internet."]),
    },
    Rule {
        text: rule_text!("prose.make-public", "Makes stored data public", "Public access covers every object, even ones added later, and read logging is off by default.", "anyone can read it, and copies made meanwhile stay out", "Share with the specific people or accounts that need it, using a signed, expiring link or access grant.", ["Who exactly needs it, and would a signed link do?", "What is in it: any personal data or secrets?"], "Create an expiring signed link for the one file the partner needs."),
        reversibility: R::Reversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        // Anyone may read it from now on: it is published, not access the plan goes on to use.
        action: Action::Publish,
        floor: None,
        matcher: Matcher::Prose(&ProsePattern {
            verbs: words!["make", "makes", "making", "turn", "switch", "set", "share", "sharing"],
            objects: words![
                "bucket*", "container*", "blob*", "repo", "repos", "repository", "repositories",
                "dataset*", "folder*", "drive", "snapshot*", "ami", "amis", "database*",
                "dashboard*", "document*", "spreadsheet*", "file", "files", "backup*", "sharing",
            ],
            also: words!["public", "publicly", "world-readable", "anyone with the link", "everyone on the internet"],
            window: 5,
            leading: false,
            unless: words!["restricted", "private"],
        }),
        #[cfg(test)]
        references: words![],
        #[cfg(test)]
        examples: examples(&["Make the S3 bucket public so the partner can download the files.", "Set the snapshot to public so the other account can copy it.", "[{\"type\": \"tool_use\", \"id\": \"t1\", \"name\": \"drive_share_file\", \"input\": {\"file_id\": \"1qZx8Kd0Lm3v\", \"type\": \"anyone\", \"role\": \"reader\"}}]", "[{\"type\": \"tool_use\", \"id\": \"t1\", \"name\": \"update_bucket_policy\", \"input\": {\"bucket\": \"acme-invoices\", \"policy\": \"{\\\"Statement\\\": [{\\\"Effect\\\": \\\"Allow\\\", \\\"Principal\\\": \\\"*\\\", \\\"Action\\\": \\\"s3:GetObject\\\"}]}\"}}]"]),
        #[cfg(test)]
        counterexamples: examples(&["Make the helper function public.", "Switch the folder from anyone with the link to restricted.", "Check that the bucket is not public.", "[{\"type\": \"tool_use\", \"id\": \"t1\", \"name\": \"drive_share_file\", \"input\": {\"file_id\": \"1qZx8Kd0Lm3v\", \"type\": \"user\", \"email\": \"ana@acme.example\", \"role\": \"reader\"}}]"]),
    },
    Rule {
        text: rule_text!("prose.public-link", "Gives anyone with the link access", "Whoever holds the link reads everything behind it without signing in, and a link is forwarded and kept.", "anyone the link reaches can read it, with no sign-in", "Share with the named people who need it, or a link limited to the organisation, with an expiry.", ["What is behind the link, and does any of it hold personal data?", "Who needs it, and could they sign in instead?"], "Share the workbook with Declan's own address, view only, expiring in 7 days."),
        reversibility: R::Reversible,
        scope: S::Organization,
        reach: Reach::Fixed,
        // The link is a publication: whoever it reaches reads, and it cannot be called back.
        action: Action::Publish,
        floor: None,
        matcher: Matcher::Prose(&ProsePattern {
            verbs: words!["create*", "generat*", "make", "making", "turn", "switch", "set", "enabl*", "get", "share*", "sharing"],
            objects: words![
                "anyone with the link", "anyone who has the link", "public link*", "public url*",
                "public share link*", "public sharing link*", "anonymous link*", "anonymous access link*",
            ],
            also: words![],
            window: 6,
            leading: false,
            unless: words!["sure", "certain", "restricted", "no"],
        }),
        #[cfg(test)]
        references: words![],
        #[cfg(test)]
        examples: examples(&["Create an \"Anyone with the link can view\" sharing link for the payroll workbook and email it to Declan.", "Generate a public link to the contracts folder so the agency can download them.", "Turn on sharing for anyone with the link on the board pack."]),
        #[cfg(test)]
        counterexamples: examples(&["Create a sharing link for the workbook limited to people in Weldon & Hask.", "Create a link to the public docs page in the README.", "Check that the folder has no public link.", "Make sure the folder has no public link.", "Switch the folder from anyone with the link to restricted.", "Remove the public link from the contracts folder."]),
    },
    Rule {
        text: rule_text!("prose.vague-action", "Vague action the tool cannot see into", "The step names no command or resource, so the agent decides at run time and may improvise destructive fixes.", "what it changes, and what could be lost, is unknown", "Ask the agent to list the exact commands or resources the step will touch, then assess those.", ["Exactly which resources or files will this touch?", "Will anything be deleted or overwritten?", "Can the agent show the commands before running them?"], "List the exact resources and commands for this step."),
        reversibility: R::Unknown,
        scope: S::Local,
        reach: Reach::Environment,
        action: Action::Opaque,
        floor: None,
        matcher: Matcher::Prose(&ProsePattern {
            verbs: words![
                "clean up", "cleanup", "clean-up", "tidy up", "sort out", "take care of", "deal with",
                "handle the", "fix up", "fix everything", "fix whatever", "do whatever", "whatever it takes",
                "make it work", "streamline", "reset everything", "straighten out", "resolve the",
            ],
            objects: words![],
            also: words![],
            window: 0,
            leading: false,
            unless: words![],
        }),
        #[cfg(test)]
        references: words![],
        #[cfg(test)]
        examples: examples(&["Clean up the old stuff.", "Take care of the failing deployment however needed."]),
        #[cfg(test)]
        counterexamples: examples(&["Run the unit tests.", "Clean the build cache with `cargo clean`.", "Nightly cleanup job for expired import files"]),
    },
];
