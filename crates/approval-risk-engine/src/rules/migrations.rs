//! ORMs and migration tools: the commands that drop a database, empty it, or roll every
//! migration back (Prisma, Rails, Django, Alembic, Knex, Sequelize, TypeORM, Flyway,
//! Liquibase, goose, Ecto, Laravel, Entity Framework). They are one short line each and read
//! like routine development, but against a shared or production database they delete
//! everything in it. Where they run comes from the step (`RAILS_ENV=production`, a named
//! environment, the approver's target), as for any other rule.

#[cfg(test)]
use super::examples;
use super::matching::{find_flag, positionals, Hit};
use super::{Action, CommandPattern, Matcher, Reach, Rule};
use crate::model::{Reversibility as R, Scope as S};
use crate::shell::Command;
use crate::words::Last;
use crate::words::Words;

/// Every program a database-wiping migration command can start with: the runners (known to
/// the engine before, with their own handling, up to `php`) and then the migration tools.
const PROGRAMS: Words = words![
    "npx",
    "pnpx",
    "bunx",
    "pnpm",
    "yarn",
    "bun",
    "bundle",
    "poetry",
    "uv",
    "uvx",
    "pipenv",
    "prisma",
    "rails",
    "rake",
    "python",
    "python3",
    "alembic",
    "knex",
    "sequelize",
    "sequelize-cli",
    "typeorm",
    "flyway",
    "liquibase",
    "goose",
    "mix",
    "php",
    "dotnet",
    "drizzle-kit",
];

/// Is this program a migration tool or a runner only this catalogue knows (`bundle`, `bunx`),
/// whose commands no rule names still change a database or run one that may?
pub fn is_migration_tool(program: &str) -> bool {
    PROGRAMS.contains(&program)
        && !words![
            "npx", "pnpm", "yarn", "bun", "poetry", "uv", "python", "python3", "php", "dotnet"
        ]
        .contains(program)
}

/// The tool, then the command words that wipe, each shape one of: the words in order from the
/// tool on (`*` is any one word).
const WIPES: &[&[&str]] = &[
    &["prisma", "migrate", "reset"],
    &["rails", "db:drop"],
    &["rails", "db:reset"],
    &["rails", "db:schema:load"],
    &["rails", "db:migrate:reset"],
    &["rails", "db:truncate_all"],
    &["rails", "db:purge"],
    &["rake", "db:drop"],
    &["rake", "db:reset"],
    &["rake", "db:schema:load"],
    &["rake", "db:migrate:reset"],
    &["rake", "db:purge"],
    &["manage.py", "flush"],
    &["manage.py", "reset_db"],
    &["alembic", "downgrade", "base"],
    &["sequelize", "db:drop"],
    &["sequelize", "db:migrate:undo:all"],
    &["sequelize-cli", "db:drop"],
    &["sequelize-cli", "db:migrate:undo:all"],
    &["typeorm", "schema:drop"],
    &["flyway", "clean"],
    &["liquibase", "drop-all"],
    &["liquibase", "dropAll"],
    &["goose", "*", "*", "reset"],
    &["goose", "reset"],
    &["mix", "ecto.drop"],
    &["mix", "ecto.reset"],
    &["artisan", "migrate:fresh"],
    &["artisan", "migrate:reset"],
    &["artisan", "db:wipe"],
    &["ef", "database", "drop"],
    &["drizzle-kit", "drop"],
];

/// The command's words from the migration tool on: a runner's tool (`npx prisma ...`,
/// `bundle exec rails ...`), `python manage.py` and `php artisan` read as the script they run.
fn tool_words(command: &Command) -> Vec<&str> {
    let (tool, rest) = super::behind_runner(command)
        .unwrap_or_else(|| (command.program.as_str(), positionals(command)));
    let mut words: Vec<&str> = std::iter::once(tool)
        .chain(rest.into_iter().map(|a| a.value.as_str()))
        .collect();
    if words
        .first()
        .is_some_and(|w| words!["python", "python3", "php"].contains(*w))
    {
        words.remove(0);
    }
    // `./manage.py`, `bin/rails`: the script by its name.
    if let Some(first) = words.first_mut() {
        *first = first.after_last(b'/');
    }
    words
}

