//! Infrastructure as code: Terraform/OpenTofu/Terragrunt, Pulumi, CloudFormation and the tools
//! built on it (CDK, SAM, Serverless).

#[cfg(test)]
use super::examples;
use super::matching::{find_flag, flag_value, operands, Hit};
use super::{Action, CommandPattern, Matcher, ProsePattern, Reach, Rule};
use crate::model::{Reversibility as R, Scope as S};
use crate::shell::{Arg, Command};
use crate::words::Words;

/// Terraform-family flags that take a separate value (`-var-file prod.tfvars`), so the value is
/// not read as a subcommand or a plan file.
const TF_VALUE_FLAGS: Words = words![
    "-var",
    "--var",
    "-var-file",
    "--var-file",
    "-target",
    "--target",
    "-replace",
    "--replace",
    "-lock-timeout",
    "-parallelism",
    "-state",
    "-state-out",
    "-backup",
    "-out",
    "-chdir",
    "--terragrunt-working-dir",
    "--terragrunt-config",
    "--working-dir",
    "--config",
    "-s",
    "--stack",
    "--cwd",
    "-C",
    "--message",
    "-m",
    "--target-replace",
    "--parallel",
    "-p",
    "--config-file",
];

/// The words of a Terraform/OpenTofu/Terragrunt/Pulumi command line, flags and their values
/// left out.
fn iac_words(command: &Command) -> Vec<&Arg> {
    operands(command, TF_VALUE_FLAGS)
}

/// Terragrunt's "every module below here" forms: `run-all destroy`, `run --all destroy`,
/// `destroy --all`.
fn terragrunt_all<'a>(command: &'a Command, verb: &str) -> Option<Vec<&'a Arg>> {
    if command.program != "terragrunt" {
        return None;
    }
    let words = iac_words(command);
    let all_flag = find_flag(command, words!["--all"]);
    let at = match words.first()?.value.as_str() {
        "run-all" => 1,
        "run" if all_flag.is_some() => 1,
        w if w == verb && all_flag.is_some() => 0,
        _ => return None,
    };
    let word = *words.get(at).filter(|w| w.value == verb)?;
    let mut evidence = vec![word];
    if at == 1 {
        evidence.insert(0, words[0]);
    }
    Some(evidence)
}

/// `destroy`, and `apply -destroy`, which is the same thing.
fn terraform_destroy(command: &Command) -> Option<Hit> {
    if terragrunt_all(command, "destroy").is_some() {
        return None;
    }
    let words = iac_words(command);
    let verb = *words.first()?;
    let mut hit = match verb.value.as_str() {
        "destroy" => Hit::pair(command.program_span, verb.span),
        "apply" => {
            let flag = find_flag(command, words!["-destroy", "--destroy"])?;
            Hit::three(command.program_span, verb.span, flag.span)
        }
        _ => return None,
    };
    if let Some(target) = ["-target", "--target"]
        .iter()
        .find_map(|f| flag_value(command, f))
    {
        hit.evidence.push(target.span);
        hit.set_target(
            target
                .value
                .split_once('=')
                .map_or(target.value.clone(), |(_, v)| v.to_string()),
        );
        hit.note("`-target` limits it to the named resources and what depends on them.");
    }
    Some(hit)
}

fn terragrunt_destroy_all(command: &Command) -> Option<Hit> {
    let words = terragrunt_all(command, "destroy")?;
    let mut evidence = vec![command.program_span];
    evidence.extend(words.iter().map(|w| w.span));
    Some(Hit::at(evidence))
}

