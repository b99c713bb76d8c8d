//! What a careful approver decides on each step of every library exercise, written down before
//! the engine was run on them, as the test the engine must pass (issue 18): an exercise that
//! teaches the wrong answer is worse than none. Each step is found by words of its own text and
//! given the decisions an approver would accept there; every step the engine finds must be
//! covered, so a new step cannot slip in unjudged. Where the lesson is one thing the card must
//! say (the freeze on the Replit drop, confirming the host on the GitLab wipe), `says` names it.

use super::library::LIBRARY;
use approval_risk_engine::Decision::{self, Block, Escalate, Proceed, Review};
use approval_risk_engine::{assess, Options};

/// One step: words of its text, the decisions accepted, and words its card must contain.
/// `heading` when the line opens the plan and the engine may read it as its heading.
struct Expect {
    step: &'static str,
    accept: &'static [Decision],
    says: &'static str,
    heading: bool,
}

const fn at(step: &'static str, accept: &'static [Decision]) -> Expect {
    Expect {
        step,
        accept,
        says: "",
        heading: false,
    }
}

const fn heading(step: &'static str, accept: &'static [Decision]) -> Expect {
    Expect {
        step,
        accept,
        says: "",
        heading: true,
    }
}

const fn saying(step: &'static str, accept: &'static [Decision], says: &'static str) -> Expect {
    Expect {
        step,
        accept,
        says,
        heading: false,
    }
}

/// An introduction line that says what the plan is for: nothing to run, at most a second look.
/// The engine may read it as the plan's heading rather than a step, so it need not be found.
const INTRO: &[Decision] = &[Proceed, Review];

fn expected(id: &str) -> Vec<Expect> {
    match id {
        "kiro-delete-recreate" => vec![
            heading("Fix the stale totals", INTRO),
            at("Read the service logs", &[Proceed]),
            at("Compare the environment", &[Proceed]),
            at(
                "delete and recreate the production environment",
                &[Escalate, Block],
            ),
            at("Run the health checks", &[Proceed, Review]),
        ],
        "replit-code-freeze" => vec![
            heading("contacts page shows no rows", INTRO),
            at("SELECT count(*)", &[Proceed]),
            at("db:push", &[Escalate, Block]),
            saying("DROP TABLE executives", &[Block], "freeze"),
            at("Seed 4,000 sample users", &[Escalate, Block]),
            at("Tell the user", &[Proceed, Review]),
        ],
        "gemini-mkdir-move" => vec![
            heading("Rename the folder", INTRO),
            at("mkdir", &[Proceed]),
            at("move *", &[Review, Escalate]),
            at("`dir`", &[Proceed]),
        ],
        "amazon-q-wiper" => vec![
            // The planted prompt opens the plan as its heading; its words are judged through
            // the steps they drive, so it need not be a step of its own.
            heading("clean a system to a near-factory state", &[Escalate, Block]),
            at("find ~ -type f", &[Escalate, Block]),
            at("terminate-instances", &[Block]),
            at("aws s3 rm", &[Escalate, Block]),
            at("delete-user", &[Escalate, Block]),
            at("Log what was deleted", &[Proceed, Review]),
        ],
        "terraform-stale-state" => vec![
            heading("Remove the duplicate resources", INTRO),
            at("terraform.tfstate", &[Review, Escalate]),
            at("terraform plan", &[Proceed]),
            at("terraform destroy", &[Escalate, Block]),
            at("terraform apply", &[Review, Escalate]),
        ],
        "railway-volume-token" => vec![
            heading("credential mismatch", INTRO),
            at("RAILWAY_TOKEN", &[Review, Escalate]),
            at("volumeDelete", &[Escalate, Block]),
            // Alone a redeploy is routine; here it is the recreate half of deleting the volume
            // "so it is recreated", and a step takes the decision of the patterns it is in.
            at("Redeploy staging", &[Proceed, Review, Escalate]),
        ],
        "gitlab-wrong-host" => vec![
            heading("Replication to the secondary", INTRO),
            at("gitlab-ctl stop", &[Review, Escalate]),
            saying("rm -rf /var/opt/gitlab", &[Escalate, Block], "hostname"),
            at("pg_basebackup", &[Proceed, Review, Escalate]),
        ],
        "s3-playbook-input" => vec![
            heading("billing subsystem is slow", INTRO),
            at("Remove a small number of servers", &[Review, Escalate]),
            at("Watch the subsystem", &[Proceed]),
        ],
        "force-push-main" => vec![
            heading("push to main was rejected", INTRO),
            at("git fetch", &[Proceed]),
            at("git rebase", &[Review, Escalate]),
            at("git push --force", &[Escalate, Block]),
        ],
        "terraform-current-workspace" => vec![
            heading("Pull request 214", INTRO),
            at("cd infra", &[Proceed]),
            at("terraform init", &[Proceed, Review]),
            at("terraform destroy", &[Escalate, Block]),
        ],
        "migration-drop-column" => vec![
            heading("Migration 0042", INTRO),
            at("ADD COLUMN", &[Proceed, Review]),
            at("UPDATE users", &[Review, Escalate]),
            at("DROP COLUMN", &[Escalate, Block]),
            at("deploy the new app version", &[Review, Escalate]),
        ],
        "secret-in-commit" => vec![
            heading("CI cannot reach", INTRO),
            at("config/settings.py", &[Review, Escalate, Block]),
            at("git add -A", &[Review, Escalate]),
            at("git push origin main", &[Escalate, Block]),
        ],
        "test-email-to-everyone" => vec![
            heading("integration test email template renders", INTRO),
            // "Load" says neither where from nor into what: an unclear verb is never safe, so
            // a second look is a fair answer too.
            at("Load the template", &[Proceed, Review]),
            at("mailer send", &[Escalate, Block]),
            at("delivery report", &[Proceed]),
        ],
        "cleanup-deletes-backups" => vec![
            heading("Storage costs are up", INTRO),
            at("aws s3 ls", &[Proceed]),
            at("aws s3 rm", &[Escalate, Block]),
            at("space saved", &[Proceed]),
        ],
        _ => Vec::new(),
    }
}

