//! Infrastructure as code: Terraform/OpenTofu and CloudFormation.

use super::{Action, CommandPattern, Matcher, Reach, Rule};
use crate::model::{Reversibility as R, Scope as S};

pub static RULES: &[Rule] = &[
    Rule {
        id: "iac.terraform-destroy",
        title: "Destroys everything a Terraform state manages",
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(CommandPattern {
            programs: &["terraform", "tofu", "terragrunt"],
            subcommands: &[&["destroy"]],
            ..CommandPattern::ANY
        }),
        why: "Every resource in the state is deleted: databases, volumes and buckets with their data, networks, clusters. A stale or wrong state file points it at things nobody meant to touch. Re-applying recreates empty resources, not the data.",
        safer: "Run `terraform plan -destroy` first and read every line; destroy single resources with `-target`; set `prevent_destroy` on data stores; snapshot databases and volumes first.",
        instead: "terraform plan -destroy",
        questions: &[
            "Which workspace and state file is this, and is it current?",
            "What does `terraform plan -destroy` list, and does any of it hold data?",
            "Are there snapshots of every database and volume it will remove?",
        ],
        references: &["https://developer.hashicorp.com/terraform/cli/commands/destroy"],
        examples: &["terraform destroy -auto-approve", "tofu destroy", "terraform -chdir=envs/prod destroy"],
        counterexamples: &["terraform plan -destroy", "terraform plan", "echo terraform destroy"],
    },
    Rule {
        id: "iac.cloudformation-delete-stack",
        title: "Deletes a CloudFormation stack",
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(CommandPattern {
            programs: &["aws"],
            subcommands: &[&["cloudformation"], &["delete-stack"]],
            target_flag: Some("--stack-name"),
            ..CommandPattern::ANY
        }),
        why: "Every resource the stack created is deleted with it, unless marked Retain: databases, buckets, queues, roles. Creating the stack again gives new, empty resources with new identifiers.",
        safer: "Turn on termination protection and set `DeletionPolicy: Retain` or `Snapshot` on data resources; update {target} with a change set instead of deleting it.",
        instead: "aws cloudformation create-change-set --stack-name {target} --change-set-name review --template-body file://template.yaml",
        questions: &[
            "What resources does {target} own, and which hold data?",
            "Do its data resources have `DeletionPolicy: Snapshot` or `Retain`?",
            "What depends on its outputs or exports?",
        ],
        references: &["https://docs.aws.amazon.com/cli/latest/reference/cloudformation/delete-stack.html"],
        examples: &["aws cloudformation delete-stack --stack-name prod-api", "aws --region us-east-1 cloudformation delete-stack --stack-name=costexplorer"],
        counterexamples: &["aws cloudformation describe-stacks --stack-name prod-api", "aws cloudformation create-stack --stack-name x --template-body file://t.yaml"],
    },
];