/// `apply -auto-approve` (or Pulumi's `up --yes`) without a saved, reviewed plan file.
fn apply_unreviewed(command: &Command) -> Option<Hit> {
    let words = iac_words(command);
    let (verb, rest) = match (command.program.as_str(), terragrunt_all(command, "apply")) {
        (_, Some(found)) => (*found.last()?, Vec::new()),
        ("pulumi", _) => {
            let verb = *words.first()?;
            if !matches!(verb.value.as_str(), "up" | "update") {
                return None;
            }
            (verb, Vec::new())
        }
        _ => {
            let verb = *words.first()?;
            if verb.value != "apply" {
                return None;
            }
            (verb, words[1..].to_vec())
        }
    };
    // A saved plan file was produced by `plan` and could be read before this step.
    if !rest.is_empty() {
        return None;
    }
    if find_flag(
        command,
        words!["-destroy", "--destroy", "-refresh-only", "--refresh-only"],
    )
    .is_some()
    {
        return None;
    }
    let skip: Words = if command.program == "pulumi" {
        words!["--yes", "-y", "--skip-preview", "-f"]
    } else {
        words![
            "-auto-approve",
            "--auto-approve",
            "--terragrunt-non-interactive",
            "--non-interactive",
        ]
    };
    let flag = find_flag(command, skip)?;
    Some(Hit::three(command.program_span, verb.span, flag.span))
}

/// `apply -replace=ADDR`, `pulumi up --replace URN` / `--target-replace URN`.
fn force_replace(command: &Command) -> Option<Hit> {
    let words = iac_words(command);
    let verb = *words.first()?;
    let applies = match command.program.as_str() {
        "pulumi" => matches!(verb.value.as_str(), "up" | "update"),
        _ => verb.value == "apply",
    };
    if !applies {
        return None;
    }
    let flags: Words = if command.program == "pulumi" {
        words!["--replace", "--target-replace"]
    } else {
        words!["-replace", "--replace"]
    };
    let (flag, value) = flags.iter().find_map(|f| {
        let arg = flag_value(command, f)?;
        let value = arg
            .value
            .strip_prefix(f)
            .and_then(|v| v.strip_prefix('='))
            .unwrap_or(&arg.value)
            .to_string();
        Some((arg, value))
    })?;
    Some(Hit {
        target: Some(value),
        ..Hit::three(command.program_span, verb.span, flag.span)
    })
}

/// `state rm ADDR` (Terraform family), `state delete URN` (Pulumi).
fn state_forget(command: &Command) -> Option<Hit> {
    let words = iac_words(command);
    let (state, verb) = (*words.first()?, *words.get(1)?);
    let forget = match command.program.as_str() {
        "pulumi" => verb.value == "delete",
        _ => verb.value == "rm",
    };
    if state.value != "state" || !forget {
        return None;
    }
    Some(Hit {
        target: words.get(2).map(|w| w.value.clone()),
        ..Hit::pair(command.program_span, state.span.cover(verb.span))
    })
}

/// `workspace delete NAME` (Terraform family), `stack rm NAME` (Pulumi).
fn state_delete(command: &Command) -> Option<Hit> {
    let words = iac_words(command);
    let (group, verb) = (*words.first()?, *words.get(1)?);
    let deletes = match command.program.as_str() {
        "pulumi" => group.value == "stack" && matches!(verb.value.as_str(), "rm" | "remove"),
        _ => group.value == "workspace" && verb.value == "delete",
    };
    if !deletes {
        return None;
    }
    let mut hit = Hit::pair(command.program_span, group.span.cover(verb.span));
    hit.target_of(words.get(2).copied());
    if let Some(force) = find_flag(command, words!["-force", "--force"]) {
        hit.evidence.push(force.span);
        hit.note("With the force flag it deletes the state even though it still tracks live resources; they keep running (and costing) with nothing managing them.");
    }
    Some(hit)
}

/// `force-unlock LOCK_ID`, or any run with `-lock=false`.
fn state_lock_bypass(command: &Command) -> Option<Hit> {
    let words = iac_words(command);
    if let Some(verb) = words.first().filter(|w| w.value == "force-unlock") {
        return Some(Hit {
            target: words.get(1).map(|w| w.value.clone()),
            ..Hit::pair(command.program_span, verb.span)
        });
    }
    let lock_off = command
        .args
        .iter()
        .find(|a| a.value == "-lock=false" || a.value == "--lock=false")?;
    let verb = words.first()?;
    if words!["plan", "show", "output", "validate", "fmt"].contains(verb.value.as_str()) {
        return None;
    }
    Some(Hit::three(command.program_span, verb.span, lock_off.span))
}

