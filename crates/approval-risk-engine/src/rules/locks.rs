//! Schema changes that lock a PostgreSQL or MySQL table while they work (issue 15): nothing is lost,
//! but every write (and for some, every read) of the table waits until they finish, which on a
//! big table in production is an outage. Each rule names the lock and the safer recipe that
//! PostgreSQL's documentation and migration linters (Squawk, strong_migrations) describe.

#[cfg(test)]
use super::examples;
use super::matching::Hit;
use super::{Action, Matcher, Reach, Rule};
use crate::model::{Reversibility as R, Scope as S};
use crate::span::Span;
use crate::sql::SqlWord;
use crate::words::Words;

/// Does this rule's statement take a lock that makes other queries wait (this file's rules)?
pub fn takes_table_lock(rule: &Rule) -> bool {
    RULES.iter().any(|r| std::ptr::eq(r, rule))
}

/// Does the statement set how long statements of the session wait for a lock?
pub fn sets_lock_timeout(words: &[SqlWord]) -> bool {
    words.first().is_some_and(|w| w.text == "set")
        && words.iter().skip(1).take(3).any(|w| {
            words![
                "lock_timeout",
                "lock_wait_timeout",
                "innodb_lock_wait_timeout"
            ]
            .contains(w.text.as_str())
        })
}

/// The index of the first word equal to `text` at or after `from`.
fn find(words: &[SqlWord], text: &str, from: usize) -> Option<usize> {
    words
        .iter()
        .skip(from)
        .position(|w| w.text == text)
        .map(|at| at + from)
}

/// Whether the statement starts with these words.
fn starts(words: &[SqlWord], with: &[&str]) -> bool {
    with.len() <= words.len() && with.iter().zip(words).all(|(k, w)| w.text == *k)
}

/// The table an `ALTER TABLE [IF EXISTS] [ONLY] name ...` acts on, and the index of the word
/// after its name.
fn altered_table(words: &[SqlWord]) -> Option<(&SqlWord, usize)> {
    if !starts(words, &["alter", "table"]) {
        return None;
    }
    let at = (2..words.len())
        .find(|&i| !words!["if", "exists", "only"].contains(words[i].text.as_str()))?;
    Some((&words[at], at + 1))
}

/// `CREATE [UNIQUE] INDEX` without `CONCURRENTLY`: the build holds a SHARE lock, which blocks
/// every INSERT, UPDATE and DELETE on the table until it ends. The safer step is the same
/// statement with `CONCURRENTLY`.
fn index_blocks_writes(input: &str, words: &[SqlWord], statement: Span) -> Option<Hit> {
    let index = if starts(words, &["create", "index"]) {
        1
    } else if starts(words, &["create", "unique", "index"]) {
        2
    } else {
        return None;
    };
    if words.iter().any(|w| w.text == "concurrently") {
        return None;
    }
    let on = find(words, "on", index)?;
    let table = words.get(on + 1 + usize::from(words.get(on + 1)?.text == "only"))?;
    let mut hit = Hit::pair(words[0].span.cover(words[index].span), table.span);
    hit.target(&table.raw);
    // The statement as written, with CONCURRENTLY after INDEX.
    let cut = words[index].span.end;
    if statement.start <= cut && cut <= statement.end {
        hit.set_instead(crate::words::fill2(
            "{} CONCURRENTLY{}",
            &input[statement.start..cut],
            &input[cut..statement.end],
        ));
    }
    Some(hit)
}

/// `ALTER TABLE t ALTER [COLUMN] c [SET DATA] TYPE ...`: the table is rewritten under an
/// ACCESS EXCLUSIVE lock, which blocks reads as well as writes.
fn type_rewrite(_: &str, words: &[SqlWord], _: Span) -> Option<Hit> {
    let (table, from) = altered_table(words)?;
    let alter = find(words, "alter", from)?;
    let kind = find(words, "type", alter)?;
    // `ALTER COLUMN c TYPE`, not a column called `type` added elsewhere in the statement.
    let column_at = alter + 1 + usize::from(words.get(alter + 1)?.text == "column");
    if kind > column_at + 4 {
        return None;
    }
    let mut hit = Hit::pair(
        words[0].span.cover(words[1].span),
        words[alter].span.cover(words[kind].span),
    );
    hit.target(&table.raw);
    Some(hit)
}