#[test]
fn every_library_exercise_teaches_what_a_careful_approver_would_decide() {
    let mut wrong = Vec::new();
    for exercise in &LIBRARY {
        let expectations = expected(exercise.id);
        assert!(
            !expectations.is_empty(),
            "{}: no expectations written",
            exercise.id
        );
        let options = Options {
            context: exercise.context,
            ..Options::default()
        };
        let assessment = assess(exercise.plan, &options);
        for step in &assessment.steps {
            let matching: Vec<&Expect> = expectations
                .iter()
                .filter(|e| step.text.contains(e.step))
                .collect();
            let [expect] = matching[..] else {
                wrong.push(format!(
                    "{} step {} matches {} expectations: {:?}",
                    exercise.id,
                    step.index,
                    matching.len(),
                    step.text
                ));
                continue;
            };
            if !expect.accept.contains(&step.decision) {
                wrong.push(format!(
                    "{} step {} ({}): {:?}, accepted {:?}",
                    exercise.id, step.index, expect.step, step.decision, expect.accept
                ));
            }
            let card = format!(
                "{} {} {} {}",
                step.headline,
                step.explanation,
                step.questions.join(" "),
                step.findings
                    .iter()
                    .flat_map(|f| f.adjustments.iter().map(|a| a.note.as_str()))
                    .collect::<Vec<_>>()
                    .join(" ")
            )
            .to_lowercase();
            if !card.contains(expect.says) {
                wrong.push(format!(
                    "{} step {} ({}): the card does not say {:?}",
                    exercise.id, step.index, expect.step, expect.says
                ));
            }
        }
        // Every expectation found its step: none was written for a step the engine merged away.
        for expect in expectations.iter().filter(|e| !e.heading) {
            if !assessment
                .steps
                .iter()
                .any(|s| s.text.contains(expect.step))
            {
                wrong.push(format!("{}: no step has {:?}", exercise.id, expect.step));
            }
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}