/// `cp`/`mv` that puts another file in the place of the working directory's state file
/// (`terraform.tfstate`): written to that name, or a file of that name copied into `.`.
fn state_file_replace(command: &Command) -> Option<Hit> {
    const STATE: &str = "terraform.tfstate";
    let names_state = |path: &str| path == STATE || path.ends_with("/terraform.tfstate");
    let paths: Vec<&crate::shell::Arg> = command.positionals().collect();
    let (destination, sources) = paths.split_last()?;
    let here = matches!(destination.value.as_str(), "." | "./");
    let replaces = if here {
        sources
            .iter()
            .any(|s| s.value.ends_with("/terraform.tfstate"))
    } else {
        names_state(&destination.value) && !sources.is_empty()
    };
    replaces.then(|| Hit {
        target: Some(STATE.to_string()),
        ..Hit::pair(command.program_span, destination.span)
    })
}

pub static RULES: &[Rule] = &[
    Rule {
        text: rule_text!("iac.terraform-destroy", "Destroys everything a Terraform state manages", "Destroy deletes whatever the state lists, so a stale state or wrong workspace aims it at unintended resources.", "everything it tracks is deleted; re-applying brings back no data", "Run `terraform plan -destroy` and read every line; set `prevent_destroy` on data stores and snapshot them.", ["Which workspace and state is this, and is it current?", "Does anything `terraform plan -destroy` lists hold data?", "Is every database and volume it removes snapshotted?"], "terraform plan -destroy"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["terraform", "tofu", "terragrunt"], check: terraform_destroy },
        #[cfg(test)]
        references: words!["https://developer.hashicorp.com/terraform/cli/commands/destroy"],
        #[cfg(test)]
        examples: examples(&["terraform destroy -auto-approve", "tofu destroy", "terraform -chdir=envs/prod destroy", "terraform apply -destroy -auto-approve", "terraform destroy -target=aws_db_instance.main"]),
        #[cfg(test)]
        counterexamples: examples(&["terraform plan -destroy", "terraform plan", "echo terraform destroy", "terragrunt run-all plan"]),
    },
    Rule {
        text: rule_text!("iac.cloudformation-delete-stack", "Deletes a CloudFormation stack", "Each resource's `DeletionPolicy` defaults to Delete for most types, and recreating the stack yields empty resources with new identifiers.", "every resource it created is deleted with its data", "Set `DeletionPolicy: Retain` on data resources and enable termination protection; update {target} with a change set instead.", ["What resources does {target} own, and which hold data?", "Do its data resources have `DeletionPolicy: Snapshot` or `Retain`?", "What depends on its outputs or exports?"], "aws cloudformation create-change-set --stack-name NAME --change-set-name review --template-body file://template.yaml"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["aws"],
            subcommands: &[words!["cloudformation"], words!["delete-stack"]],
            target_flag: Some("--stack-name"),
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/cli/latest/reference/cloudformation/delete-stack.html"],
        #[cfg(test)]
        examples: examples(&["aws cloudformation delete-stack --stack-name prod-api", "aws --region us-east-1 cloudformation delete-stack --stack-name=costexplorer"]),
        #[cfg(test)]
        counterexamples: examples(&["aws cloudformation describe-stacks --stack-name prod-api", "aws cloudformation create-stack --stack-name x --template-body file://t.yaml"]),
    },
    Rule {
        text: rule_text!("iac.terragrunt-destroy-all", "Destroys every Terragrunt module below a directory", "Its reach comes from the working directory: run one level too high, `run-all destroy` takes other environments too.", "every module below it is destroyed, data included", "Run `terragrunt run-all plan -destroy` from that directory and read the modules it lists; destroy them one by one.", ["Which modules sit below the directory this runs from?", "Are databases and volumes among them, and are they snapshotted?"], "terragrunt run-all plan -destroy"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["terragrunt"], check: terragrunt_destroy_all },
        #[cfg(test)]
        references: words!["https://terragrunt.gruntwork.io/docs/reference/cli-options/#run-all"],
        #[cfg(test)]
        examples: examples(&["terragrunt run-all destroy", "cd live/prod && terragrunt run-all destroy --terragrunt-non-interactive", "terragrunt run --all destroy"]),
        #[cfg(test)]
        counterexamples: examples(&["terragrunt run-all plan -destroy", "terragrunt run-all apply", "terragrunt plan"]),
    },
    Rule {
        text: rule_text!("iac.apply-unreviewed", "Applies infrastructure changes without showing them first", "`-auto-approve` or `--yes` skips the only prompt showing the plan, which is computed at apply time, drift included.", "whatever differs is applied unseen, possibly replacing databases", "Save a plan with `terraform plan -out=tfplan`, read it, then apply exactly that file: `terraform apply tfplan`.", ["What does the plan show: anything destroyed or replaced?", "Which workspace, stack and account does this run against?"], "terraform plan -out=tfplan"),
        reversibility: R::Unknown,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["terraform", "tofu", "terragrunt", "pulumi"], check: apply_unreviewed },
        #[cfg(test)]
        references: words!["https://developer.hashicorp.com/terraform/cli/commands/apply#apply-options", "https://www.pulumi.com/docs/iac/cli/commands/pulumi_up/"],
        #[cfg(test)]
        examples: examples(&["terraform apply -auto-approve", "tofu apply --auto-approve -var-file=prod.tfvars", "pulumi up --yes --stack prod", "terragrunt run-all apply --terragrunt-non-interactive"]),
        #[cfg(test)]
        counterexamples: examples(&["terraform apply tfplan", "terraform plan -out=tfplan", "pulumi preview --stack prod", "terraform apply -refresh-only -auto-approve"]),
    },
    Rule {
        text: rule_text!("iac.force-replace", "Forces infrastructure to be destroyed and recreated", "Replacement rebuilds from code, which holds no data, and destroys the old one first unless `create_before_destroy` is set.", "it comes back empty, and its users are down meanwhile", "Preview with `terraform plan -replace=...` and prefer an in-place fix. Snapshot the resource first.", ["Does {target} hold data or state that would be lost?", "What else depends on it and would be replaced?"], "terraform plan -replace={target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DeleteRecreate,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["terraform", "tofu", "pulumi"], check: force_replace },
        #[cfg(test)]
        references: words!["https://developer.hashicorp.com/terraform/cli/commands/plan#replace-address", "https://www.pulumi.com/docs/iac/cli/commands/pulumi_up/"],
        #[cfg(test)]
        examples: examples(&["terraform apply -replace=aws_instance.web", "terraform apply -replace aws_db_instance.main -auto-approve", "pulumi up --replace urn:pulumi:prod::app::aws:rds/instance:Instance::db"]),
        #[cfg(test)]
        counterexamples: examples(&["terraform plan -replace=aws_instance.web", "terraform apply tfplan"]),
    },
    Rule {
        text: rule_text!("iac.terraform-taint", "Marks a resource for replacement", "The mark sits in shared state, not code, so it surfaces in the next plan, whatever that plan is for.", "the next apply, by anyone, recreates it empty", "Use `terraform apply -replace=...` in the step meant to replace it, so only that plan shows it.", ["Does {target} hold data?", "Will whoever runs the next apply know it replaces {target}?"], "terraform state show {target}"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DeleteRecreate,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["terraform", "tofu"],
            subcommands: &[words!["taint"]],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://developer.hashicorp.com/terraform/cli/commands/taint"],
        #[cfg(test)]
        examples: examples(&["terraform taint aws_instance.web", "tofu taint 'module.db.aws_db_instance.main'"]),
        #[cfg(test)]
        counterexamples: examples(&["terraform untaint aws_instance.web", "terraform state show aws_instance.web"]),
    },
    Rule {
        text: rule_text!("iac.state-forget", "Removes resources from infrastructure state", "`state rm` never touches the real resource; while code still declares it, the tool believes it does not exist.", "it runs unmanaged, and the next apply may duplicate it", "Use a reviewed `removed` or `moved` block instead. Back up the state with `terraform state pull`.", ["Why should the tool stop managing {target}?", "Will the next apply try to create it again?"], "terraform state show {target}"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["terraform", "tofu", "terragrunt", "pulumi"], check: state_forget },
        #[cfg(test)]
        references: words!["https://developer.hashicorp.com/terraform/cli/commands/state/rm", "https://www.pulumi.com/docs/iac/cli/commands/pulumi_state_delete/"],
        #[cfg(test)]
        examples: examples(&["terraform state rm aws_s3_bucket.logs", "tofu state rm 'module.vpc'", "pulumi state delete 'urn:pulumi:prod::app::aws:s3/bucket:Bucket::logs'"]),
        #[cfg(test)]
        counterexamples: examples(&["terraform state list", "terraform state show aws_s3_bucket.logs", "terraform state mv aws_s3_bucket.a aws_s3_bucket.b"]),
    },
    Rule {
        text: rule_text!("iac.state-push", "Overwrites the remote infrastructure state", "`state push` overwrites the shared state with a local file; the old one returns only if the backend keeps versions.", "if stale, the next apply may destroy or duplicate resources", "Fix single resources with `state mv` or `import` instead of pushing. Back up first: `terraform state pull > backup.tfstate`.", ["Where and when was the pushed file made?", "Does the backend keep earlier state versions?"], "terraform state pull"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["terraform", "tofu"],
            subcommands: &[words!["state"], words!["push"]],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://developer.hashicorp.com/terraform/cli/commands/state/push"],
        #[cfg(test)]
        examples: examples(&["terraform state push terraform.tfstate", "terraform state push -force old.tfstate"]),
        #[cfg(test)]
        counterexamples: examples(&["terraform state pull", "terraform state list"]),
    },
    Rule {
        text: rule_text!("iac.state-file-replace", "Replaces the local infrastructure state file", "The state file decides what the next apply or destroy acts on; another file points it at the wrong resources.", "the next apply or destroy acts on what that file lists", "Keep the current state and inspect the other one read-only: `terraform show -json old.tfstate`.", ["Where and when was this state file made?", "Which resources does the current state track that this one does not?"], "terraform show -json old/terraform.tfstate"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["cp", "mv"],
            check: state_file_replace,
        },
        #[cfg(test)]
        references: words!["https://developer.hashicorp.com/terraform/language/state"],
        #[cfg(test)]
        examples: examples(&["cp old/terraform.tfstate .", "mv backup/terraform.tfstate terraform.tfstate", "cp /tmp/prod.tfstate infra/terraform.tfstate"]),
        #[cfg(test)]
        counterexamples: examples(&["cp terraform.tfstate terraform.tfstate.backup", "cp terraform.tfstate backup/", "cp old/main.tf ."]),
    },
    Rule {
        text: rule_text!("iac.state-delete", "Deletes a Terraform workspace or Pulumi stack", "The tool refuses while resources are tracked, unless forced; then they keep running and must each be imported again.", "its state file and history are deleted", "Check what it still tracks with `terraform state list`; destroy or move those resources first.", ["Does {target} still track live resources?", "Is its state backed up somewhere?"], "terraform state list"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["terraform", "tofu", "pulumi"], check: state_delete },
        #[cfg(test)]
        references: words!["https://developer.hashicorp.com/terraform/cli/commands/workspace/delete", "https://www.pulumi.com/docs/iac/cli/commands/pulumi_stack_rm/"],
        #[cfg(test)]
        examples: examples(&["terraform workspace delete staging", "terraform workspace delete -force prod-eu", "pulumi stack rm dev --yes", "pulumi stack rm prod --force"]),
        #[cfg(test)]
        counterexamples: examples(&["terraform workspace list", "terraform workspace new staging", "pulumi stack ls"]),
    },
    Rule {
        text: rule_text!("iac.state-lock-bypass", "Bypasses the infrastructure state lock", "Neither `force-unlock` nor `-lock=false` checks whether the lock holder is still running; if it is, fixing the state is manual.", "two runs can write the state at once, corrupting it", "Check the lock's `Who` and `Created` fields, and unlock only once that run has surely stopped.", ["Who holds the lock, and has that run finished?", "Does the backend keep state versions if it goes wrong?"], "terraform plan -lock-timeout=10m"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["terraform", "tofu", "terragrunt"], check: state_lock_bypass },
        #[cfg(test)]
        references: words!["https://developer.hashicorp.com/terraform/cli/commands/force-unlock", "https://developer.hashicorp.com/terraform/language/state/locking"],
        #[cfg(test)]
        examples: examples(&["terraform force-unlock -force 6638e010-8fb0-46cf-966d-21e806602f3a", "tofu force-unlock 1f2e3d4c", "terraform apply -lock=false"]),
        #[cfg(test)]
        counterexamples: examples(&["terraform plan -lock=false", "terraform apply -lock-timeout=5m tfplan"]),
    },
    Rule {
        text: rule_text!("iac.import", "Brings an existing resource under infrastructure code", "`terraform import` writes only state, no code, and a hand-written block rarely matches every real setting.", "the next apply overwrites its settings and may replace it", "Use an `import` block with `terraform plan -generate-config-out=...`, then edit until the plan shows no changes.", ["Does the code match the resource as it is today?", "What does the next plan want to change on it?"], "terraform plan -generate-config-out=generated.tf"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["terraform", "tofu", "pulumi"],
            subcommands: &[words!["import"]],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://developer.hashicorp.com/terraform/cli/commands/import", "https://developer.hashicorp.com/terraform/language/import"],
        #[cfg(test)]
        examples: examples(&["terraform import aws_s3_bucket.logs company-logs", "pulumi import aws:s3/bucket:Bucket logs company-logs"]),
        #[cfg(test)]
        counterexamples: examples(&["terraform plan -generate-config-out=generated.tf", "terraform state list"]),
    },
    Rule {
        text: rule_text!("iac.pulumi-destroy", "Destroys every resource of a Pulumi stack", "Only resources marked `protect` stop it, and `--remove` also deletes the stack's config and history.", "all its resources are deleted, and their data is gone", "Preview with `pulumi destroy --preview-only`, mark data resources `protect: true`, and save state with `pulumi stack export`.", ["Is the selected stack (`pulumi stack`) the one you mean?", "Which of its resources hold data, and are they snapshotted?"], "pulumi stack export --file before-destroy.json"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["pulumi"],
            subcommands: &[words!["destroy", "down", "dn"]],
            flags_none: words!["--preview-only"],
            target_flag: Some("--stack"),
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://www.pulumi.com/docs/iac/cli/commands/pulumi_destroy/"],
        #[cfg(test)]
        examples: examples(&["pulumi destroy --yes", "pulumi destroy -s acme/prod --yes --remove", "pulumi down --stack dev"]),
        #[cfg(test)]
        counterexamples: examples(&["pulumi destroy --preview-only", "pulumi preview", "pulumi stack export --file before-destroy.json"]),
    },
    Rule {
        text: rule_text!("iac.cdk-destroy", "Destroys CDK stacks", "Each resource's removal policy decides what survives, and code often sets `DESTROY` on data stores; `--all` reaches every stack.", "its tables, buckets and databases go with their data", "Set `removalPolicy: RemovalPolicy.RETAIN` on data stores and deploy, then destroy one named stack at a time.", ["Which stacks does this select (`--all`)?", "What removal policy do their data stores have?"], "cdk diff {target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["cdk", "cdktf"],
            subcommands: &[words!["destroy"]],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/cdk/v2/guide/ref-cli-cmd-destroy.html"],
        #[cfg(test)]
        examples: examples(&["cdk destroy --all --force", "cdk destroy ProdApiStack", "cdktf destroy --auto-approve"]),
        #[cfg(test)]
        counterexamples: examples(&["cdk diff ProdApiStack", "cdk synth", "cdk deploy ProdApiStack"]),
    },
    Rule {
        text: rule_text!("iac.sam-delete", "Deletes a SAM application stack", "`sam delete` removes the whole CloudFormation stack and its artifacts; anything without `DeletionPolicy: Retain` goes.", "its functions, APIs, tables and buckets go, with their data", "Set `DeletionPolicy: Retain` on tables and buckets, and export any data that must survive.", ["Which tables, queues or buckets does {target} define?", "Which account and region is this?"], "aws cloudformation describe-stack-resources --stack-name {target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["sam"],
            subcommands: &[words!["delete"]],
            target_flag: Some("--stack-name"),
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-cli-command-reference-sam-delete.html"],
        #[cfg(test)]
        examples: examples(&["sam delete --stack-name orders-api --no-prompts", "sam delete --stack-name prod-payments --region eu-west-1"]),
        #[cfg(test)]
        counterexamples: examples(&["sam deploy --guided", "sam build", "sam list resources --stack-name orders-api"]),
    },
    Rule {
        text: rule_text!("iac.serverless-remove", "Removes a Serverless Framework service", "The stage defaults to `dev`, and its whole CloudFormation stack goes, with any declared `resources` not marked Retain.", "its functions, endpoints and data stores go; callers get errors", "Name the stage explicitly with `--stage`, mark data resources `DeletionPolicy: Retain`, and back up tables first.", ["Which stage and region does this remove?", "Does the service declare tables or buckets that hold data?"], "serverless info --stage {target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["serverless", "sls"],
            subcommands: &[words!["remove"]],
            target_flag: Some("--stage"),
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://www.serverless.com/framework/docs/providers/aws/cli-reference/remove"],
        #[cfg(test)]
        examples: examples(&["serverless remove --stage prod", "sls remove -s staging --region us-east-1"]),
        #[cfg(test)]
        counterexamples: examples(&["serverless deploy --stage dev", "serverless info --stage prod"]),
    },
    Rule {
        text: rule_text!("iac.apply-unreviewed-described", "Applies infrastructure changes without a reviewed plan", "Without a saved, reviewed plan, the apply plans at run time, drift included, and one changed setting can force replacement.", "changes, even replaced databases, happen before anyone sees them", "Save a plan, read what it adds, changes and destroys, then apply exactly that plan.", ["What does the plan show: anything destroyed or replaced?", "Which workspace, stack and account does this run against?"], "Run terraform plan and save the plan file for review."),
        reversibility: R::Unknown,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Prose(&ProsePattern {
            verbs: words!["apply*", "appli*", "run*", "deploy*", "push*"],
            objects: words!["auto-approve", "auto approve", "autoapprove", "without confirmation", "without review", "without a plan", "skip* the plan", "skip* confirmation"],
            also: words!["terraform", "tofu", "opentofu", "terragrunt", "pulumi", "infrastructure", "infra"],
            window: 8,
            leading: false,
            unless: words![],
        }),
        #[cfg(test)]
        references: words!["https://developer.hashicorp.com/terraform/cli/commands/apply#apply-options"],
        #[cfg(test)]
        examples: examples(&["1. Run terraform apply with auto-approve to push the change.", "- Apply the Terraform changes without confirmation."]),
        #[cfg(test)]
        counterexamples: examples(&["1. Run terraform plan and wait for approval.", "1. Apply the Terraform plan after it is reviewed."]),
    },
];
