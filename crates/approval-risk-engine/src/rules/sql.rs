//! SQL: statements that destroy tables, databases or rows.

use super::{Action, Matcher, Reach, Rule, SqlPattern};
use crate::model::{Reversibility as R, Scope as S};

pub static RULES: &[Rule] = &[Rule {
    id: "sql.drop-table",
    title: "Drops a table, database or schema",
    reversibility: R::Irreversible,
    scope: S::Shared,
    reach: Reach::Environment,
    action: Action::Delete,
    floor: None,
    matcher: Matcher::Sql(SqlPattern {
        starts: &[&["drop", "table"], &["drop", "database"], &["drop", "schema"]],
        lacks: &[],
        contains: &[],
    }),
    why: "The table and every row in it are gone at once; every query and service that reads it fails, and only a restore from backup brings it back, losing what was written since.",
    safer: "Rename {target} first (`ALTER TABLE {target} RENAME TO {target}_old`), check nothing breaks, take a dump, and drop it later.",
    instead: "ALTER TABLE {target} RENAME TO {target}_retired;",
    questions: &[
        "Is there a fresh, tested backup of this table?",
        "Which services read or write it?",
        "Is this the database you think it is (check the connection string)?",
    ],
    references: &["https://www.postgresql.org/docs/current/sql-droptable.html"],
    examples: &["DROP TABLE users;", "drop table if exists orders cascade", "DROP DATABASE app_production;"],
    counterexamples: &["CREATE TABLE users (id int);", "SELECT * FROM drop_table_log;", "-- DROP TABLE users;"],
}];
