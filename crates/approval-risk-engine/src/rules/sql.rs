//! SQL: statements that destroy tables, rows, columns, roles or replication history, widen
//! access, or lock tables, and the database command-line tools that do the same.

use super::examples;
use super::matching::{find_flag, operands, Hit};
use super::{Action, Matcher, ProsePattern, Reach, Rule, SqlPattern};
use crate::model::{Reversibility as R, Scope as S};
use crate::shell::Command;
use crate::words::Words;

/// Flags of the PostgreSQL client tools that take a value, so the value is not read as the
/// database name.
const PG_VALUE_FLAGS: Words = words![
    "-h",
    "--host",
    "-p",
    "--port",
    "-U",
    "--username",
    "-d",
    "--dbname",
    "--maintenance-db",
    "--role",
    "-f",
    "--file",
    "-F",
    "--format",
    "-j",
    "--jobs",
    "-n",
    "--schema",
    "-t",
    "--table",
    "-L",
    "--use-list",
    "-I",
    "--index",
    "-P",
    "--function",
    "-T",
    "--trigger",
];

/// The same for the MySQL tools, where `-p` asks for the password and takes no separate value.
const MYSQL_VALUE_FLAGS: Words = words![
    "-h",
    "--host",
    "-u",
    "--user",
    "-P",
    "--port",
    "-S",
    "--socket",
    "--defaults-file",
    "--defaults-extra-file",
    "--login-path",
    "--protocol",
    "-c",
    "--count",
    "-i",
    "--sleep",
];

/// `dropdb NAME`, `dropuser NAME`: the last operand is what goes.
fn drop_named(command: &Command) -> Option<Hit> {
    if find_flag(command, words!["--help", "--version", "-V", "-?"]).is_some() {
        return None;
    }
    let name = *operands(command, PG_VALUE_FLAGS).last()?;
    Some(Hit {
        target: Some(name.value.clone()),
        ..Hit::at(vec![command.program_span, name.span])
    })
}

/// `mysqladmin [options] drop NAME` (`-p` without a value prompts, so it takes none).
fn mysqladmin_drop(command: &Command) -> Option<Hit> {
    let words = operands(command, MYSQL_VALUE_FLAGS);
    let at = words
        .iter()
        .position(|w| w.value.eq_ignore_ascii_case("drop"))?;
    let mut hit = Hit::at(vec![command.program_span, words[at].span]);
    if let Some(name) = words.get(at + 1) {
        hit.evidence.push(name.span);
        hit.target = Some(name.value.clone());
    }
    Some(hit)
}

/// Does a short-flag cluster of `pg_restore` (`-c`, `-cC`, `-Fc`) carry `letter` as a flag of
/// its own, rather than as the value of a flag before it (`-Fc` is "format: custom")?
fn short_cluster_has(arg: &str, letter: char) -> bool {
    let Some(cluster) = arg.strip_prefix('-').filter(|c| !c.starts_with('-')) else {
        return false;
    };
    for c in cluster.chars() {
        if c == letter {
            return true;
        }
        if "dfFIjLnNPStTUhp".contains(c) {
            return false;
        }
    }
    false
}

/// `pg_restore --clean` / `-c`: drops each object in the target database before restoring it.
fn pg_restore_clean(command: &Command) -> Option<Hit> {
    let clean = command
        .args
        .iter()
        .find(|a| a.value == "--clean" || short_cluster_has(&a.value, 'c'))?;
    let mut hit = Hit::at(vec![command.program_span, clean.span]);
    let dbname = command.args.iter().enumerate().find_map(|(i, a)| {
        if let Some(v) = a.value.strip_prefix("--dbname=") {
            Some(v.to_string())
        } else if a.value == "-d" || a.value == "--dbname" {
            command.args.get(i + 1).map(|n| n.value.clone())
        } else {
            a.value
                .strip_prefix("-d")
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        }
    });
    hit.target = dbname;
    if let Some(create) = command
        .args
        .iter()
        .find(|a| a.value == "--create" || short_cluster_has(&a.value, 'C'))
    {
        hit.evidence.push(create.span);
        hit.note = Some("With `--create` it drops and recreates the whole database, not only the objects in the dump.".to_string());
    }
    Some(hit)
}

/// `pg_dropcluster [--stop] VERSION NAME` (Debian and Ubuntu's PostgreSQL wrapper).
fn pg_dropcluster(command: &Command) -> Option<Hit> {
    let words = operands(command, words![]);
    let version = words.first()?;
    let mut hit = Hit::at(vec![command.program_span, version.span]);
    match words.get(1) {
        Some(name) => {
            hit.evidence.push(name.span);
            hit.target = Some(format!("{}/{}", version.value, name.value));
        }
        None => hit.target = Some(version.value.clone()),
    }
    Some(hit)
}

