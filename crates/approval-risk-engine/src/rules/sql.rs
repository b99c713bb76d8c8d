//! SQL: statements that destroy tables, rows, columns, roles or replication history, widen
//! access, or lock tables, and the database command-line tools that do the same.

#[cfg(test)]
use super::examples;
use super::matching::{find_flag, match_sql, operands, Hit};
use super::{Action, Matcher, ProsePattern, Reach, Rule, SqlPattern};
use crate::model::{Reversibility as R, Scope as S};
use crate::shell::Command;
use crate::span::Span;
use crate::sql::SqlWord;
use crate::words::Join;
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
        ..Hit::pair(command.program_span, name.span)
    })
}

/// `mysqladmin [options] drop NAME` (`-p` without a value prompts, so it takes none).
fn mysqladmin_drop(command: &Command) -> Option<Hit> {
    let words = operands(command, MYSQL_VALUE_FLAGS);
    let at = words
        .iter()
        .position(|w| w.value.eq_ignore_ascii_case("drop"))?;
    let mut hit = Hit::pair(command.program_span, words[at].span);
    if let Some(name) = words.get(at + 1) {
        hit.evidence.push(name.span);
        hit.target_of(Some(name));
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
    let mut hit = Hit::pair(command.program_span, clean.span);
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
    hit.set_target(dbname);
    if let Some(create) = command
        .args
        .iter()
        .find(|a| a.value == "--create" || short_cluster_has(&a.value, 'C'))
    {
        hit.evidence.push(create.span);
        hit.note("With `--create` it drops and recreates the whole database, not only the objects in the dump.");
    }
    Some(hit)
}

/// `pg_dropcluster [--stop] VERSION NAME` (Debian and Ubuntu's PostgreSQL wrapper).
/// `pg_upgrade --link` (`-k`) or `pg_upgradecluster -m link`, not a `--check` run.
fn pg_upgrade_link(command: &Command) -> Option<Hit> {
    if find_flag(command, words!["-c", "--check"]).is_some() {
        return None;
    }
    let link = find_flag(command, words!["-k", "--link"]).or_else(|| {
        let at = command
            .args
            .iter()
            .position(|a| a.value == "-m" || a.value == "--method")?;
        command.args.get(at + 1).filter(|a| a.value == "link")
    })?;
    Some(Hit::pair(command.program_span, link.span))
}

fn pg_dropcluster(command: &Command) -> Option<Hit> {
    let words = operands(command, words![]);
    let version = words.first()?;
    let mut hit = Hit::pair(command.program_span, version.span);
    match words.get(1) {
        Some(name) => {
            hit.evidence.push(name.span);
            hit.set_target(crate::words::fill2("{}/{}", &version.value, &name.value));
        }
        None => hit.target = Some(version.value.clone()),
    }
    Some(hit)
}

/// The rows a `DELETE` or `UPDATE` would touch, counted with the statement's own `WHERE`:
/// the safer first step its card suggests. `Some("")` (no example) for a join or a condition
/// too long or too commented to read in a sentence.
/// `GRANT ALL`. Over everything a database holds (`ON ALL TABLES IN SCHEMA`, `ON DATABASE`,
/// `ON SCHEMA`, MySQL's `ON *.*` or `ON db.*`) it is recoverable, not reversible: revoking takes
/// the grant back, not what the grantee wrote, deleted or copied out meanwhile.
fn grant_all(_input: &str, words: &[SqlWord], _statement: Span) -> Option<Hit> {
    const PATTERN: SqlPattern = SqlPattern {
        starts: &[words!["grant", "all"]],
        lacks: words![],
        contains: words![],
        target_after: None,
        instead_from: None,
    };
    let mut hit = match_sql(&PATTERN, words)?;
    let on = words.iter().position(|w| w.text == "on")?;
    let object = words.get(on + 1..).unwrap_or_default();
    let everything = match object.first().map(|w| w.text.as_str()) {
        Some("all" | "database" | "schema") => true,
        _ => object.iter().take(3).any(|w| w.text.ends_with('*')),
    };
    if everything {
        hit.reversibility = Some(R::Recoverable);
        hit.note(
            "It covers every table: revoking it does not undo what the grantee did meanwhile.",
        );
    }
    Some(hit)
}

/// `UPDATE ... WHERE`. One that only fills empty values (`SET display_name = ... WHERE
/// display_name IS NULL`) overwrites nothing: every value it replaces was NULL, so setting the
/// rows it changed back to NULL undoes it, and it is reversible rather than recoverable.
/// `GRANT ... TO PUBLIC` (Snowflake: `TO ROLE PUBLIC`): PUBLIC as the grantee, not a schema
/// called `public` the grant is on.
fn grant_public(_: &str, words: &[SqlWord], _: Span) -> Option<Hit> {
    if words.first()?.text != "grant" {
        return None;
    }
    let to = words.iter().rposition(|w| w.text == "to")?;
    let grantee = match words.get(to + 1)? {
        role if role.text == "role" => words.get(to + 2)?,
        other => other,
    };
    (grantee.text == "public").then(|| Hit::pair(words[0].span, grantee.span))
}

fn update_rows(input: &str, words: &[SqlWord], statement: Span) -> Option<Hit> {
    const PATTERN: SqlPattern = SqlPattern {
        starts: &[words!["update"]],
        lacks: words![],
        contains: words!["where"],
        target_after: None,
        instead_from: None,
    };
    let mut hit = match_sql(&PATTERN, words)?;
    hit.set_instead(count_matched_rows(input, words, statement));
    let text = |i: usize| words.get(i).map_or("", |w| w.text.as_str());
    let set = words.iter().position(|w| w.text == "set")?;
    let filter = words.iter().position(|w| w.text == "where")?;
    // One column set, and the condition asks that very column to be empty, with no `or`.
    let column = text(set + 1);
    // Commas are not words: the assignments are read from the text between SET and WHERE,
    // where a comma outside parentheses starts another one.
    let assignments = input
        .get(words[set].span.end..words.get(filter)?.span.start)
        .unwrap_or(",");
    let mut depth = 0i32;
    let one_column = filter > set + 1
        && !assignments.bytes().any(|b| {
            match b {
                b'(' => depth += 1,
                b')' => depth -= 1,
                _ => {}
            }
            b == b',' && depth == 0
        });
    let fills_empty = words[filter..]
        .windows(3)
        .any(|w| w[0].text == column && w[1].text == "is" && w[2].text == "null")
        && !words[filter..].iter().any(|w| w.text == "or");
    if one_column && fills_empty && !column.is_empty() {
        hit.reversibility = Some(R::Reversible);
        hit.note_with(
            "It only fills `{}` where it is empty, so no value is overwritten.",
            column,
        );
    } else if one_row_by_id(
        input
            .get(words[filter].span.end..statement.end)
            .unwrap_or(""),
    ) {
        // One row, chosen by its key: what it overwrites reaches that one record, wherever
        // the table lives.
        hit.scope = Some(S::Shared);
        hit.note("It changes one row, chosen by its `id`.");
    }
    Some(hit)
}

/// Whether a WHERE condition picks one row by its key: `id = 42`, `t.id = '...'`, `id = $1`,
/// and nothing else.
fn one_row_by_id(condition: &str) -> bool {
    let condition = condition.trim().trim_end_matches(';').trim();
    let Some((column, value)) = condition.split_once('=') else {
        return false;
    };
    let column = column.trim();
    let value = value.trim();
    let quoted = value.len() >= 2
        && value.starts_with('\'')
        && value.ends_with('\'')
        && !value[1..value.len() - 1].contains('\'');
    (column.eq_ignore_ascii_case("id") || column.to_ascii_lowercase().ends_with(".id"))
        && !column.contains(char::is_whitespace)
        && !value.is_empty()
        && (quoted || !value.contains(|c: char| c.is_whitespace() || c == '\''))
        && !value.starts_with(&['(', '<', '>', '='][..])
}

fn count_matched_rows(input: &str, words: &[SqlWord], statement: Span) -> Option<String> {
    let update = words.first()?.text == "update";
    let joined = words.iter().any(|w| w.text == "using")
        || update
            && words
                .iter()
                .any(|w| matches!(w.text.as_str(), "from" | "join"));
    let condition = words.iter().find(|w| w.text == "where")?;
    let table = if update {
        words.get(1)?
    } else {
        words.get(words.iter().position(|w| w.text == "from")? + 1)?
    };
    let tail = input
        .get(condition.span.start..statement.end)?
        .trim_end()
        .trim_end_matches(';');
    let tail = tail.split_whitespace().collect::<Vec<_>>().joined(" ");
    // `RETURNING` belongs to the change, not to the count.
    let tail = match tail.to_ascii_lowercase().find(" returning ") {
        Some(at) => tail[..at].to_string(),
        None => tail,
    };
    if joined || tail.len() > 160 || tail.contains("--") || tail.contains("/*") {
        return Some(String::new());
    }
    Some(crate::words::fill2(
        "SELECT count(*) FROM {} {};",
        &table.raw,
        &tail,
    ))
}

/// The column an `ALTER TABLE ... DROP COLUMN` drops, renamed instead so anything still reading
/// it fails loudly; `None` (the rule's template) when the column is not a plain name.
fn rename_dropped_column(_: &str, words: &[SqlWord], _: Span) -> Option<String> {
    let at = words.iter().position(|w| w.text == "drop")?;
    let mut column = at + 1;
    if words.get(column).is_some_and(|w| w.text == "column") {
        column += 1;
    }
    if words.get(column).is_some_and(|w| w.text == "if") {
        column += 2;
    }
    let column = words.get(column)?;
    let table = words.get(2)?;
    if !column.raw.chars().all(|c| c.is_alphanumeric() || c == '_') {
        return None;
    }
    Some(format!(
        "ALTER TABLE {} RENAME COLUMN {1} TO {1}_retired;",
        table.raw, column.raw
    ))
}

/// `SELECT pg_terminate_backend(pid) ...` (PostgreSQL) or `KILL [CONNECTION] id` (MySQL): the
/// session ends at once and its open transaction rolls back, so whatever job owned it fails.
/// Selecting the sessions from `pg_stat_activity` ends every one the filter matches, not one
/// chosen by its pid. `KILL QUERY` and `pg_cancel_backend` stop a statement and leave the
/// session. Sessions selected as `idle in transaction` are doing nothing and only hold locks;
/// ending them is what PostgreSQL's own `idle_in_transaction_session_timeout` does, so the step
/// is as easy to take back as that setting.
fn terminate_sessions(input: &str, words: &[SqlWord], statement: Span) -> Option<Hit> {
    let text = |i: usize| words.get(i).map_or("", |w| w.text.as_str());
    if text(0) == "kill" {
        if text(1) == "query" || words.len() < 2 {
            return None;
        }
        return Some(Hit::on(words[0].span.cover(words[words.len() - 1].span)));
    }
    let call = words.iter().position(|w| {
        w.text == "pg_terminate_backend" || w.text.ends_with(".pg_terminate_backend")
    })?;
    let mut hit = Hit::on(words[call].span);
    if let Some(view) = words.iter().find(|w| w.text.ends_with("pg_stat_activity")) {
        hit.evidence.push(view.span);
        let query = statement.slice(input).to_ascii_lowercase();
        if query.contains("'idle in transaction") && !query.contains("'active'") {
            hit.reversibility = Some(R::Reversible);
            hit.note("It ends only sessions idle in a transaction, as PostgreSQL's own timeout for idle transactions would.");
        } else {
            hit.note("It ends every session its query selects from pg_stat_activity, not one chosen by its pid.");
        }
    }
    Some(hit)
}

pub static RULES: &[Rule] = &[
    Rule {
        text: rule_text!("sql.trigger-sends-rows", "Sends each new row out of the database", "The trigger runs the function for every new row; what it sends leaves at once and cannot be recalled.", "each new row's data leaves the database as it is written", "Send only an ID to a queue your own service reads, and check where the URL points.", ["Where does the function send, and who can read it there?", "Which of the row's fields does it send?"], "SELECT prosrc FROM pg_proc WHERE proname = '{target}';"),
        reversibility: R::Irreversible,
        scope: S::Production,
        reach: Reach::Environment,
        action: Action::Publish,
        floor: None,
        // A trigger whose function, defined earlier in the plan, calls out over the network
        // (`net.http_post`, `http_post`, `dblink`): found where the trigger is created
        // (`assess::sql_hits`), since what the function does is only known from the plan.
        matcher: Matcher::Builtin,
        #[cfg(test)]
        references: words!["https://github.com/supabase/pg_net", "https://www.postgresql.org/docs/current/sql-createtrigger.html"],
        #[cfg(test)]
        examples: examples(&["```sql\ncreate function notify_order() returns trigger language plpgsql as $$ begin perform net.http_post(url := 'https://hooks.example.com/x', body := jsonb_build_object('name', new.name)); return new; end; $$;\ncreate trigger orders_notify after insert on orders for each row execute function notify_order();\n```"]),
        #[cfg(test)]
        counterexamples: examples(&["```sql\ncreate function touch_updated() returns trigger language plpgsql as $$ begin new.updated_at := now(); return new; end; $$;\ncreate trigger orders_touch before update on orders for each row execute function touch_updated();\n```", "create trigger orders_notify after insert on orders for each row execute function notify_order();"]),
    },
    Rule {
        text: rule_text!("sql.query-sends-rows", "Sends a request for every row it reads", "The query makes the network call for every row it reads; each request leaves at once and cannot be recalled.", "each row's data leaves the database as the query runs", "Try it on one row first, and send only IDs to a queue your own service reads.", ["How many rows does the query read, and where does each request go?", "Which fields of each row does it send?"], "SELECT count(*) FROM {target};"),
        reversibility: R::Irreversible,
        scope: S::Production,
        reach: Reach::Environment,
        action: Action::Publish,
        floor: None,
        matcher: Matcher::SqlFn(query_sends_rows),
        #[cfg(test)]
        references: words!["https://github.com/supabase/pg_net", "https://github.com/pramsey/pgsql-http"],
        #[cfg(test)]
        examples: examples(&[
            "insert into campaign_sends (customer_id, request_id) select c.id, net.http_post(url := 'https://api.mail.example/emails', body := jsonb_build_object('to', c.email)) from customers c where c.email_confirmed_at is not null;",
            "SELECT http_post('https://hooks.example.com/orders', row_to_json(o)::text, 'application/json') FROM orders o WHERE o.created_at > now() - interval '1 day';",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "select net.http_post(url := 'https://api.mail.example/emails', body := jsonb_build_object('to', 'team@example.com'));",
            "select net.http_post(url := 'https://hooks.example.com/x', body := (select to_jsonb(s) from stats s order by day desc limit 1));",
            "select count(*) from customers where email_confirmed_at is not null;",
        ]),
    },
    Rule {
        text: rule_text!("sql.terminate-sessions", "Ends other database sessions", "The session ends at once and its open transaction rolls back: the batch run or backup that owned it fails.", "the sessions' uncommitted work is rolled back and their jobs fail", "List the sessions and who runs them, ask their owners or wait, and end only one chosen by its pid.", ["Which jobs own the sessions this ends, and can they be run again?", "Would waiting for them, or asking their owners, do instead?"], "SELECT pid, usename, application_name, xact_start, left(query, 60) FROM pg_stat_activity WHERE xact_start IS NOT NULL ORDER BY xact_start;"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::SqlFn(terminate_sessions),
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/functions-admin.html#FUNCTIONS-ADMIN-SIGNAL", "https://dev.mysql.com/doc/refman/8.0/en/kill.html"],
        #[cfg(test)]
        examples: examples(&["SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE now() - xact_start > interval '10 minutes';", "psql -c 'select pg_terminate_backend(48211)'", "mysql -e 'KILL CONNECTION 88'"]),
        #[cfg(test)]
        counterexamples: examples(&["SELECT pid, state, xact_start FROM pg_stat_activity;", "SELECT pg_cancel_backend(48211);", "mysql -e 'KILL QUERY 1234'", "SELECT 'pg_terminate_backend' AS hint;"]),
    },
    Rule {
        text: rule_text!("sql.copy-table", "Copies a table's rows into another table", "The copy lives in the same database: it covers a mistaken delete or drop, not losing the database.", "a new table holds a copy; nothing existing changes", "Check the copy's row count matches the source before any step deletes from it.", ["Does the copy's row count match {target}?", "Which later step relies on this copy?"], "SELECT count(*) FROM {target};"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Backup,
        floor: None,
        // `CREATE TABLE orders_backup AS SELECT * FROM orders`, `INSERT INTO archive.orders
        // SELECT ... FROM orders WHERE ...`: a copy of what it reads, so a later step that
        // drops or deletes from that table has a backup in the plan. The target is the table
        // copied from.
        matcher: Matcher::Sql(&SqlPattern {
            starts: &[words!["create", "table"], words!["create", "unlogged", "table"], words!["insert", "into"]],
            lacks: words![],
            contains: words!["select"],
            target_after: Some("from"),
            instead_from: None,
        }),
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/sql-createtableas.html"],
        #[cfg(test)]
        examples: examples(&[
            "CREATE TABLE orders_backup AS SELECT * FROM orders;",
            "INSERT INTO archive.orders_2024 SELECT * FROM orders WHERE created_at < '2025-01-01';",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "CREATE TABLE orders (id bigint primary key);",
            "INSERT INTO orders (id) VALUES (1);",
            "SELECT * FROM orders;",
        ]),
    },
    Rule {
        text: rule_text!("sql.drop-table", "Drops a table, database or schema", "One statement removes rows, indexes and grants; CASCADE also drops dependent views, and only a backup restores it.", "its rows are gone and everything reading it fails", "Rename it instead, take a dump, and drop it only once nothing has broken.", ["Is there a fresh, tested backup of this table?", "Which services read or write it?", "Which database is this (check the connection string)?"], "ALTER TABLE {target} RENAME TO {target}_retired;"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Sql(&SqlPattern {
            // `CREATE OR REPLACE TABLE` drops the table it names first (Snowflake, BigQuery).
            starts: &[words!["drop", "table"], words!["drop", "database"], words!["drop", "schema"], words!["create", "or", "replace", "table"]],
            lacks: words![],
            contains: words![],
            target_after: None,
            instead_from: None,
        }),
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/sql-droptable.html"],
        #[cfg(test)]
        examples: examples(&["DROP TABLE users;", "drop table if exists orders cascade", "DROP DATABASE app_production;", "CREATE OR REPLACE TABLE sales.store_daily (store_id INT, day DATE);"]),
        #[cfg(test)]
        counterexamples: examples(&["CREATE TABLE users (id int);", "CREATE OR REPLACE VIEW sales.v_daily AS SELECT 1;", "SELECT * FROM drop_table_log;", "-- DROP TABLE users;"]),
    },
    Rule {
        text: rule_text!("sql.delete-all-rows", "Deletes every row of a table", "Without WHERE, DELETE matches every row, and client tools autocommit each statement, so nothing can roll it back.", "all its rows are gone; only a backup returns them", "Add a WHERE clause, check the count with `SELECT count(*)`, and delete inside `BEGIN` to allow rollback.", ["Was a WHERE clause meant to be here?", "Is there a recent backup of {target}?", "Which database and environment does this connect to?"], "SELECT count(*) FROM {target};"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Sql(&SqlPattern {
            starts: &[words!["delete"]],
            lacks: words!["where", "join"],
            contains: words![],
            target_after: None,
            instead_from: None,
        }),
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/sql-delete.html"],
        #[cfg(test)]
        examples: examples(&[
            "DELETE FROM users;",
            "delete from public.orders returning id",
            "psql -h db.prod.internal -c 'DELETE FROM sessions'",
            "sqlite3 app.db \"DELETE FROM events;\"",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "DELETE FROM sessions WHERE expires_at < now();",
            "SELECT * FROM users;",
            "-- DELETE FROM users;",
            "git commit -m 'DELETE FROM users without where is bad'",
        ]),
    },
    Rule {
        text: rule_text!("sql.delete-rows", "Deletes the rows a WHERE clause selects", "Foreign keys declared ON DELETE CASCADE also delete child rows elsewhere; point-in-time recovery restores whole databases, not single rows.", "the matched rows are gone; a wrong condition needs a restore", "Count the matched rows with `SELECT count(*)` first, and delete inside a transaction to allow rollback.", ["How many rows should this condition match?", "Is point-in-time recovery or a recent backup available?"], "SELECT count(*) FROM {target};"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Sql(&SqlPattern {
            starts: &[words!["delete"]],
            lacks: words![],
            contains: words!["where", "using"],
            target_after: None,
            instead_from: Some(count_matched_rows),
        }),
        // The count is built from the statement's own condition (`count_matched_rows`).
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/sql-delete.html"],
        #[cfg(test)]
        examples: examples(&["DELETE FROM sessions WHERE expires_at < now();", "delete from orders where status = 'test' returning id"]),
        #[cfg(test)]
        counterexamples: examples(&["DELETE FROM users;", "SELECT * FROM sessions WHERE expires_at < now();"]),
    },
    Rule {
        text: rule_text!("sql.merge-delete", "Deletes rows through a MERGE", "Its DELETE branch removes target rows; with NOT MATCHED BY SOURCE, that is every row the source lacks.", "the target rows its delete branch selects are gone", "Copy the target rows aside first, and bound the delete branch with the same filter as the source.", ["Which target rows does the delete branch select, and how many?", "Is there a copy of {target} from before the merge?"], "SELECT count(*) FROM {target};"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Sql(&SqlPattern {
            starts: &[words!["merge"]],
            lacks: words![],
            contains: words!["delete"],
            target_after: Some("into"),
            instead_from: None,
        }),
        #[cfg(test)]
        references: words!["https://cloud.google.com/bigquery/docs/reference/standard-sql/dml-syntax#merge_statement"],
        #[cfg(test)]
        examples: examples(&[
            "MERGE INTO mart.lines T USING staging.lines S ON T.id = S.id WHEN MATCHED THEN UPDATE SET amount = S.amount WHEN NOT MATCHED BY SOURCE THEN DELETE;",
            "MERGE customers c USING updates u ON c.id = u.id WHEN MATCHED AND u.deleted THEN DELETE;",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "MERGE INTO customers c USING updates u ON c.id = u.id WHEN MATCHED THEN UPDATE SET name = u.name WHEN NOT MATCHED THEN INSERT (id, name) VALUES (u.id, u.name);",
            "SELECT * FROM deleted_customers;",
        ]),
    },
    Rule {
        text: rule_text!("sql.update-rows", "Overwrites values in rows a WHERE clause selects", "Once committed, old values survive only in backups; recovering them means restoring a whole database and copying values back.", "the matched rows' old values are overwritten in place", "Copy the matched rows aside (`CREATE TABLE ... AS SELECT`) first, and update inside a transaction.", ["How many rows does the condition match?", "Are the current values saved before they are overwritten?"], "SELECT count(*) FROM {target};"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::SqlFn(update_rows),
        // The count is built from the statement's own condition (`count_matched_rows`).
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/sql-update.html"],
        #[cfg(test)]
        examples: examples(&["UPDATE accounts SET plan = 'pro' WHERE id = 42;", "update users set email = lower(email) where email <> lower(email)", "UPDATE profiles SET display_name = full_name WHERE display_name IS NULL;"]),
        #[cfg(test)]
        counterexamples: examples(&["UPDATE accounts SET plan = 'pro';", "SELECT * FROM accounts WHERE id = 42;"]),
    },
    Rule {
        text: rule_text!("sql.update-all-rows", "Overwrites a column in every row", "Without WHERE, UPDATE rewrites every row and client tools commit at once; restoring means merging a backup with later changes.", "every row's old value is overwritten in place", "Add a WHERE clause, and copy the column aside first (`CREATE TABLE ... AS SELECT`).", ["Was a WHERE clause meant to be here?", "Is there a copy of the column's current values?", "Which database and environment does this connect to?"], "SELECT count(*) FROM {target};"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Sql(&SqlPattern {
            starts: &[words!["update"]],
            lacks: words!["where", "join"],
            contains: words!["set"],
            target_after: None,
            instead_from: None,
        }),
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/sql-update.html"],
        #[cfg(test)]
        examples: examples(&[
            "UPDATE users SET email_verified = false;",
            "update accounts set balance = 0",
            "mysql -u root -e \"UPDATE orders SET status = 'cancelled'\" shop",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "UPDATE users SET email_verified = true WHERE id = 42;",
            "SELECT * FROM accounts;",
            "UPDATE orders o SET status = 'paid' FROM payments p WHERE p.order_id = o.id;",
        ]),
    },
    Rule {
        text: rule_text!("sql.truncate", "Empties a table", "TRUNCATE skips row-by-row deletion, so DELETE triggers never fire, and MySQL commits it even inside a transaction.", "all its rows are gone; CASCADE empties referencing tables too", "Delete only the rows meant with a WHERE clause; to empty {target}, copy it aside first.", ["Is there a backup of {target} taken today?", "Do other tables reference it (CASCADE empties them too)?", "Which database and environment does this connect to?"], "CREATE TABLE {target}_backup AS TABLE {target};"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Sql(&SqlPattern {
            starts: &[words!["truncate"]],
            lacks: words![],
            contains: words![],
            target_after: None,
            instead_from: None,
        }),
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/sql-truncate.html", "https://dev.mysql.com/doc/refman/8.0/en/truncate-table.html"],
        #[cfg(test)]
        examples: examples(&["TRUNCATE TABLE orders;", "truncate table events, audit_log cascade;", "psql -d app_prod -c \"TRUNCATE payments\""]),
        #[cfg(test)]
        counterexamples: examples(&["truncate -s 0 /var/log/app.log", "SELECT * FROM orders;", "echo 'TRUNCATE TABLE orders'"]),
    },
    Rule {
        text: rule_text!("sql.drop-column", "Drops a column or partition", "Re-adding the column gives an empty one, so values return only from a backup; a dropped partition loses every row.", "its data is gone and code reading it fails", "Stop all code using the column, copy its data aside, and drop it a release later.", ["Does any code, report or job still read this column?", "Is there a copy of its data?", "Which database and environment is this?"], "CREATE TABLE {target}_backup AS SELECT * FROM {target};"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Sql(&SqlPattern {
            starts: &[words!["alter", "table"]],
            lacks: words![
                "default", "constraint", "not", "key", "index", "expression", "identity",
                "check", "foreign", "primary", "unique",
            ],
            contains: words!["drop"],
            target_after: None,
            instead_from: Some(rename_dropped_column),
        }),
        // The statement's own column is renamed when it can be (`rename_dropped_column`).
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/sql-altertable.html"],
        #[cfg(test)]
        examples: examples(&[
            "ALTER TABLE users DROP COLUMN legacy_email;",
            "alter table if exists orders drop column discount_code, drop column notes",
            "ALTER TABLE events DROP PARTITION p2023;",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "ALTER TABLE users ADD COLUMN nickname text;",
            "ALTER TABLE users ALTER COLUMN name DROP NOT NULL;",
            "ALTER TABLE users DROP CONSTRAINT users_email_key;",
        ]),
    },
    Rule {
        text: rule_text!("sql.drop-constraint", "Removes a key or constraint", "Dropping a primary or unique key also drops its index; re-adding it fails while any bad row remains.", "the database stops refusing duplicates and orphaned rows", "Keep the constraint and fix the violating data or code; if it must go, plan re-adding it.", ["Why must the constraint go, and for how long?", "What stops bad data from getting in meanwhile?"], "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = '{target}'::regclass;"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::Sql(&SqlPattern {
            starts: &[words!["alter", "table"]],
            lacks: words!["add", "validate", "rename"],
            contains: words!["constraint", "foreign", "primary"],
            target_after: None,
            instead_from: None,
        }),
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/ddl-constraints.html"],
        #[cfg(test)]
        examples: examples(&[
            "ALTER TABLE orders DROP CONSTRAINT orders_customer_id_fkey;",
            "ALTER TABLE payments DROP PRIMARY KEY;",
            "alter table line_items drop foreign key fk_order",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0);",
            "ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_fkey;",
            "ALTER TABLE orders RENAME CONSTRAINT a TO b;",
        ]),
    },
    Rule {
        text: rule_text!("sql.drop-index", "Drops an index", "Dropping a UNIQUE index also lets duplicates in. Rebuilding a large one is slow and blocks writes unless built CONCURRENTLY.", "queries using it can slow sharply; no data is lost", "Confirm it is unused (`idx_scan`), use `DROP INDEX CONCURRENTLY`, and keep its `CREATE INDEX` statement.", ["Do any queries still use this index?", "Is it a unique index keeping duplicates out?"], "SELECT idx_scan FROM pg_stat_user_indexes WHERE indexrelname = '{target}';"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Sql(&SqlPattern {
            starts: &[words!["drop", "index", "concurrently"], words!["drop", "index"]],
            lacks: words![],
            contains: words![],
            target_after: None,
            instead_from: None,
        }),
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/sql-dropindex.html"],
        #[cfg(test)]
        examples: examples(&["DROP INDEX idx_orders_created_at;", "drop index concurrently if exists users_email_idx;"]),
        #[cfg(test)]
        counterexamples: examples(&["CREATE INDEX CONCURRENTLY idx_orders_created_at ON orders (created_at);", "REINDEX INDEX CONCURRENTLY idx_orders_created_at;", "DROP TABLE idx_backup;"]),
    },
    Rule {
        text: rule_text!("sql.drop-definition", "Drops a view, function, procedure, trigger or sequence", "Recreating it needs its definition and grants; a recreated sequence restarts numbering, so new ids collide with existing rows.", "everything using it fails, and a trigger's job silently stops", "Check what depends on {target}, save its definition (`pg_dump --schema-only`), and drop it in a revertible migration.", ["Is the definition of {target} in source control?", "What reads or calls it: reports, services, other views?", "If a trigger, what job would silently stop?"], "pg_dump --schema-only --file=schema-before-change.sql"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Sql(&SqlPattern {
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
            target_after: None,
            instead_from: None,
        }),
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/sql-dropview.html", "https://www.postgresql.org/docs/current/sql-droptrigger.html"],
        #[cfg(test)]
        examples: examples(&[
            "DROP VIEW active_customers;",
            "drop materialized view if exists daily_revenue;",
            "DROP TRIGGER audit_orders ON orders;",
            "DROP FUNCTION calculate_tax(numeric);",
        ]),
        #[cfg(test)]
        counterexamples: examples(&["CREATE OR REPLACE VIEW active_customers AS SELECT 1;", "REFRESH MATERIALIZED VIEW daily_revenue;", "DROP INDEX view_idx;"]),
    },
    Rule {
        text: rule_text!("sql.drop-type-cascade", "Drops a type, domain or extension with CASCADE", "CASCADE drops every dependent object unasked, including table columns of that type, so dropping PostGIS removes every geometry column.", "every column using it is dropped with its data", "Drop it without CASCADE; the database then refuses and lists each dependent object to handle first.", ["Which tables have columns that use {target}?", "Is there a backup of those tables?"], "DROP TYPE {target};"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Sql(&SqlPattern {
            starts: &[words!["drop", "type"], words!["drop", "domain"], words!["drop", "extension"]],
            lacks: words![],
            contains: words!["cascade"],
            target_after: None,
            instead_from: None,
        }),
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/sql-droptype.html", "https://www.postgresql.org/docs/current/sql-dropextension.html"],
        #[cfg(test)]
        examples: examples(&["DROP TYPE order_status CASCADE;", "drop extension if exists postgis cascade;"]),
        #[cfg(test)]
        counterexamples: examples(&["DROP TYPE order_status;", "CREATE EXTENSION IF NOT EXISTS pgcrypto;"]),
    },
    Rule {
        text: rule_text!("sql.drop-role", "Drops a database user or role", "Recreating a role restores none of its grants or memberships, and every client needs a new password.", "logins as it are refused and its grants are gone", "Lock its login first (`NOLOGIN`, or `ACCOUNT LOCK` in MySQL), and drop it once no logins fail.", ["Which applications or jobs still log in as {target}?", "Are its grants recorded so they can be rebuilt?"], "ALTER ROLE {target} NOLOGIN;"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Sql(&SqlPattern {
            starts: &[words!["drop", "user"], words!["drop", "role"], words!["drop", "group"]],
            lacks: words!["mapping"],
            contains: words![],
            target_after: None,
            instead_from: None,
        }),
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/sql-droprole.html", "https://dev.mysql.com/doc/refman/8.0/en/drop-user.html"],
        #[cfg(test)]
        examples: examples(&["DROP ROLE reporting;", "drop user if exists 'app'@'%';", "psql -c 'DROP USER billing_service'"]),
        #[cfg(test)]
        counterexamples: examples(&["CREATE ROLE reporting LOGIN;", "ALTER ROLE reporting NOLOGIN;", "DROP USER MAPPING FOR app SERVER remote;"]),
    },
    Rule {
        text: rule_text!("sql.grant-all", "Grants all privileges", "MySQL's `ON *.*` adds server rights like FILE and SHUTDOWN; `WITH GRANT OPTION` lets the grantee pass it all on.", "the grantee can read, change and delete everything it covers", "Grant only what the task needs (`GRANT SELECT ON ... TO ...`), and never `WITH GRANT OPTION`.", ["Which privileges does the grantee actually need?", "Who else can log in as the grantee?"], "Review which tables and privileges the role actually needs before granting anything."),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::WidenPrivilege,
        floor: None,
        matcher: Matcher::SqlFn(grant_all),
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/sql-grant.html", "https://dev.mysql.com/doc/refman/8.0/en/grant.html"],
        #[cfg(test)]
        examples: examples(&["GRANT ALL PRIVILEGES ON *.* TO 'agent'@'%' WITH GRANT OPTION;", "grant all on all tables in schema public to app_user;", "GRANT ALL ON orders TO app;"]),
        #[cfg(test)]
        counterexamples: examples(&["GRANT SELECT ON orders TO reporting;", "REVOKE ALL ON orders FROM reporting;"]),
    },
    Rule {
        text: rule_text!("sql.grant-public", "Grants access to every database user", "Every role belongs to PUBLIC, so revoking from single roles removes nothing; only revoking from PUBLIC takes it back.", "every role, now and in future, gets this access", "Grant to a named role whose members are only the intended users.", ["Which roles really need this access?", "Does the table hold personal or financial data?"], "SELECT grantee, privilege_type FROM information_schema.role_table_grants WHERE grantee = 'PUBLIC';"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::WidenPrivilege,
        floor: None,
        matcher: Matcher::SqlFn(grant_public),
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/ddl-priv.html"],
        #[cfg(test)]
        examples: examples(&["GRANT SELECT ON customers TO PUBLIC;", "grant execute on function export_all() to public;", "GRANT SELECT ON ALL TABLES IN SCHEMA REPORTING.SALES TO ROLE PUBLIC;"]),
        #[cfg(test)]
        counterexamples: examples(&["GRANT USAGE ON SCHEMA public TO app;", "GRANT SELECT ON public.customers TO analyst;"]),
    },
    Rule {
        text: rule_text!("sql.grant-superuser", "Makes a database user a superuser", "A PostgreSQL superuser can run shell commands on the host; BYPASSRLS ignores row-level policies, and CREATEROLE can grant other roles.", "it bypasses every permission and can drop any database", "Grant only what the task needs, such as the predefined `pg_read_all_data` role, and time-box it.", ["What task needs superuser that a narrower privilege cannot do?", "When will it be taken back, and who checks?"], "SELECT rolname, rolsuper FROM pg_roles WHERE rolname = '{target}';"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::WidenPrivilege,
        floor: None,
        matcher: Matcher::Sql(&SqlPattern {
            starts: &[words!["alter", "user"], words!["alter", "role"], words!["create", "user"], words!["create", "role"]],
            lacks: words![],
            contains: words!["superuser", "bypassrls", "createrole"],
            target_after: None,
            instead_from: None,
        }),
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/role-attributes.html"],
        #[cfg(test)]
        examples: examples(&["ALTER USER deploy WITH SUPERUSER;", "create role agent login superuser password 'x';"]),
        #[cfg(test)]
        counterexamples: examples(&["ALTER ROLE deploy NOSUPERUSER;", "CREATE ROLE reporting LOGIN;"]),
    },
    Rule {
        text: rule_text!("sql.password-change", "Changes a database login's password", "Open sessions keep working, but every new connection with the old password fails until each client has the new one.", "clients with the old password are refused at their next connection", "Rotate through a second login: create it, move every client to it, then retire the old one.", ["Which applications and jobs log in as {target}?", "How does each of them get the new password, and when?"], "SELECT * FROM pg_stat_activity WHERE usename = '{target}';"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Sql(&SqlPattern {
            starts: &[words!["alter", "user"], words!["alter", "role"], words!["set", "password"]],
            lacks: words![],
            contains: words!["password", "identified"],
            target_after: None,
            instead_from: None,
        }),
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/sql-alterrole.html"],
        #[cfg(test)]
        examples: examples(&["ALTER ROLE orders_app PASSWORD 'n3w-secret';", "ALTER USER 'app'@'%' IDENTIFIED BY 'n3w-secret';", "alter role api with encrypted password 'x';"]),
        #[cfg(test)]
        counterexamples: examples(&["ALTER ROLE orders_app NOLOGIN;", "ALTER ROLE orders_app CONNECTION LIMIT 10;", "CREATE ROLE reporting LOGIN PASSWORD 'x';", "ALTER USER deploy WITH SUPERUSER;"]),
    },
    Rule {
        text: rule_text!("sql.revoke", "Revokes database privileges", "Open sessions lose it at their next statement; CASCADE also removes every grant the holder passed on.", "applications using the privilege are refused from their next query", "Check which applications use the role before revoking, and have the matching `GRANT` ready.", ["Which applications or jobs use this privilege today?", "Is the GRANT that undoes this written down?"], "SELECT grantee, table_name, privilege_type FROM information_schema.role_table_grants;"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Sql(&SqlPattern {
            starts: &[words!["revoke"]],
            lacks: words![],
            contains: words![],
            target_after: None,
            instead_from: None,
        }),
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/sql-revoke.html"],
        #[cfg(test)]
        examples: examples(&["REVOKE INSERT, UPDATE ON orders FROM app_writer;", "revoke all on schema billing from reporting;"]),
        #[cfg(test)]
        counterexamples: examples(&["GRANT SELECT ON orders TO reporting;", "SELECT * FROM information_schema.role_table_grants;"]),
    },
    Rule {
        text: rule_text!("sql.drop-replication-slot", "Drops or skips a PostgreSQL replication slot", "The slot keeps write-ahead log its consumer has not read; once dropped or advanced, that log is recycled.", "its consumer loses pending changes and must be rebuilt", "Check its consumer in `pg_replication_slots` and confirm it is abandoned; if disk is filling, fix the consumer.", ["What consumes this slot (a replica, Debezium, a pipeline)?", "Is the consumer really gone, or only behind?"], "SELECT slot_name, plugin, active, restart_lsn FROM pg_replication_slots;"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Sql(&SqlPattern {
            starts: &[words!["select"]],
            lacks: words![],
            contains: words!["pg_drop_replication_slot", "pg_replication_slot_advance"],
            target_after: None,
            instead_from: None,
        }),
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/functions-admin.html#FUNCTIONS-REPLICATION"],
        #[cfg(test)]
        examples: examples(&["SELECT pg_drop_replication_slot('debezium_orders');", "select pg_drop_replication_slot(slot_name) from pg_replication_slots where not active;"]),
        #[cfg(test)]
        counterexamples: examples(&["SELECT * FROM pg_replication_slots;", "SELECT pg_create_logical_replication_slot('cdc', 'pgoutput');"]),
    },
    Rule {
        text: rule_text!("sql.drop-owned", "Drops everything a role owns", "Usually run before dropping a user; if migrations ran as that role, it owns the application's real tables.", "every table and view it owns is dropped, rows included", "Hand its objects to another role first (`REASSIGN OWNED`), so `DROP OWNED` removes only privileges.", ["Which tables does {target} own, and does anyone need them?", "Was `REASSIGN OWNED` run first?"], "SELECT tablename FROM pg_tables WHERE tableowner = '{target}';"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Sql(&SqlPattern {
            starts: &[words!["drop", "owned"]],
            lacks: words![],
            contains: words![],
            target_after: None,
            instead_from: None,
        }),
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/sql-drop-owned.html"],
        #[cfg(test)]
        examples: examples(&["DROP OWNED BY legacy_app;", "drop owned by etl_user cascade;"]),
        #[cfg(test)]
        counterexamples: examples(&["REASSIGN OWNED BY legacy_app TO app_owner;", "SELECT * FROM pg_tables WHERE tableowner = 'legacy_app';"]),
    },
    Rule {
        text: rule_text!("sql.table-rewrite-lock", "Rewrites a table under an exclusive lock", "VACUUM FULL and CLUSTER block even reads while writing a full copy, which needs equal free disk; REINDEX blocks writes.", "queries on it wait until the rebuild finishes", "Use `REINDEX ... CONCURRENTLY` or `pg_repack` to avoid the long lock, and run it off-peak.", ["How long will the table stay locked?", "Is there disk space for a full copy?"], "SELECT pg_size_pretty(pg_total_relation_size('{target}'));"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Sql(&SqlPattern {
            starts: &[words!["vacuum", "full"], words!["cluster"], words!["reindex"]],
            lacks: words!["concurrently"],
            contains: words![],
            target_after: None,
            instead_from: None,
        }),
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/sql-vacuum.html", "https://www.postgresql.org/docs/current/sql-reindex.html"],
        #[cfg(test)]
        examples: examples(&["VACUUM FULL orders;", "vacuum (full, analyze) events;", "psql -c 'REINDEX TABLE orders'"]),
        #[cfg(test)]
        counterexamples: examples(&["VACUUM ANALYZE orders;", "REINDEX TABLE CONCURRENTLY orders;"]),
    },
    Rule {
        text: rule_text!("sql.reset-binary-logs", "Deletes every MySQL binary log", "Replicas and point-in-time recovery replay binary logs; RESET MASTER deletes every one, restarts numbering and clears GTID history.", "replicas break; recovery reaches only the last full backup", "Let logs expire via `binlog_expire_logs_seconds`, or `PURGE BINARY LOGS` only those replicas have read and backups cover.", ["Do replicas read from this server?", "When was the last full backup?"], "mysql -e 'SHOW BINARY LOGS'"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Sql(&SqlPattern {
            starts: &[words!["reset", "master"], words!["reset", "binary", "logs"]],
            lacks: words![],
            contains: words![],
            target_after: None,
            instead_from: None,
        }),
        #[cfg(test)]
        references: words!["https://dev.mysql.com/doc/refman/8.0/en/reset-master.html"],
        #[cfg(test)]
        examples: examples(&["mysql -uroot -e 'RESET MASTER'", "mysql -e \"RESET BINARY LOGS AND GTIDS;\""]),
        #[cfg(test)]
        counterexamples: examples(&["mysql -e 'SHOW BINARY LOGS'", "mysql -e 'RESET QUERY CACHE'"]),
    },
    Rule {
        text: rule_text!("sql.purge-binary-logs", "Purges MySQL binary logs", "MySQL spares only logs a connected replica is reading right now; a disconnected or restarting replica gets no protection.", "lagging replicas stop and recovery cannot reach past the purge", "Check each replica has read past the purge point (`SHOW REPLICA STATUS`); otherwise let logs expire.", ["Have all replicas read past the purge point?", "Is there a full backup newer than it?"], "mysql -e 'SHOW REPLICA STATUS'"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Sql(&SqlPattern {
            starts: &[words!["purge", "binary", "logs"], words!["purge", "master", "logs"]],
            lacks: words![],
            contains: words![],
            target_after: None,
            instead_from: None,
        }),
        #[cfg(test)]
        references: words!["https://dev.mysql.com/doc/refman/8.0/en/purge-binary-logs.html"],
        #[cfg(test)]
        examples: examples(&["mysql -e \"PURGE BINARY LOGS BEFORE NOW()\"", "mysql -u admin -e \"PURGE MASTER LOGS TO 'mysql-bin.000123'\""]),
        #[cfg(test)]
        counterexamples: examples(&["mysql -e 'SHOW BINARY LOGS'", "mysql -e 'FLUSH BINARY LOGS'"]),
    },
    Rule {
        text: rule_text!("sql.disable-row-security", "Switches off row-level security", "Application queries rely on the policy as their only tenant filter; re-enabling it cannot recall rows already read.", "every user of it can see every tenant's rows", "Keep row-level security on, and adjust access with `ALTER POLICY` or `CREATE POLICY`.", ["Which tenants or customers share this table?", "Why must the policy go, and what replaces it?"], "SELECT policyname, cmd, qual FROM pg_policies;"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::Sql(&SqlPattern {
            starts: &[words!["alter", "table"], words!["drop", "policy"]],
            lacks: words!["enable", "force", "add", "create"],
            contains: words!["security", "policy"],
            target_after: None,
            instead_from: None,
        }),
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/ddl-rowsecurity.html"],
        #[cfg(test)]
        examples: examples(&["ALTER TABLE invoices DISABLE ROW LEVEL SECURITY;", "DROP POLICY tenant_isolation ON invoices;"]),
        #[cfg(test)]
        counterexamples: examples(&["ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;", "CREATE POLICY tenant_isolation ON invoices USING (tenant_id = current_setting('app.tenant')::int);"]),
    },
    Rule {
        text: rule_text!("sql.dropdb", "Deletes a PostgreSQL database", "`dropdb` runs `DROP DATABASE`, which no transaction can wrap, so only a backup returns it, minus later writes.", "its tables are gone and every service using it fails", "Rename it instead and take a `pg_dump -Fc`; drop it later. Use `ALTER DATABASE {target} RENAME TO {target}_old`.", ["Is there a tested backup of {target} from today?", "Which host is this (check `-h` and PGHOST)?", "What still connects to it?"], "pg_dump --format=custom --file={target}.dump {target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["dropdb"], check: drop_named },
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/app-dropdb.html"],
        #[cfg(test)]
        examples: examples(&["dropdb app_production", "dropdb -h db.internal -U postgres --if-exists orders", "sudo -u postgres dropdb billing"]),
        #[cfg(test)]
        counterexamples: examples(&["createdb app_test", "dropdb --help", "echo dropdb app_production"]),
    },
    Rule {
        text: rule_text!("sql.dropuser", "Deletes a PostgreSQL role", "A recreated role is a new role: grants and memberships must be rebuilt by hand, and passwords reissued.", "logins as it are refused and its privileges are gone", "Disable its login first (`NOLOGIN`), and drop the role once nothing fails to connect.", ["Which applications or people still log in as {target}?", "Are its grants written down somewhere?"], "psql -c \"ALTER ROLE {target} NOLOGIN\""),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["dropuser"], check: drop_named },
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/app-dropuser.html"],
        #[cfg(test)]
        examples: examples(&["dropuser reporting", "dropuser -h db.prod.internal -U postgres billing_service"]),
        #[cfg(test)]
        counterexamples: examples(&["createuser reporting", "dropuser --help"]),
    },
    Rule {
        text: rule_text!("sql.mysqladmin-drop", "Deletes a MySQL database", "`mysqladmin drop` asks once, and `-f` skips even that; `DROP DATABASE` commits implicitly, so only a backup returns it.", "its tables are gone and every service using it fails", "Drop it only once nothing uses it, and after a `mysqldump --single-transaction` of {target}.", ["Is there a tested dump of {target} from today?", "Which host is this (check `-h`)?"], "mysqldump --single-transaction --result-file={target}.sql {target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["mysqladmin"], check: mysqladmin_drop },
        #[cfg(test)]
        references: words!["https://dev.mysql.com/doc/refman/8.0/en/mysqladmin.html"],
        #[cfg(test)]
        examples: examples(&["mysqladmin -u root -p drop shop", "mysqladmin -f -h db1 drop wordpress"]),
        #[cfg(test)]
        counterexamples: examples(&["mysqladmin -u root -p create shop", "mysqladmin status", "mysqladmin processlist"]),
    },
    Rule {
        text: rule_text!("sql.pg-restore-clean", "Restores a dump over an existing database", "`--clean` drops each dumped object before recreating it; without `--single-transaction`, an error midway leaves the database half-restored.", "its live data is replaced and later writes are lost", "Target a new, empty database (`createdb`), compare it with the live one, then switch over.", ["Which database is the target, and is it right?", "How old is the file, and what was written since?", "Is there a backup of the database it overwrites?"], "pg_restore --list backup.dump"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DeleteRecreate,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["pg_restore"], check: pg_restore_clean },
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/app-pgrestore.html"],
        #[cfg(test)]
        examples: examples(&["pg_restore --clean --if-exists -d app_production backup.dump", "pg_restore -c -d orders nightly.dump", "pg_restore -cC -d postgres full.dump"]),
        #[cfg(test)]
        counterexamples: examples(&["pg_restore -d orders_restored nightly.dump", "pg_restore -Fc --list nightly.dump", "pg_dump -Fc -f nightly.dump orders"]),
    },
    Rule {
        text: rule_text!("sql.pg-upgrade-link", "Upgrades PostgreSQL in place with hard links", "With `--link` the new cluster takes over the old one's files; once it starts, the old cluster cannot start again.", "going back to the old version means restoring a backup", "Upgrade a copy first, or run without `--link` (it copies) if the disk has room; keep a tested backup.", ["Is there a tested backup from just before the upgrade?", "How long would restoring it take?"], "pg_upgrade --check"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["pg_upgrade", "pg_upgradecluster"], check: pg_upgrade_link },
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/pgupgrade.html"],
        #[cfg(test)]
        examples: examples(&["sudo -u postgres pg_upgrade --link -b /usr/lib/postgresql/13/bin -B /usr/lib/postgresql/16/bin -d /var/lib/postgresql/13/main -D /var/lib/postgresql/16/main", "pg_upgradecluster -m link 13 main"]),
        #[cfg(test)]
        counterexamples: examples(&["pg_upgrade --check --link -b /old/bin -B /new/bin -d /old -D /new", "pg_upgrade -b /old/bin -B /new/bin -d /old -D /new"]),
    },
    Rule {
        text: rule_text!("sql.pg-dropcluster", "Deletes a whole PostgreSQL cluster", "`pg_dropcluster` deletes data directory, configuration and logs with no prompt; `--stop` shuts a running cluster down first.", "every database it serves is deleted; only off-machine backups help", "Stop the cluster instead and keep its data directory until nobody misses it. Use `pg_ctlcluster {target} stop`.", ["What databases does this cluster serve?", "Is there a backup of it on another machine?"], "pg_dump --format=custom --file=before-drop.dump postgres"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["pg_dropcluster"], check: pg_dropcluster },
        #[cfg(test)]
        references: words!["https://manpages.debian.org/testing/postgresql-common/pg_dropcluster.1.en.html"],
        #[cfg(test)]
        examples: examples(&["pg_dropcluster --stop 15 main", "sudo pg_dropcluster 14 main"]),
        #[cfg(test)]
        counterexamples: examples(&["pg_createcluster 16 main", "pg_lsclusters"]),
    },
    Rule {
        text: rule_text!("sql.truncate-described", "A step that empties a table", "Client tools commit TRUNCATE or DELETE at once, and TRUNCATE skips DELETE triggers, so trigger-based audit logs miss it.", "all its rows are gone; only a backup returns them", "Delete only the rows meant with a WHERE clause; to empty {target}, copy it aside first.", ["Which database and environment holds this table?", "Is there a backup of it from today?"], "Count the rows in the table and take a dump of it first."),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Prose(&ProsePattern {
            verbs: words!["truncat*", "empty", "empties", "emptying"],
            objects: words!["table", "tables"],
            also: words![],
            window: 5,
            leading: false,
            unless: words![],
        }),
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/sql-truncate.html"],
        #[cfg(test)]
        examples: examples(&["1. Truncate the events table.", "- Empty the staging orders tables before the import."]),
        #[cfg(test)]
        counterexamples: examples(&["1. Truncate the log file to zero bytes.", "1. Do not truncate the events table.", "1. Count the rows in the events table."]),
    },
];

/// Calls a database function makes over the network: pg_net's, the `http` extension's, dblink.
pub(crate) const SENDS_OUT: Words = words![
    "net.http_",
    "http_post",
    "http_get",
    "http_put",
    "http_request",
    "dblink"
];

/// A query that calls out over the network in what it selects and reads rows from a table at
/// its own level (`insert into sends select ..., net.http_post(...) from customers`): the call
/// runs once for every row. A call alone, or one whose only `FROM` is inside its own
/// arguments, runs once.
fn query_sends_rows(input: &str, words: &[SqlWord], statement: Span) -> Option<Hit> {
    if !matches!(words.first()?.text.as_str(), "select" | "insert" | "with") {
        return None;
    }
    let call = words
        .iter()
        .position(|w| SENDS_OUT.iter().any(|out| w.text.contains(out)))?;
    let at = call
        + words[call..].iter().position(|w| {
            w.text == "from"
                && input
                    .get(statement.start..w.span.start)
                    .is_some_and(|before| crate::words::brackets(before) == 0)
        })?;
    let mut hit = Hit::on(words[call].span);
    hit.target(&words.get(at + 1)?.raw);
    Some(hit)
}