/// `ALTER TABLE t ALTER [COLUMN] c SET NOT NULL`: the whole table is scanned under an ACCESS
/// EXCLUSIVE lock. The safer step adds a `NOT VALID` check first, built from the statement.
fn not_null_scan(_: &str, words: &[SqlWord], _: Span) -> Option<Hit> {
    let (table, from) = altered_table(words)?;
    let alter = find(words, "alter", from)?;
    let column_at = alter + 1 + usize::from(words.get(alter + 1)?.text == "column");
    let column = words.get(column_at)?;
    let set = column_at + 1;
    if !(words.get(set)?.text == "set"
        && words.get(set + 1)?.text == "not"
        && words.get(set + 2)?.text == "null")
    {
        return None;
    }
    let mut hit = Hit::pair(
        words[0].span.cover(words[1].span),
        words[alter].span.cover(words[set + 2].span),
    );
    hit.target(&table.raw);
    hit.set_instead(format!(
        "ALTER TABLE {table} ADD CHECK ({column} IS NOT NULL) NOT VALID;",
        table = table.raw,
        column = column.raw
    ));
    Some(hit)
}

/// `ALTER TABLE t ADD [CONSTRAINT n] FOREIGN KEY | CHECK ...` without `NOT VALID`: every row is
/// checked while the table is locked (a foreign key locks the table it points at too).
fn constraint_validates(input: &str, words: &[SqlWord], statement: Span) -> Option<Hit> {
    let (table, from) = altered_table(words)?;
    let add = find(words, "add", from)?;
    let kind = words[add + 1..]
        .iter()
        .take(4)
        .position(|w| words!["foreign", "check", "references"].contains(w.text.as_str()))?
        + add
        + 1;
    // `ADD COLUMN x int CHECK (...)` on a new column has no rows to check.
    if words.get(add + 1).is_some_and(|w| w.text == "column") {
        return None;
    }
    let not_valid = words
        .windows(2)
        .any(|pair| pair[0].text == "not" && pair[1].text == "valid");
    if not_valid {
        return None;
    }
    let mut hit = Hit::pair(
        words[0].span.cover(words[1].span),
        words[add].span.cover(words[kind].span),
    );
    hit.target(&table.raw);
    // The statement as written, marked NOT VALID.
    let text = input.get(statement.start..statement.end)?;
    hit.set_instead(format!(
        "{} NOT VALID;",
        text.trim_end().trim_end_matches(';').trim_end()
    ));
    Some(hit)
}

/// `ALTER TABLE t ADD [CONSTRAINT n] UNIQUE | PRIMARY KEY (...)` without `USING INDEX`: the
/// index behind it is built while the table is locked.
fn unique_under_lock(input: &str, words: &[SqlWord], statement: Span) -> Option<Hit> {
    let (table, from) = altered_table(words)?;
    let add = find(words, "add", from)?;
    if words.get(add + 1).is_some_and(|w| w.text == "column") {
        return None;
    }
    let kind = words[add + 1..]
        .iter()
        .take(4)
        .position(|w| matches!(w.text.as_str(), "unique" | "primary"))?
        + add
        + 1;
    if words
        .windows(2)
        .any(|pair| pair[0].text == "using" && pair[1].text == "index")
    {
        return None;
    }
    let mut hit = Hit::pair(
        words[0].span.cover(words[1].span),
        words[add].span.cover(words[kind].span),
    );
    hit.target(&table.raw);
    // The key's columns as written, for the concurrent index that can back it.
    let after = input.get(words[kind].span.end..statement.end)?;
    let open = after.find('(')?;
    let close = open + after[open..].find(')')?;
    hit.set_instead(crate::words::fill2(
        "CREATE UNIQUE INDEX CONCURRENTLY ON {} {};",
        &table.raw,
        &after[open..=close],
    ));
    Some(hit)
}

/// The value given to a MySQL `ALTER TABLE` option (`ALGORITHM=COPY`, `LOCK = SHARED`).
fn option_value<'a>(words: &'a [SqlWord], name: &str) -> Option<&'a SqlWord> {
    let at = find(words, name, 0)?;
    words.get(at + 1)
}