pub static RULES: &[Rule] = &[
    Rule {
        id: "sql.drop-table",
        title: "Drops a table, database or schema",
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Sql(SqlPattern {
            starts: &[words!["drop", "table"], words!["drop", "database"], words!["drop", "schema"]],
            lacks: words![],
            contains: words![],
        }),
        why: "The table and every row in it are gone at once; every query and service that reads it fails, and only a restore from backup brings it back, losing what was written since.",
        consequence: "every row in it is gone and whatever reads it fails at once",
        safer: "Rename {target} first (`ALTER TABLE {target} RENAME TO {target}_old`), check nothing breaks, take a dump, and drop it later.",
        instead: "ALTER TABLE {target} RENAME TO {target}_retired;",
        questions: words![
            "Is there a fresh, tested backup of this table?",
            "Which services read or write it?",
            "Is this the database you think it is (check the connection string)?",
        ],
        references: words!["https://www.postgresql.org/docs/current/sql-droptable.html"],
        examples: examples(&["DROP TABLE users;", "drop table if exists orders cascade", "DROP DATABASE app_production;"]),
        counterexamples: examples(&["CREATE TABLE users (id int);", "SELECT * FROM drop_table_log;", "-- DROP TABLE users;"]),
    },
    Rule {
        id: "sql.delete-all-rows",
        title: "Deletes every row of a table (DELETE without WHERE)",
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Sql(SqlPattern {
            starts: &[words!["delete"]],
            lacks: words!["where", "join"],
            contains: words![],
        }),
        why: "A DELETE with no WHERE clause empties the whole table, not the few rows the agent had in mind. Every customer record, order or session in it is gone; only a restore from backup brings them back, losing what was written since.",
        consequence: "every row in it is gone; only a backup brings them back",
        safer: "Add a WHERE clause that names exactly the rows to remove, check how many rows it matches with `SELECT count(*)` first, and run it inside a transaction so a wrong count can be rolled back.",
        instead: "SELECT count(*) FROM {target};",
        questions: words![
            "Was a WHERE clause meant to be here?",
            "How many rows does {target} hold, and is there a recent backup of it?",
            "Which database and environment does this connect to?",
        ],
        references: words!["https://www.postgresql.org/docs/current/sql-delete.html"],
        examples: examples(&[
            "DELETE FROM users;",
            "delete from public.orders returning id",
            "psql -h db.prod.internal -c 'DELETE FROM sessions'",
            "sqlite3 app.db \"DELETE FROM events;\"",
        ]),
        counterexamples: examples(&[
            "DELETE FROM sessions WHERE expires_at < now();",
            "SELECT * FROM users;",
            "-- DELETE FROM users;",
            "git commit -m 'DELETE FROM users without where is bad'",
        ]),
    },
    Rule {
        id: "sql.delete-rows",
        title: "Deletes the rows a WHERE clause selects",
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Sql(SqlPattern {
            starts: &[words!["delete"]],
            lacks: words![],
            contains: words!["where", "using"],
        }),
        why: "The rows the condition matches are removed; if the condition is broader than meant, or the rows were still needed, they come back only from a backup or point-in-time recovery, losing what changed since.",
        consequence: "the matched rows are gone; a wrong condition means restoring from backup",
        safer: "Run the same condition as `SELECT count(*)` first, and delete inside a transaction so a surprising count can be rolled back.",
        // The engine builds the count from the statement's own condition (`sql_instead`).
        instead: "SELECT count(*) FROM {target};",
        questions: words!["How many rows does the condition match, and is that the number expected?", "Is point-in-time recovery or a recent backup available for this database?"],
        references: words!["https://www.postgresql.org/docs/current/sql-delete.html"],
        examples: examples(&["DELETE FROM sessions WHERE expires_at < now();", "delete from orders where status = 'test' returning id"]),
        counterexamples: examples(&["DELETE FROM users;", "SELECT * FROM sessions WHERE expires_at < now();"]),
    },
    Rule {
        id: "sql.update-rows",
        title: "Overwrites values in the rows a WHERE clause selects",
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Sql(SqlPattern {
            starts: &[words!["update"]],
            lacks: words![],
            contains: words!["where"],
        }),
        why: "The old values in the matched rows are replaced; nothing keeps them, so undoing a wrong update means restoring from a backup or point-in-time recovery.",
        consequence: "the old values in the matched rows are overwritten and kept nowhere",
        safer: "Check the matched rows with a `SELECT` first, keep their current values (`CREATE TABLE ... AS SELECT`), and update inside a transaction.",
        // The engine builds the check from the statement's own condition (`sql_instead`).
        instead: "SELECT count(*) FROM {target};",
        questions: words!["How many rows does the condition match?", "Are the current values saved somewhere before they are overwritten?"],
        references: words!["https://www.postgresql.org/docs/current/sql-update.html"],
        examples: examples(&["UPDATE accounts SET plan = 'pro' WHERE id = 42;", "update users set email = lower(email) where email <> lower(email)"]),
        counterexamples: examples(&["UPDATE accounts SET plan = 'pro';", "SELECT * FROM accounts WHERE id = 42;"]),
    },
    Rule {
        id: "sql.update-all-rows",
        title: "Overwrites a column in every row (UPDATE without WHERE)",
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Sql(SqlPattern {
            starts: &[words!["update"]],
            lacks: words!["where", "join"],
            contains: words!["set"],
        }),
        why: "An UPDATE with no WHERE clause writes the new value into every row of the table; the old values (emails, prices, balances, statuses) are overwritten and nothing keeps them. Putting them back needs a backup and a careful merge with what changed since.",
        consequence: "the old value in every row is overwritten and kept nowhere",
        safer: "Add a WHERE clause for exactly the rows meant, check the count with `SELECT count(*)` first, and run it in a transaction; copy the affected column aside first (`CREATE TABLE ... AS SELECT id, column FROM ...`).",
        instead: "SELECT count(*) FROM {target};",
        questions: words![
            "Was a WHERE clause meant to be here?",
            "Is there a copy of the current values of the column being overwritten?",
            "Which database and environment does this connect to?",
        ],
        references: words!["https://www.postgresql.org/docs/current/sql-update.html"],
        examples: examples(&[
            "UPDATE users SET email_verified = false;",
            "update accounts set balance = 0",
            "mysql -u root -e \"UPDATE orders SET status = 'cancelled'\" shop",
        ]),
        counterexamples: examples(&[
            "UPDATE users SET email_verified = true WHERE id = 42;",
            "SELECT * FROM accounts;",
            "UPDATE orders o SET status = 'paid' FROM payments p WHERE p.order_id = o.id;",
        ]),
    },
    Rule {
        id: "sql.truncate",
        title: "Empties a table (TRUNCATE)",
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Sql(SqlPattern {
            starts: &[words!["truncate"]],
            lacks: words![],
            contains: words![],
        }),
        why: "TRUNCATE removes every row of the table at once, faster than DELETE and without row-by-row logging or triggers; with CASCADE it also empties every table that references it. Only a restore from backup brings the rows back.",
        consequence: "every row in it is gone at once; CASCADE empties referencing tables too",
        safer: "Copy {target} aside first (`CREATE TABLE {target}_backup AS TABLE {target}`) or take a dump, and delete only the rows meant with a WHERE clause.",
        instead: "CREATE TABLE {target}_backup AS TABLE {target};",
        questions: words![
            "Is there a backup of {target} taken today?",
            "Do other tables reference it (CASCADE empties them too)?",
            "Which database and environment does this connect to?",
        ],
        references: words!["https://www.postgresql.org/docs/current/sql-truncate.html", "https://dev.mysql.com/doc/refman/8.0/en/truncate-table.html"],
        examples: examples(&["TRUNCATE TABLE orders;", "truncate table events, audit_log cascade;", "psql -d app_prod -c \"TRUNCATE payments\""]),
        counterexamples: examples(&["truncate -s 0 /var/log/app.log", "SELECT * FROM orders;", "echo 'TRUNCATE TABLE orders'"]),
    },
    Rule {
        id: "sql.drop-column",
        title: "Drops a column or partition and the data in it",
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Sql(SqlPattern {
            starts: &[words!["alter", "table"]],
            lacks: words![
                "default", "constraint", "not", "key", "index", "expression", "identity",
                "check", "foreign", "primary", "unique",
            ],
            contains: words!["drop"],
        }),
        why: "Dropping a column deletes that value from every row (dropping a partition deletes its rows); code that still reads the column starts failing at once. Adding the column back gives an empty column: the data comes back only from a backup.",
        consequence: "the dropped column's data is gone from every row; code reading it fails",
        safer: "Stop the code from using the column first, deploy that, copy the column aside, and drop it in a later release; or rename it so anything still reading it fails loudly and can be fixed.",
        // The engine renames the statement's own column when it can (`sql_instead`).
        instead: "CREATE TABLE {target}_backup AS SELECT * FROM {target};",
        questions: words![
            "Does any code, report or job still read this column?",
            "Is there a copy of the data in it?",
            "Which database and environment is this?",
        ],
        references: words!["https://www.postgresql.org/docs/current/sql-altertable.html"],
        examples: examples(&[
            "ALTER TABLE users DROP COLUMN legacy_email;",
            "alter table if exists orders drop column discount_code, drop column notes",
            "ALTER TABLE events DROP PARTITION p2023;",
        ]),
        counterexamples: examples(&[
            "ALTER TABLE users ADD COLUMN nickname text;",
            "ALTER TABLE users ALTER COLUMN name DROP NOT NULL;",
            "ALTER TABLE users DROP CONSTRAINT users_email_key;",
        ]),
    },
    Rule {
        id: "sql.drop-constraint",
        title: "Removes a key or constraint that guards the data",
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::Sql(SqlPattern {
            starts: &[words!["alter", "table"]],
            lacks: words!["add", "validate", "rename"],
            contains: words!["constraint", "foreign", "primary"],
        }),
        why: "Without the constraint the database stops refusing bad data: duplicate emails, orders pointing at deleted customers, negative amounts. Nothing is lost at once and it can be added back, but once bad rows get in, adding it back fails until someone cleans them up by hand.",
        consequence: "the database stops refusing bad data such as duplicates and orphaned rows",
        safer: "Keep the constraint and fix the data or the code that violates it; if it must go, say why and plan when and how it is restored.",
        instead: "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = '{target}'::regclass;",
        questions: words![
            "Why does the constraint need to go, and for how long?",
            "What stops bad data from getting in meanwhile?",
        ],
        references: words!["https://www.postgresql.org/docs/current/ddl-constraints.html"],
        examples: examples(&[
            "ALTER TABLE orders DROP CONSTRAINT orders_customer_id_fkey;",
            "ALTER TABLE payments DROP PRIMARY KEY;",
            "alter table line_items drop foreign key fk_order",
        ]),
        counterexamples: examples(&[
            "ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);",
            "ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_fkey;",
            "ALTER TABLE orders RENAME CONSTRAINT a TO b;",
        ]),
    },
    Rule {
        id: "sql.drop-index",
        title: "Drops an index",
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Sql(SqlPattern {
            starts: &[words!["drop", "index", "concurrently"], words!["drop", "index"]],
            lacks: words![],
            contains: words![],
        }),
        why: "No data is lost, since the index can be rebuilt from the table, but queries that relied on it can slow down sharply and, if it was a UNIQUE index, duplicates can get in meanwhile. Rebuilding a large index takes a long time and blocks writes unless built CONCURRENTLY.",
        consequence: "queries that relied on it can slow sharply; no data is lost",
        safer: "Check the index is really unused (`pg_stat_user_indexes.idx_scan`), drop it with `DROP INDEX CONCURRENTLY` outside peak hours, and keep its `CREATE INDEX` statement at hand.",
        instead: "SELECT idx_scan FROM pg_stat_user_indexes WHERE indexrelname = '{target}';",
        questions: words![
            "Do any queries use this index (how many scans does it show)?",
            "Is it a unique index that also keeps duplicates out?",
        ],
        references: words!["https://www.postgresql.org/docs/current/sql-dropindex.html"],
        examples: examples(&["DROP INDEX idx_orders_created_at;", "drop index concurrently if exists users_email_idx;"]),
        counterexamples: examples(&["CREATE INDEX CONCURRENTLY idx_orders_created_at ON orders (created_at);", "REINDEX INDEX CONCURRENTLY idx_orders_created_at;", "DROP TABLE idx_backup;"]),
    },
    Rule {
        id: "sql.drop-definition",
        title: "Drops a view, function, procedure, trigger or sequence",
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Sql(SqlPattern {
            starts: &[
                words!["drop", "view"],
                words!["drop", "materialized", "view"],
                words!["drop", "function"],
                words!["drop", "procedure"],
                words!["drop", "routine"],
                words!["drop", "trigger"],
                words!["drop", "sequence"],
                words!["drop", "event"],
            ],
            lacks: words![],
            contains: words![],
        }),
        why: "No table rows are lost, but every query, report or service that uses the object fails at once, and a dropped trigger silently stops doing its job (auditing, keeping totals). It can be recreated only if its definition is kept in migrations or a schema dump; a dropped sequence restarts its numbering, which can collide with existing ids.",
        consequence: "everything that uses it fails at once, and a trigger's job silently stops",
        safer: "Save the definition first (`pg_dump --schema-only`), check nothing depends on {target} (`\\d+`, `pg_depend`), and remove it through a migration that can be reverted.",
        instead: "pg_dump --schema-only --file=schema-before-change.sql",
        questions: words![
            "Is the definition of {target} kept in migrations or source control?",
            "What reads or calls it: reports, services, other views?",
            "For a trigger: what job does it do that would silently stop?",
        ],
        references: words!["https://www.postgresql.org/docs/current/sql-dropview.html", "https://www.postgresql.org/docs/current/sql-droptrigger.html"],
        examples: examples(&[
            "DROP VIEW active_customers;",
            "drop materialized view if exists daily_revenue;",
            "DROP TRIGGER audit_orders ON orders;",
            "DROP FUNCTION calculate_tax(numeric);",
        ]),
        counterexamples: examples(&["CREATE OR REPLACE VIEW active_customers AS SELECT 1;", "REFRESH MATERIALIZED VIEW daily_revenue;", "DROP INDEX view_idx;"]),
    },
    Rule {
        id: "sql.drop-type-cascade",
        title: "Drops a type, domain or extension with CASCADE",
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Sql(SqlPattern {
            starts: &[words!["drop", "type"], words!["drop", "domain"], words!["drop", "extension"]],
            lacks: words![],
            contains: words!["cascade"],
        }),
        why: "CASCADE drops everything that depends on the type or extension too, and that includes table columns of that type with all their data (for example every geometry column when PostGIS goes). Recreating the type or extension does not bring the columns or data back.",
        consequence: "every column using it is dropped with all its data, for good",
        safer: "Drop it without CASCADE: the database then refuses and lists what still depends on it, so each dependency can be dealt with on purpose.",
        instead: "DROP TYPE {target};",
        questions: words!["What depends on {target}: which tables have columns of this type?", "Is there a backup of those tables?"],
        references: words!["https://www.postgresql.org/docs/current/sql-droptype.html", "https://www.postgresql.org/docs/current/sql-dropextension.html"],
        examples: examples(&["DROP TYPE order_status CASCADE;", "drop extension if exists postgis cascade;"]),
        counterexamples: examples(&["DROP TYPE order_status;", "CREATE EXTENSION IF NOT EXISTS pgcrypto;"]),
    },
    Rule {
        id: "sql.drop-role",
        title: "Drops a database user or role",
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Sql(SqlPattern {
            starts: &[words!["drop", "user"], words!["drop", "role"], words!["drop", "group"]],
            lacks: words!["mapping"],
            contains: words![],
        }),
        why: "Every application, job or person logging in as this user is refused from that moment, and its grants and memberships are gone. It can be recreated, but with a new password that every client must be given, and its privileges have to be rebuilt from memory or scripts.",
        consequence: "everything logging in as it is refused and its grants are gone",
        safer: "Disable the login first (`ALTER ROLE {target} NOLOGIN`, MySQL: `ALTER USER ... ACCOUNT LOCK`), watch for failed logins for a while, and drop it later.",
        instead: "ALTER ROLE {target} NOLOGIN;",
        questions: words!["Which applications or jobs still log in as {target}?", "Are its grants recorded somewhere so they can be rebuilt?"],
        references: words!["https://www.postgresql.org/docs/current/sql-droprole.html", "https://dev.mysql.com/doc/refman/8.0/en/drop-user.html"],
        examples: examples(&["DROP ROLE reporting;", "drop user if exists 'app'@'%';", "psql -c 'DROP USER billing_service'"]),
        counterexamples: examples(&["CREATE ROLE reporting LOGIN;", "ALTER ROLE reporting NOLOGIN;", "DROP USER MAPPING FOR app SERVER remote;"]),
    },
    Rule {
        id: "sql.grant-all",
        title: "Grants all privileges",
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::WidenPrivilege,
        floor: None,
        matcher: Matcher::Sql(SqlPattern {
            starts: &[words!["grant", "all"]],
            lacks: words![],
            contains: words![],
        }),
        why: "The grantee can now read, change and delete everything the grant covers (with MySQL's `ON *.*`, every database on the server). It can be revoked later, but whatever is read or changed in the meantime, by the grantee or by anyone who steals its password, stays done.",
        consequence: "the grantee can read, change and delete everything the grant covers",
        safer: "Grant only the privileges the task needs on the tables it needs (for example `GRANT SELECT, INSERT ON orders TO app`), and never `WITH GRANT OPTION` to an application.",
        instead: "Review which tables and privileges the role actually needs before granting anything.",
        questions: words!["Which privileges does the grantee actually need?", "Who else can log in as the grantee?"],
        references: words!["https://www.postgresql.org/docs/current/sql-grant.html", "https://dev.mysql.com/doc/refman/8.0/en/grant.html"],
        examples: examples(&["GRANT ALL PRIVILEGES ON *.* TO 'agent'@'%' WITH GRANT OPTION;", "grant all on all tables in schema public to app_user;"]),
        counterexamples: examples(&["GRANT SELECT ON orders TO reporting;", "REVOKE ALL ON orders FROM reporting;"]),
    },
    Rule {
        id: "sql.grant-public",
        title: "Grants access to every database user (TO PUBLIC)",
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::WidenPrivilege,
        floor: None,
        matcher: Matcher::Sql(SqlPattern {
            starts: &[words!["grant"]],
            lacks: words!["schema"],
            contains: words!["public"],
        }),
        why: "PUBLIC means every role that can connect, now and in future: reporting users, other applications, a leaked password. It can be revoked, but what was read meanwhile stays read, and nobody notices until an audit.",
        consequence: "every role that can connect, now and in future, gets this access",
        safer: "Grant to a named role that only the intended users are members of.",
        instead: "SELECT grantee, privilege_type FROM information_schema.role_table_grants WHERE grantee = 'PUBLIC';",
        questions: words!["Which roles really need this access?", "Does the table hold personal or financial data?"],
        references: words!["https://www.postgresql.org/docs/current/ddl-priv.html"],
        examples: examples(&["GRANT SELECT ON customers TO PUBLIC;", "grant execute on function export_all() to public;"]),
        counterexamples: examples(&["GRANT USAGE ON SCHEMA public TO app;", "GRANT SELECT ON public.customers TO analyst;"]),
    },
    Rule {
        id: "sql.grant-superuser",
        title: "Makes a database user a superuser",
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::WidenPrivilege,
        floor: None,
        matcher: Matcher::Sql(SqlPattern {
            starts: &[words!["alter", "user"], words!["alter", "role"], words!["create", "user"], words!["create", "role"]],
            lacks: words![],
            contains: words!["superuser", "bypassrls", "createrole"],
        }),
        why: "A superuser bypasses every permission and row-level rule on the server, can read and drop every database on it, and (in PostgreSQL) can run commands on the database host. It can be taken back, but nothing limits what is done with it meanwhile.",
        consequence: "it bypasses every permission and can read or drop every database",
        safer: "Grant the specific privileges the task needs, or use a predefined role such as `pg_read_all_data`, and time-box it.",
        instead: "SELECT rolname, rolsuper FROM pg_roles WHERE rolname = '{target}';",
        questions: words!["What task needs superuser, and can a narrower privilege do it?", "When will it be taken back, and who checks?"],
        references: words!["https://www.postgresql.org/docs/current/role-attributes.html"],
        examples: examples(&["ALTER USER deploy WITH SUPERUSER;", "create role agent login superuser password 'x';"]),
        counterexamples: examples(&["ALTER ROLE deploy NOSUPERUSER;", "CREATE ROLE reporting LOGIN;"]),
    },
    Rule {
        id: "sql.revoke",
        title: "Revokes database privileges",
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Sql(SqlPattern {
            starts: &[words!["revoke"]],
            lacks: words![],
            contains: words![],
        }),
        why: "Whoever loses the privilege is refused from the next query: an application that still needs it starts failing for its users. Granting it back is quick once someone notices.",
        consequence: "applications using the privilege are refused from their next query",
        safer: "Check which applications log in as the role and what they query before revoking, and have the matching GRANT ready.",
        instead: "SELECT grantee, table_name, privilege_type FROM information_schema.role_table_grants;",
        questions: words!["Which applications or jobs use this privilege today?", "Is the GRANT to restore it written down?"],
        references: words!["https://www.postgresql.org/docs/current/sql-revoke.html"],
        examples: examples(&["REVOKE INSERT, UPDATE ON orders FROM app_writer;", "revoke all on schema billing from reporting;"]),
        counterexamples: examples(&["GRANT SELECT ON orders TO reporting;", "SELECT * FROM information_schema.role_table_grants;"]),
    },
    Rule {
        id: "sql.drop-replication-slot",
        title: "Drops or skips a PostgreSQL replication slot",
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Sql(SqlPattern {
            starts: &[words!["select"]],
            lacks: words![],
            contains: words!["pg_drop_replication_slot", "pg_replication_slot_advance"],
        }),
        why: "The slot is what keeps changes for a replica or a change-data-capture consumer (Debezium, a logical replica, a data pipeline). Dropping or advancing it throws those pending changes away: the consumer can no longer catch up and must be rebuilt from a fresh copy, which takes hours on a large database.",
        consequence: "its replica or change-data consumer loses pending changes and must be rebuilt",
        safer: "Find out what consumes the slot first; if it is abandoned, confirm with its owner. If disk is filling up, fix or pause the consumer rather than dropping its slot.",
        instead: "SELECT slot_name, plugin, active, restart_lsn FROM pg_replication_slots;",
        questions: words!["What consumes this slot (a replica, Debezium, a pipeline)?", "Is the consumer really gone, or only behind?"],
        references: words!["https://www.postgresql.org/docs/current/functions-admin.html#FUNCTIONS-REPLICATION"],
        examples: examples(&["SELECT pg_drop_replication_slot('debezium_orders');", "select pg_drop_replication_slot(slot_name) from pg_replication_slots where not active;"]),
        counterexamples: examples(&["SELECT * FROM pg_replication_slots;", "SELECT pg_create_logical_replication_slot('cdc', 'pgoutput');"]),
    },
    Rule {
        id: "sql.drop-owned",
        title: "Drops everything a role owns (DROP OWNED)",
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Sql(SqlPattern {
            starts: &[words!["drop", "owned"]],
            lacks: words![],
            contains: words![],
        }),
        why: "Every table, view, sequence and function owned by the role in this database is dropped, with all the rows in those tables. It is often run to clean up before dropping a user, without checking that the user owned the application's real tables.",
        consequence: "every table, view and function it owns is dropped, rows included",
        safer: "Hand the objects to another role first with `REASSIGN OWNED BY {target} TO ...`, then `DROP OWNED` only removes the remaining privileges.",
        instead: "SELECT tablename FROM pg_tables WHERE tableowner = '{target}';",
        questions: words!["Which tables does {target} own, and do they hold data anyone needs?", "Was `REASSIGN OWNED` run first?"],
        references: words!["https://www.postgresql.org/docs/current/sql-drop-owned.html"],
        examples: examples(&["DROP OWNED BY legacy_app;", "drop owned by etl_user cascade;"]),
        counterexamples: examples(&["REASSIGN OWNED BY legacy_app TO app_owner;", "SELECT * FROM pg_tables WHERE tableowner = 'legacy_app';"]),
    },
    Rule {
        id: "sql.table-rewrite-lock",
        title: "Rewrites a table under an exclusive lock",
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Sql(SqlPattern {
            starts: &[words!["vacuum", "full"], words!["cluster"], words!["reindex"]],
            lacks: words!["concurrently"],
            contains: words![],
        }),
        why: "VACUUM FULL, CLUSTER and a plain REINDEX rebuild the table or its indexes while holding a lock that blocks the application's reads or writes until they finish, which is minutes to hours on a large table. Nothing is lost, but the service using the table stalls meanwhile, and it needs free disk space for a whole second copy.",
        consequence: "reads or writes to it wait until the rebuild finishes, stalling the service",
        safer: "Use `REINDEX ... CONCURRENTLY` or the `pg_repack` extension, which rebuild without the long lock, and schedule it outside peak hours.",
        instead: "SELECT pg_size_pretty(pg_total_relation_size('{target}'));",
        questions: words!["How large is the table, and how long will the lock last?", "Is there free disk space for a full copy of it?"],
        references: words!["https://www.postgresql.org/docs/current/sql-vacuum.html", "https://www.postgresql.org/docs/current/sql-reindex.html"],
        examples: examples(&["VACUUM FULL orders;", "vacuum (full, analyze) events;", "psql -c 'REINDEX TABLE orders'"]),
        counterexamples: examples(&["VACUUM ANALYZE orders;", "REINDEX TABLE CONCURRENTLY orders;"]),
    },
    Rule {
        id: "sql.reset-binary-logs",
        title: "Deletes every MySQL binary log (RESET MASTER)",
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Sql(SqlPattern {
            starts: &[words!["reset", "master"], words!["reset", "binary", "logs"]],
            lacks: words![],
            contains: words![],
        }),
        why: "The binary logs are the record of every change: replicas read them to stay in sync, and point-in-time recovery replays them on top of the last backup. After a reset, replicas break and must be rebuilt, and the database can be restored only to the last full backup.",
        consequence: "replicas break and recovery can reach back only to the last full backup",
        safer: "Leave the logs to expire on their own (`binlog_expire_logs_seconds`), or purge only logs every replica has read and that are older than the last backup.",
        instead: "mysql -e 'SHOW BINARY LOGS'",
        questions: words!["Do replicas read from this server?", "When was the last full backup, and does recovery rely on these logs?"],
        references: words!["https://dev.mysql.com/doc/refman/8.0/en/reset-master.html"],
        examples: examples(&["mysql -uroot -e 'RESET MASTER'", "mysql -e \"RESET BINARY LOGS AND GTIDS;\""]),
        counterexamples: examples(&["mysql -e 'SHOW BINARY LOGS'", "mysql -e 'RESET QUERY CACHE'"]),
    },
    Rule {
        id: "sql.purge-binary-logs",
        title: "Purges MySQL binary logs",
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Sql(SqlPattern {
            starts: &[words!["purge", "binary", "logs"], words!["purge", "master", "logs"]],
            lacks: words![],
            contains: words![],
        }),
        why: "The purged logs are gone: a replica that had not read them yet stops and must be rebuilt, and point-in-time recovery can no longer reach back past the purge point.",
        consequence: "lagging replicas stop and point-in-time recovery cannot reach past the purge",
        safer: "Check every replica's position first (`SHOW REPLICA STATUS`) and that a full backup newer than the purge point exists; otherwise let the logs expire on their own.",
        instead: "mysql -e 'SHOW REPLICA STATUS'",
        questions: words!["Have all replicas read past the purge point?", "Is there a full backup newer than it?"],
        references: words!["https://dev.mysql.com/doc/refman/8.0/en/purge-binary-logs.html"],
        examples: examples(&["mysql -e \"PURGE BINARY LOGS BEFORE NOW()\"", "mysql -u admin -e \"PURGE MASTER LOGS TO 'mysql-bin.000123'\""]),
        counterexamples: examples(&["mysql -e 'SHOW BINARY LOGS'", "mysql -e 'FLUSH BINARY LOGS'"]),
    },
    Rule {
        id: "sql.disable-row-security",
        title: "Switches off row-level security",
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::Sql(SqlPattern {
            starts: &[words!["alter", "table"], words!["drop", "policy"]],
            lacks: words!["enable", "force", "add", "create"],
            contains: words!["security", "policy"],
        }),
        why: "Row-level security is what keeps one customer or tenant from seeing another's rows in a shared table. With the policy gone or security disabled, every user of the table sees every row; it can be switched back on, but anything read meanwhile stays read.",
        consequence: "every user of it can see every tenant's rows",
        safer: "Change the policy with `ALTER POLICY` or `CREATE POLICY` for the new need, and keep row-level security enabled.",
        instead: "SELECT policyname, cmd, qual FROM pg_policies;",
        questions: words!["Which tenants or customers share this table?", "Why must the policy go, and what replaces it?"],
        references: words!["https://www.postgresql.org/docs/current/ddl-rowsecurity.html"],
        examples: examples(&["ALTER TABLE invoices DISABLE ROW LEVEL SECURITY;", "DROP POLICY tenant_isolation ON invoices;"]),
        counterexamples: examples(&["ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;", "CREATE POLICY tenant_isolation ON invoices USING (tenant_id = current_setting('app.tenant')::int);"]),
    },
    Rule {
        id: "sql.dropdb",
        title: "Deletes a PostgreSQL database (dropdb)",
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["dropdb"], check: drop_named },
        why: "`dropdb` deletes the whole database: every table, every row, every function in it. Every service using it fails at once, and only a restore from backup brings it back, losing everything written since that backup.",
        consequence: "every table in it is gone and every service using it fails",
        safer: "Dump {target} first (`pg_dump -Fc`), rename it (`ALTER DATABASE {target} RENAME TO {target}_old`) and drop it only after nothing has complained for a while.",
        instead: "pg_dump --format=custom --file={target}.dump {target}",
        questions: words!["Is there a tested backup of {target} from today?", "Which host is this (check `-h` and PGHOST)?", "What still connects to it?"],
        references: words!["https://www.postgresql.org/docs/current/app-dropdb.html"],
        examples: examples(&["dropdb app_production", "dropdb -h db.internal -U postgres --if-exists orders", "sudo -u postgres dropdb billing"]),
        counterexamples: examples(&["createdb app_test", "dropdb --help", "echo dropdb app_production"]),
    },
    Rule {
        id: "sql.dropuser",
        title: "Deletes a PostgreSQL role (dropuser)",
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["dropuser"], check: drop_named },
        why: "Everything that logs in as this role is refused from that moment, and its privileges are gone. The role can be recreated, but with a new password every client needs, and its grants rebuilt by hand.",
        consequence: "everything logging in as it is refused and its privileges are gone",
        safer: "Disable the login first (`ALTER ROLE {target} NOLOGIN`) and drop it later, once nothing has failed to connect.",
        instead: "psql -c \"ALTER ROLE {target} NOLOGIN\"",
        questions: words!["Which applications or people still log in as {target}?", "Are its grants written down somewhere?"],
        references: words!["https://www.postgresql.org/docs/current/app-dropuser.html"],
        examples: examples(&["dropuser reporting", "dropuser -h db.prod.internal -U postgres billing_service"]),
        counterexamples: examples(&["createuser reporting", "dropuser --help"]),
    },
    Rule {
        id: "sql.mysqladmin-drop",
        title: "Deletes a MySQL database (mysqladmin drop)",
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["mysqladmin"], check: mysqladmin_drop },
        why: "`mysqladmin drop` deletes the whole database with every table in it (with `-f`, without asking). Every service using it fails, and only a restore from backup brings it back.",
        consequence: "every table in it is gone and every service using it fails",
        safer: "Dump {target} first (`mysqldump --single-transaction`), and drop it only after nothing has complained for a while.",
        instead: "mysqldump --single-transaction --result-file={target}.sql {target}",
        questions: words!["Is there a tested dump of {target} from today?", "Which server is this (check `-h`)?"],
        references: words!["https://dev.mysql.com/doc/refman/8.0/en/mysqladmin.html"],
        examples: examples(&["mysqladmin -u root -p drop shop", "mysqladmin -f -h db1 drop wordpress"]),
        counterexamples: examples(&["mysqladmin -u root -p create shop", "mysqladmin status", "mysqladmin processlist"]),
    },
    Rule {
        id: "sql.pg-restore-clean",
        title: "Restores a dump over an existing database (pg_restore --clean)",
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DeleteRecreate,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["pg_restore"], check: pg_restore_clean },
        why: "`--clean` drops each table, view and function in the target database before recreating it from the dump: everything written after the dump was taken is lost, and if the dump is the wrong one, or from another environment, the live data is replaced by it.",
        consequence: "its live data is replaced by the dump; later writes are lost",
        safer: "Restore into a new, empty database, compare it with the live one, then switch the application over; keep the current database until the restore is verified.",
        instead: "pg_restore --list backup.dump",
        questions: words!["Which database is the target, and is it the one you mean?", "How old is the dump, and what was written since?", "Is there a backup of the database being overwritten?"],
        references: words!["https://www.postgresql.org/docs/current/app-pgrestore.html"],
        examples: examples(&["pg_restore --clean --if-exists -d app_production backup.dump", "pg_restore -c -d orders nightly.dump", "pg_restore -cC -d postgres full.dump"]),
        counterexamples: examples(&["pg_restore -d orders_restored nightly.dump", "pg_restore -Fc --list nightly.dump", "pg_dump -Fc -f nightly.dump orders"]),
    },
    Rule {
        id: "sql.pg-dropcluster",
        title: "Deletes a whole PostgreSQL cluster and its data directory",
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["pg_dropcluster"], check: pg_dropcluster },
        why: "`pg_dropcluster` removes the server instance with its configuration and its data directory: every database it served is deleted from disk. Only a restore from an off-machine backup brings them back.",
        consequence: "every database it serves is deleted from disk; only an off-machine backup helps",
        safer: "Stop the cluster instead (`pg_ctlcluster {target} stop`) and keep its data directory until nobody has missed it; take a `pg_basebackup` or `pg_dumpall` first.",
        instead: "pg_dump --format=custom --file=before-drop.dump postgres",
        questions: words!["Which databases does this cluster serve?", "Is there a backup of it stored on another machine?"],
        references: words!["https://manpages.debian.org/testing/postgresql-common/pg_dropcluster.1.en.html"],
        examples: examples(&["pg_dropcluster --stop 15 main", "sudo pg_dropcluster 14 main"]),
        counterexamples: examples(&["pg_createcluster 16 main", "pg_lsclusters"]),
    },
    Rule {
        id: "sql.truncate-described",
        title: "A step that empties a table",
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Prose(ProsePattern {
            verbs: words!["truncat*", "empty", "empties", "emptying"],
            objects: words!["table", "tables"],
            also: words![],
            window: 5,
            leading: false,
        }),
        why: "Truncating or emptying a table removes every row in it at once; whatever reads it sees nothing, and only a restore from backup brings the rows back, losing what was written since.",
        consequence: "every row in it is gone at once; only a backup brings them back",
        safer: "Copy {target} aside first (or take a dump), and delete only the rows meant with a WHERE clause.",
        instead: "Count the rows in the table and take a dump of it first.",
        questions: words!["Which database and environment holds this table?", "Is there a backup of it from today?"],
        references: words!["https://www.postgresql.org/docs/current/sql-truncate.html"],
        examples: examples(&["1. Truncate the events table.", "- Empty the staging orders tables before the import."]),
        counterexamples: examples(&["1. Truncate the log file to zero bytes.", "1. Do not truncate the events table.", "1. Count the rows in the events table."]),
    },
];