fn wipes_database(command: &Command) -> Option<Hit> {
    let words = tool_words(command);
    let wipes = WIPES.iter().any(|shape| {
        shape.len() <= words.len()
            && shape
                .iter()
                .zip(&words)
                .all(|(want, got)| *want == "*" || want == got)
    });
    // `knex migrate:rollback --all` undoes every batch; `prisma db push` resets with
    // `--force-reset` and drops what does not fit with `--accept-data-loss`.
    let rolls_all = words.starts_with(&["knex", "migrate:rollback"])
        && find_flag(command, words!["--all"]).is_some();
    let forced_push = words.starts_with(&["prisma", "db", "push"])
        && find_flag(command, words!["--force-reset", "--accept-data-loss"]).is_some();
    if !(wipes || rolls_all || forced_push) {
        return None;
    }
    let mut evidence = vec![command.program_span];
    evidence.extend(
        positionals(command)
            .into_iter()
            .filter(|a| WIPES.iter().any(|shape| shape.contains(&a.value.as_str())))
            .map(|a| a.span),
    );
    let mut hit = Hit::at(evidence);
    hit.set_target(words.first().map(|tool| (*tool).to_string()));
    Some(hit)
}

pub static RULES: &[Rule] = &[Rule {
    text: rule_text!("db.migration-tool-wipe", "Wipes a database through its migration tool", "It drops or empties every table, or rolls back every migration, of the database the configuration points at.", "its data is gone, and only a backup brings it back", "Check which database the configuration points at, back it up, and reset only a local one.", ["Which database does the configuration point at right now?", "Is there a backup from today, and who else uses that database?"], "Print the database URL the tool will use, then take a backup."),
    reversibility: R::Irreversible,
    scope: S::Shared,
    reach: Reach::Environment,
    action: Action::Delete,
    floor: None,
    matcher: Matcher::CommandFn {
        programs: PROGRAMS,
        check: wipes_database,
    },
    #[cfg(test)]
    references: words![
        "https://www.prisma.io/docs/orm/reference/prisma-cli-reference#migrate-reset",
        "https://guides.rubyonrails.org/active_record_migrations.html#setup-the-database",
        "https://docs.djangoproject.com/en/stable/ref/django-admin/#flush",
    ],
    #[cfg(test)]
    examples: examples(&[
        "npx prisma migrate reset --force",
        "RAILS_ENV=production bin/rails db:schema:load",
        "bundle exec rake db:reset",
        "python manage.py flush --noinput",
        "alembic downgrade base",
        "npx knex migrate:rollback --all",
        "yarn knex migrate:rollback --all",
        "npx prisma db push --accept-data-loss",
        "flyway clean",
        "mix ecto.reset",
        "php artisan migrate:fresh --seed",
        "dotnet ef database drop --force",
        "goose postgres \"$DATABASE_URL\" reset",
    ]),
    #[cfg(test)]
    counterexamples: examples(&[
        "npx prisma migrate deploy",
        "npx prisma migrate dev --name add_index",
        "bin/rails db:migrate",
        "python manage.py migrate",
        "alembic upgrade head",
        "alembic downgrade -1",
        "npx knex migrate:rollback",
        "npx prisma db push",
        "flyway migrate",
        "mix ecto.migrate",
    ]),
}, Rule {
    text: rule_text!("dbt.full-refresh", "Rebuilds dbt models from scratch", "A full refresh drops each incremental model and rebuilds it from its sources; rows they no longer keep are lost.", "history its sources no longer keep is lost", "Clone the tables it rebuilds first, and try it on a development target.", ["Do the sources still hold every row these models keep?", "Is there a clone or backup of the tables it rebuilds?"], "dbt run --select {target} --target dev"),
    reversibility: R::Recoverable,
    scope: S::Shared,
    reach: Reach::Environment,
    action: Action::DeleteRecreate,
    floor: None,
    matcher: Matcher::Command(&CommandPattern {
        programs: words!["dbt"],
        subcommands: &[words!["run", "build", "seed"]],
        flags_any: words!["--full-refresh", "-f"],
        target_flag: Some("--select"),
        ..CommandPattern::ANY
    }),
    #[cfg(test)]
    references: words!["https://docs.getdbt.com/reference/resource-configs/full_refresh"],
    #[cfg(test)]
    examples: examples(&[
        "dbt run --full-refresh --select fct_orders --target prod",
        "dbt build --full-refresh --target prod",
        "dbt run -f --select fct_sessions+",
    ]),
    #[cfg(test)]
    counterexamples: examples(&[
        "dbt run --select fct_orders --target prod",
        "dbt compile --full-refresh",
        "dbt test --select fct_orders --target prod",
    ]),
}];