/// MySQL's `ALTER TABLE t MODIFY|CHANGE [COLUMN] ...` (the column's definition restated, which
/// for a new type copies the table), or any `ALTER TABLE` that asks for `ALGORITHM=COPY` or a
/// `LOCK` that stops writes: while the copy runs, writes to the table wait. A statement that
/// says `ALGORITHM=INPLACE|INSTANT` with `LOCK=NONE` makes MySQL refuse instead of copying.
fn mysql_table_copy(input: &str, words: &[SqlWord], statement: Span) -> Option<Hit> {
    let (table, from) = altered_table(words)?;
    let algorithm = option_value(words, "algorithm").map(|w| w.text.as_str());
    let lock = option_value(words, "lock").map(|w| w.text.as_str());
    let online = matches!(algorithm, Some("inplace" | "instant"))
        && matches!(lock, Some("none") | None)
        || (algorithm.is_none() && lock == Some("none"));
    if online {
        return None;
    }
    let evidence = if let Some(at) = words[from..]
        .iter()
        .position(|w| matches!(w.text.as_str(), "modify" | "change"))
        .map(|at| at + from)
    {
        // `CHANGE` alone is also a column name; as a clause it opens the statement's action.
        let opens = words
            .get(at - 1)
            .is_some_and(|w| w.span == table.span || w.text == "column")
            || at == from;
        if !opens && words[at].text == "change" {
            return None;
        }
        words[at].span
    } else if algorithm == Some("copy") || matches!(lock, Some("shared" | "exclusive")) {
        let at = find(
            words,
            if algorithm == Some("copy") {
                "algorithm"
            } else {
                "lock"
            },
            from,
        )?;
        words[at].span.cover(words.get(at + 1)?.span)
    } else {
        return None;
    };
    let mut hit = Hit::pair(words[0].span.cover(words[1].span), evidence);
    hit.target(&table.raw);
    // The statement as written, asking MySQL to refuse rather than copy.
    let text = input.get(statement.start..statement.end)?;
    if algorithm.is_none() && lock.is_none() {
        hit.set_instead(format!(
            "{}, ALGORITHM=INPLACE, LOCK=NONE;",
            text.trim_end().trim_end_matches(';').trim_end()
        ));
    }
    Some(hit)
}

/// `ALTER TABLE t ADD [COLUMN] c type DEFAULT f()` where `f` gives each row its own value
/// (`gen_random_uuid()`, `random()`, `clock_timestamp()`): PostgreSQL cannot store one default
/// for the table, so it rewrites every row under an ACCESS EXCLUSIVE lock.
fn volatile_default(_: &str, words: &[SqlWord], _: Span) -> Option<Hit> {
    const VOLATILE: Words = words![
        "gen_random_uuid",
        "uuid_generate_v1",
        "uuid_generate_v4",
        "random",
        "clock_timestamp",
        "timeofday",
        "nextval",
        "uuid"
    ];
    let (table, from) = altered_table(words)?;
    let add = find(words, "add", from)?;
    let default = find(words, "default", add)?;
    let function = words.get(default + 1)?;
    if !VOLATILE.contains(&function.text.as_str()) {
        return None;
    }
    let mut hit = Hit::pair(
        words[0].span.cover(words[1].span),
        words[default].span.cover(function.span),
    );
    hit.target(&table.raw);
    Some(hit)
}

/// `ALTER TABLE t RENAME [COLUMN] a TO b`, `ALTER TABLE t RENAME TO u`, MySQL's `RENAME TABLE
/// t TO u`: instant, but code already running still uses the old name and fails until it is
/// deployed again.
fn rename_under_readers(_: &str, words: &[SqlWord], _: Span) -> Option<Hit> {
    let (table, rename) = if starts(words, &["rename", "table"]) {
        (words.get(2)?, 0)
    } else {
        let (table, from) = altered_table(words)?;
        (table, find(words, "rename", from)?)
    };
    // `RENAME CONSTRAINT` and `RENAME INDEX` change names no query reads.
    if words
        .get(rename + 1)
        .is_some_and(|w| words!["constraint", "index", "key"].contains(w.text.as_str()))
    {
        return None;
    }
    let to = find(words, "to", rename)?;
    let mut hit = Hit::at(vec![words[rename].span.cover(words[to].span)]);
    hit.target(&table.raw);
    Some(hit)
}

pub static RULES: &[Rule] = &[
    Rule {
        text: rule_text!("sql.index-blocks-writes", "Builds an index while writes wait", "Without CONCURRENTLY the build holds a SHARE lock: every insert, update and delete on the table waits until it ends.", "writes to the table wait until the index is built", "Use `CREATE INDEX CONCURRENTLY`, outside a transaction, with `lock_timeout` set; check the index is valid after.", ["How many rows does the table hold, and how long will the build take?", "What writes to it meanwhile?"], "CREATE INDEX CONCURRENTLY orders_customer_idx ON {target} (customer_id);"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::SqlFn(index_blocks_writes),
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY", "https://squawkhq.com/docs/require-concurrent-index-creation"],
        #[cfg(test)]
        examples: examples(&["CREATE INDEX orders_customer_idx ON orders (customer_id);", "create unique index users_email_key on users (lower(email));"]),
        #[cfg(test)]
        counterexamples: examples(&["CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id);", "DROP INDEX CONCURRENTLY orders_customer_idx;"]),
    },
    Rule {
        text: rule_text!("sql.type-change-rewrite", "Changes a column's type under a full lock", "Most type changes rewrite the whole table under an ACCESS EXCLUSIVE lock, which blocks reads as well as writes.", "reads and writes of the table wait until the rewrite ends", "Add a new-type column, backfill it in batches, move the code to it, then drop the old one.", ["How big is the table, and how long will the rewrite hold the lock?", "Does the code still read the old type?"], "Add a column of the new type to {target}, backfill it in batches, and move reads to it before dropping the old one."),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::SqlFn(type_rewrite),
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES", "https://squawkhq.com/docs/changing-column-type"],
        #[cfg(test)]
        examples: examples(&["ALTER TABLE orders ALTER COLUMN total TYPE numeric(12,2);", "alter table events alter column payload set data type jsonb using payload::jsonb;"]),
        #[cfg(test)]
        counterexamples: examples(&["ALTER TABLE orders ADD COLUMN type text;", "ALTER TABLE orders ALTER COLUMN total SET DEFAULT 0;"]),
    },
    Rule {
        text: rule_text!("sql.not-null-scan", "Sets NOT NULL with a locked full scan", "PostgreSQL checks every row while holding an ACCESS EXCLUSIVE lock, so reads and writes wait for the scan.", "reads and writes of the table wait for the scan", "Add `CHECK (column IS NOT NULL) NOT VALID`, validate it, then set NOT NULL: the scan is then skipped.", ["How many rows must be scanned?", "Can any row still hold NULL?"], "ALTER TABLE {target} ADD CHECK (user_id IS NOT NULL) NOT VALID;"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::SqlFn(not_null_scan),
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/sql-altertable.html", "https://squawkhq.com/docs/adding-not-nullable-field"],
        #[cfg(test)]
        examples: examples(&["ALTER TABLE orders ALTER COLUMN user_id SET NOT NULL;", "alter table users alter email set not null;"]),
        #[cfg(test)]
        counterexamples: examples(&["ALTER TABLE orders ALTER COLUMN user_id DROP NOT NULL;", "ALTER TABLE orders ADD CONSTRAINT user_id_not_null CHECK (user_id IS NOT NULL) NOT VALID;"]),
    },
    Rule {
        text: rule_text!("sql.constraint-validates-under-lock", "Adds a constraint that checks every row locked", "Without NOT VALID every row is checked while the table is locked; a foreign key locks the referenced table too.", "writes to both tables wait until every row is checked", "Add it `NOT VALID`, then `VALIDATE CONSTRAINT` in a second statement, which lets writes continue.", ["How many rows must be checked?", "What writes to these tables meanwhile?"], "ALTER TABLE {target} ADD FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::SqlFn(constraint_validates),
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-DESC-VALIDATE-CONSTRAINT", "https://squawkhq.com/docs/constraint-missing-not-valid"],
        #[cfg(test)]
        examples: examples(&["ALTER TABLE orders ADD CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES users(id);", "alter table payments add constraint positive_amount check (amount > 0);"]),
        #[cfg(test)]
        counterexamples: examples(&["ALTER TABLE orders ADD CONSTRAINT fk_user FOREIGN KEY (user_id) REFERENCES users(id) NOT VALID;", "ALTER TABLE orders VALIDATE CONSTRAINT fk_user;"]),
    },
    Rule {
        text: rule_text!("sql.unique-under-lock", "Adds a unique key under a write lock", "The unique index behind the constraint is built while the table is locked against writes.", "writes to the table wait until the index is built", "Build a unique index `CONCURRENTLY` first, then add the constraint `USING INDEX`.", ["How many rows does the table hold?", "Are there duplicates that would make it fail halfway?"], "CREATE UNIQUE INDEX CONCURRENTLY ON {target} (email);"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::SqlFn(unique_under_lock),
        #[cfg(test)]
        references: words!["https://squawkhq.com/docs/disallowed-unique-constraint"],
        #[cfg(test)]
        examples: examples(&["ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);", "alter table accounts add primary key (id);"]),
        #[cfg(test)]
        counterexamples: examples(&["ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_idx;", "ALTER TABLE users ADD COLUMN nickname text UNIQUE;"]),
    },
    Rule {
        text: rule_text!("sql.mysql-table-copy", "Copies a MySQL table while writes wait", "Changing a column's type, or asking for ALGORITHM=COPY, makes MySQL copy the table; writes wait until the copy ends.", "writes to the table wait until the copy finishes", "Add `ALGORITHM=INPLACE, LOCK=NONE` so MySQL refuses a blocking copy; run one that must copy with gh-ost or pt-online-schema-change.", ["How many rows does the table hold, and how long will the copy take?", "Is there disk space for a second copy?"], "ALTER TABLE {target} ADD COLUMN note TEXT, ALGORITHM=INPLACE, LOCK=NONE;"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::SqlFn(mysql_table_copy),
        #[cfg(test)]
        references: words!["https://dev.mysql.com/doc/refman/8.0/en/innodb-online-ddl-operations.html", "https://github.com/github/gh-ost"],
        #[cfg(test)]
        examples: examples(&["ALTER TABLE orders MODIFY COLUMN total DECIMAL(12,2) NOT NULL;", "alter table users change name full_name varchar(200);", "ALTER TABLE orders ADD COLUMN note TEXT, ALGORITHM=COPY;"]),
        #[cfg(test)]
        counterexamples: examples(&["ALTER TABLE orders ADD COLUMN note TEXT, ALGORITHM=INSTANT;", "ALTER TABLE orders MODIFY COLUMN total DECIMAL(12,2), ALGORITHM=INPLACE, LOCK=NONE;", "ALTER TABLE orders ADD COLUMN change_reason TEXT;"]),
    },
    Rule {
        text: rule_text!("sql.volatile-default-rewrite", "Adds a column whose default rewrites the table", "A default computed per row cannot be stored once, so PostgreSQL rewrites every row under an ACCESS EXCLUSIVE lock.", "reads and writes of the table wait until the rewrite ends", "Add the column without a default, set the default for new rows, then backfill old rows in batches.", ["How many rows must be rewritten?", "Must old rows get a value at once?"], "Add the column to {target} with no default, then backfill it in batches of a few thousand rows."),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::SqlFn(volatile_default),
        #[cfg(test)]
        references: words!["https://www.postgresql.org/docs/current/sql-altertable.html#SQL-ALTERTABLE-NOTES", "https://squawkhq.com/docs/adding-field-with-default"],
        #[cfg(test)]
        examples: examples(&["ALTER TABLE orders ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();", "alter table events add column seen_at timestamptz default clock_timestamp();"]),
        #[cfg(test)]
        counterexamples: examples(&["ALTER TABLE orders ADD COLUMN created_at timestamptz DEFAULT now();", "ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';"]),
    },
    Rule {
        text: rule_text!("sql.rename-breaks-readers", "Renames what running code still reads", "The rename is instant, but code already deployed still queries the old name and fails until redeployed.", "queries using the old name fail until the code changes", "Add the new column, write to both, move reads to it, then drop the old one later.", ["Does any deployed code, report or job still use the old name?", "Will the code that uses the new name ship at the same moment?"], "Add the new column to {target} and have the code write both names before any rename."),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::SqlFn(rename_under_readers),
        #[cfg(test)]
        references: words!["https://squawkhq.com/docs/renaming-column", "https://github.com/ankane/strong_migrations#renaming-a-column"],
        #[cfg(test)]
        examples: examples(&["ALTER TABLE orders RENAME COLUMN total TO amount;", "alter table users rename to accounts;", "RENAME TABLE orders TO orders_v2;"]),
        #[cfg(test)]
        counterexamples: examples(&["ALTER TABLE orders RENAME CONSTRAINT fk_user TO orders_user_fk;", "ALTER INDEX orders_idx RENAME TO orders_user_idx;"]),
    },
];
