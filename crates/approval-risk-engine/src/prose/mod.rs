//! Words of a step written in prose: lower-cased tokens with exact spans and clause breaks,
//! and the term matching that prose rules use (stems, phrases, negation).

use crate::span::Span;
use crate::words::Words;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Lower-cased, with hyphens kept (`re-create`, `us-east-1`).
    pub text: String,
    pub span: Span,
    /// Index of the clause the token is in; clauses break at `.`, `,`, `;`, `!`, `?`, and
    /// at the words "then", "and then", "but".
    pub clause: usize,
    /// The word is inside inline `code` or inside parentheses: a name, or an aside (a
    /// purpose, an example, a note). It can be what a step acts on, never what it does.
    pub data: bool,
    /// Inline code shaped like a name in a program (`Service.Refund`, `deleteUser`,
    /// `SessionStore.revokeAll(userId)`, `Type::new`, `write_csv()`): what the step acts on is
    /// source code. A bare `snake_case` word is not one of these: it may as well be a column.
    pub code_name: bool,
    /// A heading before a colon that opens the step, followed by what is done ("Cleanup: drop
    /// the unused field", "Smoke test: curl ..."): it names the task, and the words after the
    /// colon say what the step does.
    pub label: bool,
    /// A capitalised word right after a comma, as names are listed ("under Finance Ops,
    /// Refunds, 2027-05"; "statuses Open, Delete, Archived"): a name, not the verb of a new
    /// clause, which is written in lower case.
    pub listed: bool,
    /// The word comes right after a colon ("don't wait for Sam: send the email"): what a
    /// negation before the colon says does not reach it.
    pub after_colon: bool,
    /// The word is in a bullet that describes code the step writes (see
    /// `mark_code_descriptions`): such a step writes code even where no verb says so.
    pub describes_code: bool,
    /// The word's first byte and its second letter (`second_letter`), kept so that matching a
    /// step against each of the catalogue's word lists reads them from the token itself rather
    /// than from its text, somewhere else in memory, once per list.
    first: u8,
    second: u8,
    /// The word has a hyphen, which matching skips (`re-create` is `recreate`): known once
    /// per word rather than searched for per term.
    hyphen: bool,
}

/// Splits `span` of `input` into word tokens, skipping the spans in `skip` (inline code, which
/// is read as code instead).
pub fn tokens(input: &str, span: Span, skip: &[Span]) -> Vec<Token> {
    let text = span.slice(input);
    let mut out = Vec::new();
    let mut clause = 0;
    let mut start: Option<usize> = None;
    // Inside inline code, and how deep inside parentheses, at each word.
    let mut in_code = false;
    let mut depth: usize = 0;
    let flush = |start: &mut Option<usize>,
                 end: usize,
                 clause: usize,
                 (data, code): (bool, bool),
                 out: &mut Vec<Token>| {
        if let Some(mut s) = start.take() {
            // Markdown's emphasis is not part of the word: `**Delete the table.**` deletes.
            // A `*` that opens a glob (`*.log`) or closes a path's (`/tmp/*`) is kept.
            let emphasis = |b: &u8| matches!(b, b'*' | b'_');
            if !code {
                let lead = text.as_bytes()[s..end]
                    .iter()
                    .take_while(|b| emphasis(b))
                    .count();
                if lead > 0
                    && text
                        .as_bytes()
                        .get(s + lead)
                        .is_some_and(u8::is_ascii_alphanumeric)
                {
                    s += lead;
                }
            }
            let word = &text[s..end];
            // A byte loop: every word passes here, and a set-of-chars pattern's searcher costs
            // more than the test.
            let bytes = word.as_bytes();
            let mut kept = bytes.len();
            while let Some(last) = kept.checked_sub(1).and_then(|at| bytes.get(at)) {
                let closes_emphasis = !code
                    && emphasis(last)
                    && !bytes.contains(&b'/')
                    && kept >= 2
                    && (bytes[kept - 2].is_ascii_alphanumeric()
                        || bytes[kept - 2] == b'.'
                        || emphasis(&bytes[kept - 2]));
                if matches!(last, b'.' | b'-' | b'\'' | b'/' | b':') || closes_emphasis {
                    kept -= 1;
                } else {
                    break;
                }
            }
            let trimmed = word.get(..kept).unwrap_or(word);
            if trimmed.is_empty() {
                return;
            }
            let abs = Span::new(span.start + s, span.start + s + trimmed.len());
            if skip.iter().any(|k| k.contains(abs)) {
                return;
            }
            let before = text.get(..s).unwrap_or_default().trim_end();
            let listed =
                trimmed.starts_with(|c: char| c.is_ascii_uppercase()) && before.ends_with(',');
            let after_colon = before.ends_with(':');
            // Terms are ASCII English, so ASCII case folding is all matching needs, and it
            // keeps every byte where it was; letters from other alphabets that imitate Latin
            // ones are folded earlier, in the derived text (see `unicode`).
            let text = if trimmed.is_ascii() {
                trimmed.to_ascii_lowercase()
            } else {
                crate::words::replace_char(&trimmed.to_ascii_lowercase(), '’', "'")
            };
            out.push(Token {
                first: text.bytes().next().unwrap_or(0),
                second: second_letter(&text),
                hyphen: text.as_bytes().contains(&b'-'),
                text,
                span: abs,
                clause,
                data,
                code_name: code && is_code_name(trimmed),
                label: false,
                listed,
                after_colon,
                describes_code: false,
            });
        }
    };
    let mut previous_script = Script::Other;
    for (i, ch) in text.char_indices() {
        // Japanese and Chinese are written without spaces; a change of script (kanji,
        // hiragana, katakana) is where one word ends and the next begins, near enough for
        // "本番データベースを削除する" to read as 本番 / データベース / を / 削除 / する.
        let script = Script::of(ch);
        if start.is_some()
            && script != previous_script
            && (script.is_cjk() || previous_script.is_cjk())
        {
            flush(
                &mut start,
                i,
                clause,
                (in_code || depth > 0, in_code),
                &mut out,
            );
        }
        previous_script = script;
        let inner = matches!(
            ch,
            '-' | '_' | '.' | '/' | '\'' | '’' | ':' | '@' | '*' | '$' | '{' | '}' | '=' | '~'
        );
        // A channel (`#ops-status`) keeps its `#`; an issue number (`#2381`) does not.
        let channel = ch == '#' && text[i + 1..].starts_with(|c: char| c.is_ascii_alphabetic());
        // A comma between digits groups thousands ("40,000 customers"): part of the number,
        // not the end of a clause.
        let grouping = ch == ','
            && text[..i].ends_with(|c: char| c.is_ascii_digit())
            && crate::words::starts_with_digit(&text[i + 1..]);
        if ch.is_alphanumeric()
            || ((inner || grouping) && start.is_some())
            || (start.is_none() && (channel || matches!(ch, '$' | '/' | '~' | '*' | '.' | '_')))
        {
            if start.is_none() {
                start = Some(i);
            }
            continue;
        }
        flush(
            &mut start,
            i,
            clause,
            (in_code || depth > 0, in_code),
            &mut out,
        );
        match ch {
            '`' => in_code = !in_code,
            '(' if !in_code => depth += 1,
            ')' if !in_code => depth = depth.saturating_sub(1),
            // A paragraph break ends any parenthesis left open.
            '\n' if text[i + 1..].starts_with('\n') => depth = 0,
            _ => {}
        }
        // A line break inside a step is usually a wrapped line, not the end of a thought; a
        // line that starts a bullet of its own ("  - Drop the column") is a new one.
        // Punctuation inside inline code (`render(invoice, stream)`) is the code's own.
        // A parenthesis is an aside inside its clause: its words are data, and the clause
        // goes on after it ("Add the subnet (`10.40.96.0/20`) to `network.tf`").
        if (!in_code
            && matches!(
                ch,
                '.' | ',' | ';' | '!' | '?' | '。' | '、' | '，' | '；' | '！' | '？'
            ))
            || (ch == '\n' && starts_bullet(&text[i + 1..]))
        {
            clause += 1;
        }
    }
    flush(
        &mut start,
        text.len(),
        clause,
        (in_code || depth > 0, in_code),
        &mut out,
    );
    // `.` inside a token ends a sentence when it closes the token (handled by trim above);
    // "then" starts a new clause too.
    let mut bump = 0;
    for token in &mut out {
        if token.text == "then" || token.text == "afterwards" {
            bump += 1;
        }
        token.clause += bump;
    }
    read_idioms(&mut out);
    mark_purposes(text, span.start, &mut out);
    mark_redactions(&mut out);
    mark_label(text, span.start, &mut out);
    mark_message_text(&mut out);
    mark_interface_names(&mut out);
    mark_code_descriptions(text, span.start, &mut out);
    out
}

/// A bullet under a step that describes a piece of code: what a file will hold
/// ("`accounts/anonymise.py`: `scrub_text()` replaces ...") or what a part of a program does
/// ("A `post_save` handler on `DeletionRequest` deletes the member's sessions", "Management
/// command `purge_accounts` wraps the same code"). Its verbs say what the code will do once it
/// runs, not what this step does; the step writes code, and its heading ("Kill sessions on
/// request", "Purge job") names the feature. A bullet that tells the reader to run or stop
/// that part ("Run the `purge` task", "Disable the handler") is an act and stays one.
fn mark_code_descriptions(text: &str, base: usize, tokens: &mut [Token]) {
    // Parts of a program that are written, not run by hand.
    const PARTS: Words = words![
        "handler",
        "function",
        "method",
        "view",
        "endpoint",
        "callback",
        "hook",
        "listener",
        "serializer",
        "middleware",
        "class",
        "module",
        "component",
        "helper",
    ];
    // Parts that also run by hand, named as code only with their name in code after them
    // ("Celery beat task `purge_due_accounts`"): "the command deletes every row" may be what
    // the step's own command does.
    const RUNNABLE: Words = words!["task", "job", "command", "worker", "consumer", "trigger"];
    const OPERATING: Words = words![
        "run", "trigger", "execute", "invoke", "call", "kill", "stop", "start", "disable",
        "enable", "restart",
    ];
    let (mut from, mut heading): (Option<usize>, usize) = (None, 0);
    for at in 1..=tokens.len() {
        // A bullet opens where only a line break and a bullet's mark ("  - [ ] `") come
        // before a word. The step's own first line is its heading, never a description. Only
        // the bytes since the word before are read: going back to the line's start from every
        // word would cost a long line its length once per word.
        let opens = tokens.get(at).is_none_or(|t| {
            let gap = &text.as_bytes()[tokens[at - 1].span.end - base..t.span.start - base];
            let Some(newline) = gap.iter().rposition(|&b| b == b'\n') else {
                return false;
            };
            let line = gap[newline + 1..].trim_ascii_start();
            line.len() >= 2
                && b"-*+".contains(&line[0])
                && line[1] == b' '
                && line.iter().all(|b| b" -*+[]x`_\"".contains(b))
        });
        if !opens {
            continue;
        }
        let Some(i) = from.replace(at) else {
            heading = at;
            continue;
        };
        let opening = &tokens[i..at.min(i + 5)];
        let clause = tokens[i].clause;
        // "`accounts/models.py`: ..." or "`DeleteAccountView` at `/settings/delete/`: ...":
        // the colon comes right after the name, or after "at" and a path.
        let named = if opening.get(1).is_some_and(|t| t.text == "at") {
            2
        } else {
            0
        };
        let file_or_code = tokens[i].data
            && (tokens[i].code_name || tokens[i].text.bytes().any(|b| b == b'/' || b == b'.'))
            && opening.get(named + 1).is_some_and(|next| {
                text[opening[named].span.end - base..next.span.start - base].contains(':')
            });
        let subject = opening.iter().enumerate().position(|(k, t)| {
            t.clause == clause
                && !t.data
                && (PARTS.contains(t.text.as_str())
                    || (RUNNABLE.contains(t.text.as_str())
                        && opening
                            .get(k + 1)
                            .is_some_and(|n| n.data && n.clause == clause)))
        });
        let described = subject.is_some_and(|k| {
            let lead = &opening[..k];
            !OPERATING.contains(tokens[i].text.as_str())
                && find_all(lead, DELETE_VERBS).is_empty()
                && find_all(lead, CHANGE_VERBS).is_empty()
        });
        if file_or_code || described {
            // The task's heading ("Kill sessions and revoke tokens on request", "Purge job")
            // names the feature those bullets describe.
            for token in &mut tokens[..heading] {
                token.data = true;
            }
            for token in &mut tokens[i..at] {
                token.data = true;
                token.describes_code = true;
            }
        }
    }
}

/// A verb that opens a clause and names, with the words after it, a part of an interface
/// being built ("Delete account dialog", "Purge button for the upload queue", "Wipe
/// animation", "Kill switch"): the name of what the step makes, not an act.
fn mark_interface_names(tokens: &mut [Token]) {
    const PARTS: Words = words![
        "button",
        "buttons",
        "dialog",
        "dialogs",
        "modal",
        "modals",
        "animation",
        "animations",
        "tooltip",
        "toast",
        "icon",
        "icons",
        "menu",
        "checkbox",
        "toggle",
        "switch",
        "widget",
        "component",
        "components",
        "screen",
        "form",
        "wizard",
        "confirmation",
        "story",
        "stories",
        "flow",
    ];
    const RUNNERS: Words = words![
        "job", "jobs", "script", "scripts", "task", "worker", "cron", "policy", "routine",
        "service",
    ];
    for i in 0..tokens.len() {
        let clause = tokens[i].clause;
        // "Nightly cleanup job", "the cleanup script": `cleanup` in one word is the noun, and
        // before the name of a thing that runs it names that thing, wherever it stands.
        if matches!(tokens[i].text.as_str(), "cleanup" | "clean-up")
            && tokens
                .get(i + 1)
                .is_some_and(|t| t.clause == clause && RUNNERS.contains(t.text.as_str()))
        {
            tokens[i].data = true;
            continue;
        }
        // First in its clause, after a heading, an item's number ("4. Delete account dialog")
        // or a joining word ("Wipe animation and purge button").
        if i > 0
            && tokens[i - 1].clause == clause
            && !tokens[i - 1].label
            && !is_count(&tokens[i - 1].text)
            && !matches!(tokens[i - 1].text.as_str(), "and" | "or" | "plus")
        {
            continue;
        }
        let names_a_part = tokens[i + 1..]
            .iter()
            .take(3)
            .take_while(|t| t.clause == clause && !t.data)
            .take_while(|t| {
                !words![
                    "the", "a", "an", "all", "every", "this", "that", "from", "in", "on", "of",
                    "to"
                ]
                .contains(t.text.as_str())
            })
            .any(|t| PARTS.contains(t.text.as_str()));
        if names_a_part {
            tokens[i].data = true;
        }
    }
}

/// A step that opens by replying, posting or emailing, and gives the message after a colon
/// ("Reply to Jonas: his account and exports are erased"): the words after the colon are what
/// the message says, not what the step does. A later "then" opens an act of its own again.
fn mark_message_text(tokens: &mut [Token]) {
    const MESSAGING: Words =
        words!["reply", "email", "e-mail", "post", "message", "notify", "announce", "dm",];
    // A heading that opens with the verb and says more ("Post in #ops:", "Reply to Jonas:")
    // introduces the message; a one-word heading ("Email:") only names the task, and the
    // words after it are the step.
    let opening = tokens.iter().position(|t| !t.data);
    let heading = opening
        .filter(|&i| tokens[i].label)
        .map_or(0, |i| tokens[i..].iter().take_while(|t| t.label).count());
    let first = match opening {
        Some(i) if heading > 1 => i,
        _ => match tokens.iter().position(|t| !t.data && !t.label) {
            Some(i) => i,
            None => return,
        },
    };
    if !MESSAGING.contains(tokens[first].text.as_str()) {
        return;
    }
    let Some(colon) = tokens[first + 1..].iter().position(|t| t.after_colon) else {
        return;
    };
    for token in &mut tokens[first + 1 + colon..] {
        if words!["then", "afterwards"].contains(token.text.as_str()) {
            break;
        }
        token.data = true;
    }
}

/// Taking people's identifiers out of a document or a copy ("remove the name and address from
/// the report", "anonymise the results by removing personally identifiable information")
/// redacts what is shared; it destroys nothing a store holds. The verb is read as data, and
/// what is done with the document (sending, sharing) is judged on its own. Taking the same
/// words out of a store ("delete the emails from the CRM") stays a deletion.
fn mark_redactions(tokens: &mut [Token]) {
    const TAKING_OUT: Words = words!["remov*", "strip*", "delet*", "eras*", "scrub*", "omit*"];
    const IDENTIFIERS: Words = words![
        "pii",
        "phi",
        "personally identifiable",
        "personal information",
        "personal details",
        "personal data",
        "identifying",
        "identifiers",
        "name",
        "names",
        "address",
        "addresses",
        "email addresses",
        "phone numbers",
        "phone number",
        "ssn",
        "ssns",
        "social security",
        "date of birth",
        "dates of birth",
        "contact details",
        "account numbers",
        "card numbers",
        "sensitive information",
        "sensitive details",
    ];
    const DOCUMENTS: Words = words![
        "report",
        "document",
        "file",
        "export",
        "csv",
        "spreadsheet",
        "sheet",
        "sample",
        "copy",
        "message",
        "email",
        "note",
        "summary",
        "bundle",
        "text",
        "screenshot",
        "attachment",
        "output",
        "draft",
        "post",
        "tweet",
        "transcript",
        "extract",
        "excerpt",
        "snippet",
        "reply",
        "response",
        "letter",
        "slides",
        "deck",
    ];
    const ANONYMISING: Words = words![
        "anonymi*",
        "anonymy*",
        "redact*",
        "de-identif*",
        "deidentif*",
        "pseudonymi*",
        "sanitiz*",
        "sanitis*"
    ];
    let verbs = find_all(tokens, TAKING_OUT);
    if verbs.is_empty() {
        return;
    }
    let identifiers = find_all(tokens, IDENTIFIERS);
    for (verb, _) in verbs {
        let clause = tokens[verb].clause;
        if tokens[verb].data {
            continue;
        }
        let Some(&(_, named_end)) = identifiers
            .iter()
            .find(|(s, _)| *s > verb && *s <= verb + 5 && tokens[*s].clause == clause)
        else {
            continue;
        };
        let from_a_document = (named_end..tokens.len().min(named_end + 6))
            .take_while(|&at| tokens[at].clause == clause)
            .find(|&at| tokens[at].text == "from")
            .is_some_and(|from| {
                (from + 1..tokens.len().min(from + 4))
                    .take_while(|&at| tokens[at].clause == clause)
                    .any(|at| DOCUMENTS.contains(tokens[at].text.as_str()))
            });
        let by_anonymising = verb > 0
            && tokens[verb - 1].text == "by"
            && !find_all(&tokens[clause_of(tokens, verb).start..verb], ANONYMISING).is_empty();
        if from_a_document || by_anonymising {
            tokens[verb].data = true;
        }
    }
}

/// Verbs that mean sending when a message is what they take: "drop a note in #eng", "drop me a
/// line", "shoot the team a quick message". Read literally, "drop" deletes; the word is read as
/// the send it stands for, so the message rules judge the step and its evidence stays on the
/// plan's own word.
fn read_idioms(tokens: &mut [Token]) {
    const SEND_IDIOM_VERBS: Words =
        words!["drop", "drops", "dropping", "dropped", "shoot", "shoots", "shooting", "shot"];
    const MESSAGES: Words = words![
        "note", "line", "message", "comment", "mention", "reply", "ping", "heads-up", "email",
        "update"
    ];
    // Between the verb and the message: whom it goes to and how it is described.
    const BETWEEN: Words =
        words!["a", "an", "me", "us", "them", "him", "her", "the", "team", "quick", "short"];
    for at in 0..tokens.len() {
        if tokens[at].data || !SEND_IDIOM_VERBS.contains(&tokens[at].text.as_str()) {
            continue;
        }
        let clause = tokens[at].clause;
        let message = tokens[at + 1..]
            .iter()
            .take(5)
            .take_while(|t| t.clause == clause)
            .find(|t| !BETWEEN.contains(&t.text.as_str()));
        // "a" or "an" must come before the message: "drop the note table" names a table.
        let has_article = tokens[at + 1..]
            .iter()
            .take(3)
            .any(|t| t.text == "a" || t.text == "an");
        if has_article && message.is_some_and(|t| MESSAGES.contains(&t.text.as_str())) {
            let token = &mut tokens[at];
            token.text = "post".to_string();
            token.first = b'p';
            token.second = second_letter(&token.text);
            token.hyphen = false;
        }
    }
}

/// The scripts that split words written without spaces.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Script {
    Han,
    Hiragana,
    Katakana,
    Other,
}

impl Script {
    fn of(ch: char) -> Script {
        // Most text is ASCII: one test settles it before the ranges.
        if ch.is_ascii() {
            return Script::Other;
        }
        match ch {
            '\u{3040}'..='\u{309F}' => Script::Hiragana,
            '\u{30A0}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9F}' => {
                Script::Katakana
            }
            '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' => {
                Script::Han
            }
            _ => Script::Other,
        }
    }

    fn is_cjk(self) -> bool {
        self != Script::Other
    }
}

/// Is the character kana or Han, a script whose words this reader splits where the script
/// changes?
pub fn is_cjk(ch: char) -> bool {
    Script::of(ch).is_cjk()
}

/// Does this word from inline code name something in a program? Dotted members with a capital
/// (`Service.Refund`), paths (`Type::new`), calls (`write_csv(`), and camelCase or PascalCase
/// words with a capital after a small letter (`deleteUser`, `ReportOptions`). File names and
/// hosts (`orders.csv`, `api.example.com`) have no capital and are not.
fn is_code_name(word: &str) -> bool {
    let bytes = word.as_bytes();
    let camel = bytes
        .windows(2)
        .any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
    let member = bytes
        .windows(2)
        .any(|w| w[0] == b'.' && w[1].is_ascii_uppercase());
    word.contains("::") || word.contains('(') || camel || member
}

/// Marks the heading of a step ("Cleanup:", "Smoke test:", "Step 3 - Rollback:"): up to three
/// words at the start of the first clause, the last one closing with a colon, when words follow
/// that do not read as its object. "Purge: all rows older than 90 days" keeps its verb: what
/// follows the colon says what the purge takes, not what the step does instead.
fn mark_label(text: &str, base: usize, tokens: &mut [Token]) {
    const OBJECT_WORDS: Words = words![
        "all",
        "every",
        "each",
        "any",
        "the",
        "a",
        "an",
        "old",
        "older",
        "stale",
        "unused",
        "everything",
        "some",
        "most",
        "those",
        "these",
    ];
    // The item's number ("2.") is a clause of its own; the heading starts at the first word.
    let Some(first) = tokens
        .iter()
        .position(|t| t.text.starts_with(|c: char| c.is_ascii_alphabetic()))
    else {
        return;
    };
    let clause = tokens[first].clause;
    let Some(end) = tokens[first..]
        .iter()
        .take(3)
        .position(|t| t.clause == clause && text[t.span.end - base..].starts_with(':'))
        .map(|at| first + at)
    else {
        return;
    };
    let next = tokens.get(end + 1);
    if next.is_none_or(|t| OBJECT_WORDS.contains(t.text.as_str()) || t.data) {
        return;
    }
    for token in &mut tokens[first..=end] {
        token.label = true;
    }
}

/// Verbs of putting something into words, whose "that" opens what the words say.
const SAYING: Words = words![
    "explain",
    "explains",
    "explaining",
    "describe",
    "describes",
    "describing",
    "document",
    "documents",
    "documenting",
    "mention",
    "mentions",
    "mentioning",
    "say",
    "says",
    "saying",
];

/// Nouns for a piece of text, whose "that" (after "a" or "the") opens what the text says.
const WORDS_OF_TEXT: Words = words![
    "warning",
    "note",
    "notice",
    "reminder",
    "caveat",
    "explanation",
    "sentence",
    "comment",
    "message",
    "callout",
    "paragraph",
];

/// The people a message is for, whose "that" opens what the message says ("tell the team
/// that ..."). "Customers that signed up" is a relative clause, so customers are not here.
const AUDIENCES: Words = words![
    "team",
    "on-call",
    "oncall",
    "everyone",
    "stakeholders",
    "approver",
    "approvers",
    "owner",
    "owners",
    "lead",
    "manager",
];

/// Verbs of finding something out, which after "to" make a purpose.
const FINDING_OUT: Words = words![
    "confirm",
    "check",
    "verify",
    "see",
    "find",
    "ensure",
    "understand",
    "learn",
    "compare",
    "measure",
    "locate",
    "determine",
    "identify",
    "know",
    "prove",
    "spot",
    "detect",
    "reproduce",
];

/// The rest of a clause after "so", "so that", "in order to" or "to" and a verb of finding out
/// says why, not what: "export the zone so any record we touch can be restored", "read the
/// handler to confirm the missing lock"; after "explain that" it says what a text being written
/// will say, and after "whether" what is being asked. Its words are data.
fn mark_purposes(text: &str, base: usize, tokens: &mut [Token]) {
    let mut purpose_of: Option<usize> = None;
    // The purpose open is a question ("whether ...", "if ..." after a verb of checking).
    let mut question = false;
    for i in 0..tokens.len() {
        let clause = tokens[i].clause;
        if purpose_of.is_some_and(|c| c != clause) {
            purpose_of = None;
        }
        if purpose_of.is_some() {
            tokens[i].data = true;
            // "Check whether the repositories are unused and delete them": the question ends
            // where an act is joined to it, and the act is the step's.
            if question && joins_an_act(tokens, i) {
                purpose_of = None;
            }
            continue;
        }
        let first_in_clause = i == 0 || tokens[i - 1].clause != clause;
        let next = tokens.get(i + 1).map(|t| t.text.as_str());
        let starts = match tokens[i].text.as_str() {
            // ", so a moved slot stops showing as taken": after a comma in the same sentence,
            // "so" and a subject open what the step is for, as "so" does inside a clause.
            // ", so drop those tables first" is "therefore" and a command, and a sentence that
            // opens with it ("So, delete it") is not a purpose either. "So far", "so many",
            // "and so on" say how much, not why.
            "so" => {
                let subject = next.is_some_and(|word| {
                    word.ends_with("'s")
                        || words![
                            "a", "an", "the", "that", "this", "these", "those", "no", "any",
                            "every", "each", "all", "nothing", "nobody", "none", "we", "they",
                            "it", "its", "their", "our", "your", "you", "he", "she", "people"
                        ]
                        .contains(word)
                });
                let after_comma = subject && i > 0 && {
                    let gap = text
                        .get(tokens[i - 1].span.end - base..tokens[i].span.start - base)
                        .unwrap_or("");
                    gap.contains(',') && !gap.contains(&['.', ';', '\n'][..])
                };
                (!first_in_clause || after_comma)
                    && !matches!(next, Some("far" | "much" | "many" | "long" | "on"))
            }
            "in" => next == Some("order") && tokens.get(i + 2).is_some_and(|t| t.text == "to"),
            // "Confirm whether the owner wants to open the door": a question, not an act.
            "whether" => true,
            // "Confirm with the user if buying the shares moves the price": after a verb of
            // checking or asking, "if" asks, as "whether" does. After "and", a comma, "only"
            // or "even", and with no such verb before it, "if" sets a condition on the act.
            "if" => asks_if(text, base, tokens, i),
            // "Log what was deleted", "list everything that has been removed": a passive
            // relative clause names what was done before, as the object of this step.
            "what" | "whatever" | "which" | "that" | "everything" if passive_past(tokens, i) => {
                true
            }
            // "Explain that `purge` deletes archived exports": what a text being written says.
            // So does "a warning that": what a note or a warning in that text says.
            // "Post in #ops that the namespaces were removed", "tell the team that ...": what
            // a message to a channel or a team says.
            "that" => {
                i > 0
                    && tokens[i - 1].clause == clause
                    && (SAYING.contains(tokens[i - 1].text.as_str())
                        || (WORDS_OF_TEXT.contains(tokens[i - 1].text.as_str())
                            && after_determiner(tokens, i - 1))
                        || tokens[i - 1].text.starts_with('#')
                        || AUDIENCES.contains(tokens[i - 1].text.as_str()))
            }
            // "Read the handler to confirm the missing lock": after what the step does, "to"
            // and a verb of finding out says why it is done. "Comment on SEC-1 asking the
            // database team to rotate the password": what someone else is asked to do.
            "to" => {
                !first_in_clause
                    && (tokens.get(i + 1).is_some_and(|t| {
                        t.clause == clause && FINDING_OUT.contains(t.text.as_str())
                    }) || tokens[i.saturating_sub(6)..i]
                        .iter()
                        .any(|t| t.clause == clause && ASKING.contains(t.text.as_str())))
            }
            _ => false,
        };
        if starts {
            purpose_of = Some(clause);
            question = matches!(tokens[i].text.as_str(), "whether" | "if");
            tokens[i].data = true;
        } else if let Some(end) = state_being_found(tokens, i) {
            // "Find where sessions are expired", "check when the keys were rotated": the state
            // the step looks for, up to its verb; what follows may still be an act.
            for token in &mut tokens[i..=end] {
                token.data = true;
            }
        }
    }
}

/// Is the "if" at `i` a question ("check if the disk is full", "confirm with the user if
/// buying ... is wise"): a verb of finding out or asking earlier in its clause, and no joining
/// word or comma right before it that would make it a condition ("and if it fails, roll back")?
fn asks_if(text: &str, base: usize, tokens: &[Token], i: usize) -> bool {
    let clause = tokens[i].clause;
    if i == 0 || tokens[i - 1].clause != clause {
        return false;
    }
    let before = tokens[i - 1].text.as_str();
    let gap = text
        .get(tokens[i - 1].span.end - base..tokens[i].span.start - base)
        .unwrap_or(",");
    if gap.contains(',') || words!["and", "or", "but", "only", "even", "as", "so"].contains(before)
    {
        return false;
    }
    tokens[i.saturating_sub(8)..i].iter().any(|t| {
        t.clause == clause
            && (FINDING_OUT.contains(t.text.as_str()) || ASKING.contains(t.text.as_str()))
    })
}

/// Does the "and" at `i` join an act to the question before it ("whether the repositories are
/// unused and delete them")? The word after it is a verb of change in its base form, and the
/// word before it is not one ("whether to delete and recreate it" asks about both).
fn joins_an_act(tokens: &[Token], i: usize) -> bool {
    if tokens[i].text != "and" || i == 0 {
        return false;
    }
    let clause = tokens[i].clause;
    let Some(next) = tokens.get(i + 1).filter(|t| t.clause == clause) else {
        return false;
    };
    let base_verb = |t: &Token| {
        let word = t.text.as_str();
        !word.ends_with("ed")
            && !word.ends_with("ing")
            && (!word.ends_with('s') || word.ends_with("ss"))
            && (!find_all(std::slice::from_ref(t), CHANGE_VERBS).is_empty()
                || !find_all(std::slice::from_ref(t), DELETE_VERBS).is_empty())
    };
    base_verb(next) && !base_verb(&tokens[i - 1])
}

/// "where sessions are expired", "when the keys were rotated", "how the rows get deleted": a
/// question word, a short subject and a passive verb in the clause of token `i` name a state,
/// not an act. The index of the participle, if so.
fn state_being_found(tokens: &[Token], i: usize) -> Option<usize> {
    if !words!["where", "when", "how", "why"].contains(tokens[i].text.as_str()) {
        return None;
    }
    let clause = tokens[i].clause;
    let auxiliary = (i + 2..=i + 4).find(|&at| {
        tokens.get(at).is_some_and(|t| {
            t.clause == clause
                && words!["is", "are", "was", "were", "get", "gets"].contains(t.text.as_str())
        })
    })?;
    let participle = tokens.get(auxiliary + 1).filter(|t| t.clause == clause)?;
    let text = participle.text.as_str();
    (text.ends_with("ed") || words!["lost", "written", "sent", "kept", "done"].contains(text))
        .then_some(auxiliary + 1)
}

/// Verbs of deleting, destroying and wiping, as agents write them.
pub(crate) const DELETE_VERBS: Words = words![
    "delet*",
    // Written as one hyphenated word, a verb of deleting many at once ("bulk-delete the
    // drafts") is still deleting.
    "bulk-delet*",
    "mass-delet*",
    "batch-delet*",
    "destroy*",
    "remov*",
    "drop*",
    "wip*",
    "purg*",
    "nuk*",
    "tear down",
    "tearing down",
    "tore down",
    "teardown",
    "erase*",
    "terminat*",
    "decommission*",
    "obliterat*",
    "blow away",
    "get rid of",
    "throw away",
    "trash*",
    "clear out",
    "clean out",
    "flush*",
    // German, French and Spanish, as plans are written in them too. (Spanish `borrar` is
    // spelled out: `borr*` would take English "borrow".)
    "lösch*",
    "entfern*",
    "vernicht*",
    "zerstör*",
    "supprim*",
    "effac*",
    "détrui*",
    "elimin*",
    "borra",
    "borrar",
    "borre",
    "borren",
    "destruir",
    "destruye",
    // Portuguese (`exclu*` would take English "exclude").
    "apag*",
    "exclua",
    "excluir",
    "exclui",
    "excluam",
    "deletar",
    "destrua",
    // Japanese and Chinese, whose words the reader splits at a change of script.
    "削除*",
    "*削除",
    "消去*",
    "破棄*",
    "删除*",
    "*删除",
    "清空*",
];

/// Verbs of change a prose step may use. A stem (`updat*`) covers a verb's forms; where a stem
/// would also take nouns the plan names ("OpenAPI", "Postgres", "payments", "important",
/// "replica", "application"), the forms are written out instead.
pub(crate) const CHANGE_VERBS: Words = words![
    // Everyday actions an agent takes on the world, beyond systems: access, money, devices,
    // bookings, messages.
    "grant*",
    "withdraw*",
    "turn off",
    "turned off",
    "switch off",
    "shut off",
    "mute*",
    "unmute*",
    "allocat*",
    "dispatch*",
    "redirect*",
    "submit*",
    "book*",
    "reserv*",
    "order",
    "ordered",
    "purchas*",
    "buy",
    "buys",
    "buying",
    "sell",
    "sells",
    "selling",
    "sold",
    "invest*",
    "trade",
    "trades",
    "trading",
    "schedul*",
    "unlock*",
    "lock",
    "locks",
    "locking",
    "activat*",
    "deactivat*",
    "arm",
    "disarm*",
    "adjust*",
    "increas*",
    "decreas*",
    "forward*",
    "reply",
    "replies",
    "replied",
    "replying",
    "respond*",
    "approv*",
    "reject*",
    "accept*",
    "declin*",
    "sign",
    "signs",
    "signing",
    "prescrib*",
    "administer*",
    "input*",
    "enter",
    "enters",
    "entering",
    "tweet*",
    "retweet*",
    "publish*",
    "donat*",
    "lend*",
    "borrow*",
    "hire*",
    "fire",
    "terminat*",
    "suspend*",
    "ban",
    "bans",
    "banning",
    "kick*",
    "updat*",
    "modif*",
    "chang*",
    "deploy*",
    "migrat*",
    "configur*",
    "install*",
    "upgrad*",
    "restart*",
    "reboot*",
    "apply*",
    "applies",
    "applied",
    "merg*",
    "push*",
    "renam*",
    "mov*",
    "replac*",
    "overwrit*",
    "rotat*",
    "revok*",
    "disabl*",
    "enabl*",
    "scale",
    "scales",
    "scaled",
    "scaling",
    "roll back",
    "rollback",
    "patch*",
    "edit*",
    // Closing or reopening something (an issue, an account, a port) and commenting on it.
    "close",
    "closes",
    "closing",
    "reopen*",
    "comment",
    "comments",
    "commenting",
    // The same verbs on many records at once, written as one hyphenated word ("bulk-edit the
    // two fields on all 2,140 companies"); two words ("bulk edit") are read already.
    "bulk-edit*",
    "bulk-updat*",
    "bulk-chang*",
    "bulk-assign*",
    "bulk-clos*",
    "mass-updat*",
    "mass-edit*",
    "batch-updat*",
    "batch-edit*",
    "writ*",
    "set",
    "sets",
    "setting",
    "creat*",
    "add",
    "adds",
    "adding",
    "added",
    "grant*",
    "send*",
    "publish*",
    "releas*",
    "execut*",
    "run",
    "runs",
    "running",
    "stop*",
    "shut*",
    "kill*",
    "reset*",
    "truncat*",
    "format*",
    "commit*",
    "transfer*",
    "pay",
    "pays",
    "paying",
    "paid",
    "refund*",
    "charg*",
    "email*",
    "post",
    "posts",
    "posted",
    "posting",
    "upload*",
    "share",
    "shares",
    "sharing",
    // "Shared" is most often "the shared drive": only its passive forms are acts.
    "shared with",
    "being shared",
    "got shared",
    "invit*",
    "provision*",
    "launch*",
    "start*",
    "bump*",
    "reinstall*",
    "downgrad*",
    "restor*",
    "import",
    "imports",
    "imported",
    "importing",
    "seed*",
    "sync*",
    "switch*",
    "promot*",
    "cancel*",
    "archiv*",
    "build*",
    "fix*",
    "implement*",
    "refactor*",
    "insert*",
    "resiz*",
    "expos*",
    "leak*",
    "disclos*",
    "reveal*",
    "fabricat*",
    "provide access",
    "give access",
    "open",
    "opens",
    "opened",
    "opening",
    "assign*",
    "remov*",
    "cut",
    "reassign*",
    // A tracker's bookkeeping: moving an issue to another state, labelling it.
    "transition*",
    "label",
    "labels",
    "labelled",
    "labeled",
    "labelling",
    "labeling",
    "transfer",
    "turn off",
    "turn on",
    "clean*",
    "prun*",
    "empty*",
];

/// Words of asking someone else to act: what follows "to" is their act, not this step's.
const ASKING: Words = words![
    "ask",
    "asks",
    "asking",
    "tell",
    "tells",
    "telling",
    "requesting",
    "remind",
    "reminding",
];

/// Do the words after token `i` say that something was done ("was deleted", "were removed",
/// "has been dropped", "had been wiped"), in the clause of token `i`?
fn passive_past(tokens: &[Token], i: usize) -> bool {
    let clause = tokens[i].clause;
    let word = |at: usize| {
        tokens
            .get(at)
            .filter(|t| t.clause == clause)
            .map(|t| t.text.as_str())
    };
    let participle = match (word(i + 1), word(i + 2)) {
        (Some("was" | "were"), next) => next,
        (Some("has" | "have" | "had"), Some("been")) => word(i + 3),
        _ => None,
    };
    participle.is_some_and(|p| {
        p.ends_with("ed") || words!["lost", "written", "sent", "left", "taken", "done"].contains(p)
    })
}

/// Does this line start a list item (`- `, `* `, `+ `, `1. `, `2) `)?
fn starts_bullet(line: &str) -> bool {
    let line = line.trim_start_matches(&[' ', '\t'][..]);
    if line.starts_with("- ") || line.starts_with("* ") || line.starts_with("+ ") {
        return true;
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && (line[digits..].starts_with(". ") || line[digits..].starts_with(") "))
}

/// Is `word` a form of the stem (`delet` gives "deletes", "deleting")? A stem covers a
/// word's forms, not the nouns made from it for those who do it (`respond*` is no
/// "responders", `creat*` no "creator"); a noun meant is a term of its own. A lone "-er" stays
/// a form: it is the infinitive of French verbs (`supprim*`, "supprimer").
fn stem_form(word: &str, stem: &[u8]) -> bool {
    word.len() <= stem.len() + 5
        && word.as_bytes().starts_with(stem)
        && !matches!(&word.as_bytes()[stem.len()..], b"ers" | b"or" | b"ors")
}

/// Does `word` match `term`? A term ending in `*` is a stem (`delet*` matches `deleting`), or a
/// directory when it ends in `/*` (`/etc/*` matches every path below `/etc`);
/// hyphens are ignored on both sides (`re-create` matches `recreate`).
pub fn word_matches(word: &str, term: &str) -> bool {
    fn letters(s: &str) -> impl Iterator<Item = u8> + '_ {
        s.bytes().filter(|b| *b != b'-')
    }
    // A term that opens with `*` is a word's end: German compounds put the noun last
    // (`*datenbank` matches `produktionsdatenbank`).
    // Byte tests rather than `strip_prefix('*')`: every token meets every candidate term here,
    // and a char pattern's searcher costs more than the test itself.
    let bytes = term.as_bytes();
    if bytes.first() == Some(&b'*') {
        let end = &bytes[1..];
        return word.len() > end.len() && word.as_bytes().ends_with(end);
    }
    let stem = (bytes.last() == Some(&b'*')).then(|| &term[..term.len() - 1]);
    match stem {
        // `#team*` is a team's own chat channel (`#ops-status`, `#finops`); one named for an
        // audience beyond the team (`#customers`, `#announcements`, `#general`) is not.
        Some("#team") => {
            const AUDIENCES: Words = words![
                "customer", "client", "public", "communit", "announce", "general", "everyone",
                "external", "partner", "all-", "#ext-"
            ];
            word.len() > 1
                && word.starts_with('#')
                && !AUDIENCES.iter().any(|audience| word.contains(audience))
        }
        // A directory (`/etc/*`) matches every path below it, however long; so does a
        // channel prefix (`#ext-*`) every channel named with it, and a currency sign (`$*`)
        // every amount, `$40,000` as well as `$5`.
        Some(prefix)
            if prefix.ends_with('/')
                || (prefix.starts_with('#') && prefix.ends_with('-'))
                || matches!(prefix, "$" | "£" | "€") =>
        {
            word.starts_with(prefix)
        }
        Some(stem) => {
            // Most words and stems have no hyphen to skip: then it is a prefix test.
            if !word.as_bytes().contains(&b'-') && !stem.as_bytes().contains(&b'-') {
                return stem_form(word, stem.as_bytes());
            }
            let mut rest = letters(word);
            letters(stem).all(|s| rest.next() == Some(s)) && rest.count() <= 5
        }
        None => {
            word == term || (word.as_bytes().contains(&b'-') && letters(word).eq(letters(term)))
        }
    }
}

/// Does a determiner or a possessive come before the word at `index` in its clause, right
/// before it or with one describing word between ("the refund", "the missing lock", "the
/// nightly restart")? Then the word is a noun, whatever else it could be. Only words that
/// describe count as between: in "the agent may delete" the verb stays a verb.
pub fn after_determiner(tokens: &[Token], index: usize) -> bool {
    const DETERMINERS: Words = words![
        "the", "a", "an", "its", "their", "our", "your", "my", "his", "her", "each", "every",
        "these", "those", "any", "this", "that", "latest", "last", "recent", "previous", "pending",
    ];
    const DESCRIBING: Words = words![
        "new",
        "old",
        "missing",
        "current",
        "existing",
        "nightly",
        "weekly",
        "daily",
        "hourly",
        "full",
        "partial",
        "final",
        "next",
        "first",
        "whole",
        "entire",
        "manual",
        "scheduled",
        "failed",
        "planned",
        "empty",
        "unused",
        "stale",
        "legacy",
        "temporary",
        "obsolete",
        "duplicate",
        "same",
        "other",
        "single",
        "default",
    ];
    let Some(clause) = tokens.get(index).map(|t| t.clause) else {
        return false;
    };
    let at = |back: usize| {
        index
            .checked_sub(back)
            .and_then(|b| tokens.get(b))
            .filter(|t| t.clause == clause)
    };
    let determiner = |t: &Token| DETERMINERS.contains(t.text.as_str()) || t.text.ends_with("'s");
    match (at(1), at(2)) {
        (Some(before), _) if determiner(before) => true,
        (Some(between), Some(before)) => {
            DESCRIBING.contains(between.text.as_str()) && determiner(before)
        }
        _ => false,
    }
}

/// Is the word at `index` inside a noun phrase: after a determiner in its clause with only
/// words of that phrase between ("an empty order list", "the hand-rolled session loop", "the
/// ledger row lock")? Words that start a verb's own phrase stop the search: a conjunction, a
/// modal, "to", a subject pronoun ("the logs and restart", "the agent may change"). Looser
/// than `after_determiner`, so used only where a missed verb costs a review, not a deletion.
pub fn in_noun_phrase(tokens: &[Token], index: usize) -> bool {
    const STOPS: Words = words![
        "and", "or", "but", "nor", "to", "will", "would", "can", "could", "should", "must", "may",
        "might", "shall", "please", "we", "i", "you", "they", "he", "she", "it", "then", "also",
        "who", "which", "not", "is", "are", "was", "were", "be",
    ];
    let Some(clause) = tokens.get(index).map(|t| t.clause) else {
        return false;
    };
    if after_determiner(tokens, index) {
        return true;
    }
    // Right after a preposition, a word is its object ("search for charges", "a list of
    // updates", "compare against changes"), whatever its ending. Not "to", which a verb follows.
    // A count between them changes nothing ("about 40 charges").
    let counted = index
        .checked_sub(1)
        .and_then(|b| tokens.get(b))
        .is_some_and(|before| is_count(&before.text));
    let object_of = if counted { 2 } else { 1 };
    if index
        .checked_sub(object_of)
        .and_then(|b| tokens.get(b))
        .is_some_and(|before| {
            before.clause == clause
                && words![
                    "for", "of", "about", "against", "with", "without", "from", "into", "between",
                    "per"
                ]
                .contains(before.text.as_str())
        })
    {
        return true;
    }
    // A participle after a noun, with when, by whom or how much after it, describes that noun
    // ("charges created from 3 to 10 May", "rows updated by the nightly job", "customers
    // charged £25"), unless a subject or an auxiliary before it makes it a verb ("we deleted
    // from", "was dropped in").
    if tokens[index].text.ends_with("ed")
        && index
            .checked_sub(1)
            .and_then(|b| tokens.get(b))
            .is_some_and(|before| {
                before.clause == clause
                    && !before.data
                    && before.text.bytes().all(|b| b.is_ascii_alphabetic())
                    && !STOPS.contains(before.text.as_str())
                    && !words!["have", "has", "had", "been", "being", "get", "got", "gets"]
                        .contains(before.text.as_str())
            })
        && tokens.get(index + 1).is_some_and(|after| {
            after.clause == clause
                && (words![
                    "from", "since", "before", "after", "between", "during", "by", "within", "last"
                ]
                .contains(after.text.as_str())
                    || is_count(after.text.trim_start_matches(&['£', '$', '€'][..])))
        })
    {
        return true;
    }
    // A word in -s with "of" after it is a plural noun ("both sets of counts", "the runs of
    // the job").
    let word = tokens[index].text.as_str();
    if word.ends_with('s')
        && tokens
            .get(index + 1)
            .is_some_and(|next| next.clause == clause && next.text == "of")
    {
        return true;
    }
    // "List the workflow runs", "read the MX record sets from Gandi": after a verb of looking
    // that opens the clause, a word in -s that closes the looked-at phrase is its plural. A
    // verb there would leave the looking without an object.
    if word.ends_with('s')
        && words!["list", "get", "read", "show", "view", "fetch", "find", "search", "count"]
            .contains(tokens[clause_of(tokens, index).start].text.as_str())
        && tokens.get(index + 1).is_none_or(|next| {
            next.clause != clause || words!["for", "from", "in", "on"].contains(next.text.as_str())
        })
    {
        return true;
    }
    // Past a noun, a word in -s or -ed agrees with a subject ("the agent allocates", "the job
    // deleted"): a verb, not the head of a compound ("the user delete endpoint").
    if (word.ends_with('s') && !word.ends_with("ss")) || word.ends_with("ed") {
        return false;
    }
    for back in 1..=4 {
        let Some(token) = index.checked_sub(back).and_then(|b| tokens.get(b)) else {
            return false;
        };
        if token.clause != clause || STOPS.contains(token.text.as_str()) {
            return false;
        }
        if words!["the", "a", "an", "its", "their", "our", "your", "my", "this", "these", "those"]
            .contains(token.text.as_str())
            || token.text.ends_with("'s")
        {
            return true;
        }
    }
    false
}

/// The index range of the clause that token `index` is in (empty past the end). Clause numbers
/// never decrease along a step's tokens, so both ends are found by binary search: reading a
/// clause per word of it would make a long clause cost its length squared.
pub fn clause_of(tokens: &[Token], index: usize) -> std::ops::Range<usize> {
    let Some(clause) = tokens.get(index).map(|t| t.clause) else {
        return index..index;
    };
    let start = tokens[..index].partition_point(|t| t.clause < clause);
    let end = index + tokens[index..].partition_point(|t| t.clause <= clause);
    start..end
}

/// The matches in `hits` (in text order, as `find_all` gives them) that start within `window`
/// tokens of `index`, found by binary search.
pub fn hits_near(hits: &[(usize, usize)], index: usize, window: usize) -> &[(usize, usize)] {
    let low = hits.partition_point(|(s, _)| s.saturating_add(window) < index);
    let high = hits.partition_point(|(s, _)| *s <= index.saturating_add(window));
    &hits[low..high.max(low)]
}

/// Finds `term` (one word or a space-separated phrase) in `tokens`, starting at `from`.
/// Returns the index range of the match.
pub fn find_term(tokens: &[Token], term: &str, from: usize) -> Option<(usize, usize)> {
    (from..tokens.len()).find_map(|i| phrase_at(tokens, i, term).map(|len| (i, i + len)))
}

/// If `term` matches at token `i`, how many tokens it covers.
fn phrase_at(tokens: &[Token], i: usize, term: &str) -> Option<usize> {
    // A ` * ` inside a phrase stands for up to two describing words ("all * users" is "all
    // users", "all trial users", "all our paying users"); the shortest fit is taken.
    if let Some((before, after)) = gap_split(term) {
        let head = phrase_at(tokens, i, before)?;
        return (0..=2).find_map(|gap| {
            let at = i + head + gap;
            let between = tokens.get(i + head..at)?;
            let same_clause = between
                .iter()
                .chain(tokens.get(at))
                .all(|t| t.clause == tokens[i].clause);
            let tail = phrase_at(tokens, at, after).filter(|_| same_clause)?;
            Some(head + gap + tail)
        });
    }
    let mut count = 0;
    for (n, part) in term.split(' ').enumerate() {
        // A count inside a phrase says how many, not which: "all 40,000 customers" is "all
        // customers", "the 3 staging buckets" is "the staging buckets".
        if n > 0
            && tokens.get(i + count).is_some_and(|t| is_count(&t.text))
            && !word_matches(&tokens[i + count].text, part)
        {
            count += 1;
        }
        if !tokens
            .get(i + count)
            .is_some_and(|t| word_matches(&t.text, part))
        {
            return None;
        }
        count += 1;
    }
    Some(count)
}

/// A phrase split at its ` * ` gap, if it has one. Every candidate term of every list passes
/// here, so the bytes are scanned directly rather than through a substring searcher, whose
/// setup costs more than the short terms it would search.
fn gap_split(term: &str) -> Option<(&str, &str)> {
    let bytes = term.as_bytes();
    let at = (1..bytes.len().saturating_sub(1))
        .find(|&i| bytes[i] == b'*' && bytes[i - 1] == b' ' && bytes[i + 1] == b' ')?;
    Some((term.get(..at - 1)?, term.get(at + 2..)?))
}

/// A number as people write a count: digits with grouping or a decimal point, and an optional
/// `k` or `m` ("40,000", "12k", "1.5m").
fn is_count(word: &str) -> bool {
    let digits = word.strip_suffix(&['k', 'm'][..]).unwrap_or(word);
    crate::words::starts_with_digit(digits)
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
}

/// The second letter of a word, hyphens skipped (`re-create` -> `e`), or 0 when there is none
/// or the term allows anything there (`d*`).
fn second_letter(word: &str) -> u8 {
    // A term that opens with `#` and ends with `*` names a class of words (`#team*`: a team's
    // channel), not a spelling, so it cannot be bucketed by its letters.
    if word.starts_with('#') && word.ends_with('*') {
        return 0;
    }
    word.bytes()
        .filter(|b| *b != b'-')
        .nth(1)
        .filter(|b| *b != b'*' && *b != b' ')
        .unwrap_or(0)
}

/// How a single-word term is matched, worked out once per term rather than per token.
#[derive(Clone, Copy)]
enum Shape {
    /// The exact word, hyphens aside.
    Word,
    /// A stem (`delet*`) with no hyphen in it: for a word without one, a prefix test.
    Stem,
    /// A phrase of several words (`drop table`, `all * users`).
    Phrase,
    /// Anything else `word_matches` knows (a directory, a team's channel, a stem with a
    /// hyphen).
    Other,
}

impl Shape {
    fn of(term: &'static str) -> Shape {
        if term.contains(' ') {
            return Shape::Phrase;
        }
        match term.strip_suffix('*') {
            None => Shape::Word,
            Some(stem)
                if !stem.contains(&['-', '/', '#', '*'][..])
                    && stem.starts_with(|c: char| c.is_ascii_alphanumeric()) =>
            {
                Shape::Stem
            }
            Some(_) => Shape::Other,
        }
    }

    /// How many tokens from `i` the term covers, if it matches there.
    fn matches(self, tokens: &[Token], i: usize, term: &str) -> Option<usize> {
        let token = tokens.get(i)?;
        let word = token.text.as_str();
        let one = match self {
            Shape::Phrase => return phrase_at(tokens, i, term),
            Shape::Word => word == term || (token.hyphen && word_matches(word, term)),
            Shape::Stem if !token.hyphen => stem_form(word, &term.as_bytes()[..term.len() - 1]),
            Shape::Stem | Shape::Other => word_matches(word, term),
        };
        one.then_some(1)
    }
}

/// A word list made ready for matching: its terms bucketed by first byte, so each word is
/// checked only against the terms that could start with it.
pub(crate) struct Compiled {
    /// By first byte: each term with the second letter it needs (0: any) and its shape.
    buckets: Vec<Vec<(u8, Shape, &'static str)>>,
    /// Terms that open with a word's end (`*datenbank`, `*'s password`), which any token may
    /// start.
    /// Each with its first word, which a token must match before the rest is read.
    endings: Vec<(&'static str, &'static str)>,
}

impl Compiled {
    pub(crate) fn new(terms: Words) -> Compiled {
        let mut buckets = vec![Vec::new(); 256];
        let mut endings = Vec::new();
        for term in terms {
            match term.bytes().next() {
                Some(b'*') => endings.push((term.split(' ').next().unwrap_or(term), term)),
                Some(first) => {
                    buckets[usize::from(first)].push((second_letter(term), Shape::of(term), term))
                }
                None => {}
            }
        }
        Compiled { buckets, endings }
    }

    /// Whether `word` is one of the terms, exactly as written.
    pub(crate) fn contains(&self, word: &str) -> bool {
        match word.bytes().next() {
            Some(b'*') => self.endings.iter().any(|(_, term)| *term == word),
            Some(first) => self.buckets[usize::from(first)]
                .iter()
                .any(|(_, _, term)| *term == word),
            None => false,
        }
    }
}

/// All matches of any of `terms`, as index ranges, in text order (one per starting token,
/// the longest).
pub fn find_all(tokens: &[Token], terms: Words) -> Vec<(usize, usize)> {
    let compiled = crate::words::compiled(terms);
    let mut hits: Vec<(usize, usize)> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let mut best: Option<usize> = None;
        let second = token.second;
        for (needs, shape, term) in &compiled.buckets[usize::from(token.first)] {
            if *needs != 0 && *needs != second {
                continue;
            }
            if let Some(len) = shape.matches(tokens, i, term) {
                best = Some(best.map_or(len, |b| b.max(len)));
            }
        }
        // A term that opens with a word's end may go on as a phrase ("*'s password": a
        // password in someone's possession).
        if best.is_none() {
            best = compiled.endings.iter().find_map(|&(head, term)| {
                if !word_matches(&token.text, head) {
                    None
                } else if head.len() == term.len() {
                    Some(1)
                } else {
                    phrase_at(tokens, i, term)
                }
            });
        }
        if let Some(len) = best {
            hits.push((i, i + len));
        }
    }
    hits
}

const NEGATORS: Words = words![
    "not",
    "never",
    "no",
    // German, French and Spanish.
    "nicht",
    "keine",
    "pas",
    "jamais",
    "nunca",
    "não",
    "nao",
    // Chinese and Japanese put it before: "不要删除", "禁止删除".
    "不要",
    "不",
    "别",
    "勿",
    "禁止",
    "without",
    "avoid",
    "avoiding",
    "instead",
    "don't",
    "dont",
    "doesn't",
    "won't",
    "shouldn't",
    "mustn't",
    "cannot",
    "can't",
    "nor",
    "refrain",
    "refuse",
    "refusing",
    "decline",
    "declining",
    "rather",
    "prevent",
    "preventing",
    "prevents",
    "against",
];

/// Is the word at `index` negated ("do not delete", "never drop", "without removing")? Only
/// the few words before it in the same clause count.
pub fn is_negated(tokens: &[Token], index: usize) -> bool {
    let Some(target) = tokens.get(index) else {
        return false;
    };
    // A negation reaches back at most four words, and not across a colon.
    let from = (index.saturating_sub(4)..=index)
        .rev()
        .find(|&at| tokens[at].after_colon)
        .unwrap_or(index.saturating_sub(4));
    let negated = tokens[from..index].iter().any(|t| {
        t.clause == target.clause
            && (NEGATORS.contains(&t.text.as_str()) || t.text.ends_with("n't"))
    });
    // A verb whose object is "nothing" or "none" ("only if it destroys nothing", "deletes none
    // of the live rows") says what does not happen.
    let nothing = tokens.get(index + 1).is_some_and(|next| {
        next.clause == target.clause && matches!(next.text.as_str(), "nothing" | "none")
    });
    // German and French put the negation after the verb: "Lösche nicht ...", "ne supprimez
    // pas ..."; Japanese in the verb's ending: "削除しないでください".
    let after = tokens[index + 1..tokens.len().min(index + 4)]
        .iter()
        .any(|t| {
            t.clause == target.clause
                && (words!["nicht", "keine", "pas", "jamais"].contains(t.text.as_str())
                    || t.text.starts_with("しない")
                    || t.text.starts_with("しません")
                    || t.text.starts_with("せず"))
        });
    let negated = negated || after;
    negated || nothing || not_this_steps_act(tokens, index)
}

/// Words that make a verb something this step talks about rather than does: "whether to
/// delete", "how to remove", "safe to delete", "before deleting" (the step itself asks or
/// checks; the act, if any, is a later step that will be judged on its own).
fn not_this_steps_act(tokens: &[Token], index: usize) -> bool {
    // "whether to delete", "how to remove", "safe to delete", "sufficient to pay", "the amount
    // to pay", "the way to clean up": the act is discussed, not done.
    const BEFORE_TO: Words = words![
        "whether",
        "how",
        "what",
        "which",
        "where",
        "when",
        "safe",
        "okay",
        "ok",
        "fine",
        "allowed",
        "sufficient",
        "enough",
        "amount",
        "way",
        "able",
        "unable",
        "permission",
        "time",
    ];
    // "for posting", "of deleting", "about removing", "whether buying", "that sharing",
    // "before deleting": a gerund after these names the act as a topic or a later event.
    const BEFORE_GERUND: Words =
        words!["for", "of", "about", "whether", "that", "before", "after", "without",];
    let clause = tokens[index].clause;
    let near: Vec<&str> = tokens[index.saturating_sub(3)..index]
        .iter()
        .filter(|t| t.clause == clause)
        .map(|t| t.text.as_str())
        .collect();
    let gerund = tokens[index].text.ends_with("ing");
    // "Lets a school admin delete a draft", "allows support to reset a password": what the
    // step builds lets someone act later; the act is theirs, not this step's.
    if tokens[index.saturating_sub(5)..index].iter().any(|t| {
        t.clause == clause
            && words!["lets", "allows", "enables", "permits"].contains(t.text.as_str())
    }) {
        return true;
    }
    // "Mark the account deleted", "flag the rows as removed", "set the order to cancelled": a
    // status written on the thing, as a soft delete does, not the act itself.
    const MARKING: Words = words!["mark", "marks", "flag", "flags", "label", "tag", "set", "sets"];
    let before = &tokens[index.saturating_sub(4)..index];
    if tokens[index].text.ends_with("ed")
        && before
            .iter()
            .rposition(|t| matches!(t.text.as_str(), "and" | "or"))
            .map_or(before, |joint| &before[joint + 1..])
            .iter()
            .any(|t| t.clause == clause && MARKING.contains(t.text.as_str()))
    {
        return true;
    }
    match near.as_slice() {
        [.., marker] if gerund && BEFORE_GERUND.contains(marker) => true,
        [.., marker, "to"] => BEFORE_TO.contains(marker) || names_what_to_act_on(tokens, index),
        _ => is_checked_state(tokens, index, &near),
    }
}

/// "Identify the correct order to refund", "list the repositories to delete", "find the invoice
/// to pay": after a verb of looking up that leads the clause, "the X to <verb>" names which
/// things a later act is for; this step looks them up. A tool or a command between them ("find
/// the id, then use the API to delete it", "search with the script to remove ...") makes the
/// infinitive the act's purpose again.
fn names_what_to_act_on(tokens: &[Token], index: usize) -> bool {
    const LOOKING_UP: Words = words![
        "find",
        "identify",
        "list",
        "locate",
        "select",
        "pick",
        "choose",
        "determine",
        "search",
        "gather",
        "collect",
        "compile",
        "shortlist",
        "note",
    ];
    const MEANS: Words = words![
        "use", "using", "run", "running", "call", "calling", "with", "via", "through", "script",
        "tool", "api", "command", "cli", "by",
    ];
    let clause = clause_of(tokens, index);
    let lead = clause.start..index.min(clause.start + 5);
    let Some(verb) = lead
        .clone()
        .find(|&at| LOOKING_UP.contains(tokens[at].text.as_str()))
    else {
        return false;
    };
    // `index - 1` is the "to"; what lies between the verb and it is what is looked up.
    let between = &tokens[verb + 1..index - 1];
    !between.is_empty()
        && between.len() <= 7
        && !between.iter().any(|t| MEANS.contains(t.text.as_str()))
}

/// "Verify the service is running", "confirm the folder is empty", "check that the old bucket
/// is deleted", "tell the user the file was deleted": after `is` / `are` / `was`, the word is a
/// state the step looks at or reports, not an act it does, when a verb of checking or telling
/// leads the clause (after at most a subject and a modal: "the agent should inform"). Without
/// one ("the table is dropped in step 3", "make sure the service is restarted") it stays an act.
fn is_checked_state(tokens: &[Token], index: usize, near: &[&str]) -> bool {
    const COPULAS: Words = words!["is", "are", "was", "were", "be", "been", "stays", "remains"];
    const ADVERBS: Words = words![
        "still",
        "now",
        "fully",
        "properly",
        "successfully",
        "really"
    ];
    const CHECKING: Words = words![
        "check*", "verif*", "confirm*", "validat*", "assert*", "inspect*", "monitor*", "watch*",
        "wait*", "see", "look", "observ*", "test*", "tell", "tells", "inform*", "notify",
        "notifies", "report", "reports", "explain*", "say", "says", "mention*", "let",
    ];
    let after_copula = match near {
        [.., copula, adverb] if ADVERBS.contains(adverb) => COPULAS.contains(copula),
        [.., copula] => COPULAS.contains(copula),
        [] => false,
    };
    if !after_copula {
        return false;
    }
    // The checking verbs are single words, so the four words that may hold one are all that
    // is read, however long the clause.
    let start = clause_of(tokens, index).start;
    !find_all(&tokens[start..index.min(start + 4)], CHECKING).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<Token> {
        tokens(text, Span::new(0, text.len()), &[])
    }

    #[test]
    fn tokens_have_exact_spans_and_clauses() {
        let text = "Delete the prod-db, then re-create it.";
        let t = toks(text);
        assert_eq!(t[0].text, "delete");
        assert_eq!(t[2].span.slice(text), "prod-db");
        assert!(t[4].clause > t[0].clause);
    }

    #[test]
    fn a_capitalised_word_after_a_comma_is_a_listed_name() {
        let t = toks("Save it under Finance Ops, Refunds, 2027-05, then, refund the fee");
        let refunds: Vec<bool> = t
            .iter()
            .filter(|t| t.text.starts_with("refund"))
            .map(|t| t.listed)
            .collect();
        assert_eq!(refunds, [true, false]);
        assert!(!t[0].listed, "a step's first word opens it");
    }

    #[test]
    fn dropping_a_note_is_read_as_posting_it() {
        for text in [
            "Drop a note in #eng-web that the test is quarantined",
            "Drop me a line when the export is done",
            "Shoot the team a quick message about the restart",
        ] {
            let t = toks(text);
            assert_eq!(t[0].text, "post", "{text}");
            // The evidence stays on the plan's own word.
            assert!(matches!(t[0].span.slice(text), "Drop" | "Shoot"), "{text}");
        }
        for text in [
            "Drop the notes table on staging",
            "Drop a column named note from users",
            "Drop the message queue",
        ] {
            assert!(toks(text)[0].text.starts_with("drop"), "{text}");
        }
    }

    #[test]
    fn stems_phrases_and_hyphens_match() {
        let t = toks("We will tear down and re-create the stack");
        assert!(find_term(&t, "tear down", 0).is_some());
        assert!(find_term(&t, "recreat*", 0).is_some());
        assert!(find_term(&t, "delet*", 0).is_none());
    }

    #[test]
    fn talking_about_an_act_is_not_doing_it() {
        let t = toks("Identify files that are safe to delete");
        assert!(is_negated(&t, 6));
        let t = toks("Ask the user whether to remove the old branch");
        assert!(is_negated(&t, 5));
        let t = toks("Confirm with the owner before deleting the bucket");
        assert!(is_negated(&t, 5));
        let t = toks("Delete the bucket before noon");
        assert!(!is_negated(&t, 0));
        let t = toks("Check the file is appropriate for posting on Twitter");
        assert!(is_negated(&t, 6));
        let t = toks("Check the balance is sufficient to pay the request");
        assert!(is_negated(&t, 6));
    }

    #[test]
    fn code_and_asides_are_data_and_bullets_are_clauses() {
        let t = toks("Wire the endpoint (to keep memory flat) with `delete_row(id)`\n  - Drop it");
        let data: Vec<&str> = t
            .iter()
            .filter(|t| t.data)
            .map(|t| t.text.as_str())
            .collect();
        assert_eq!(data, ["to", "keep", "memory", "flat", "delete_row", "id"]);
        let drop = t.iter().find(|t| t.text == "drop").expect("drop");
        assert!(!drop.data);
        let with = t.iter().find(|t| t.text == "with").expect("with");
        assert!(drop.clause > with.clause, "a bullet starts a clause");
    }

    #[test]
    fn a_purpose_is_data() {
        let t = toks("Export the zone so any record we touch can be restored, then delete it");
        let restored = t.iter().find(|t| t.text == "restored").expect("restored");
        assert!(restored.data);
        let delete = t.iter().find(|t| t.text == "delete").expect("delete");
        assert!(!delete.data, "the purpose ends with its clause");
        let t = toks("Delete the rows in order to free space");
        assert!(!t[0].data && t.iter().find(|t| t.text == "free").is_some_and(|t| t.data));
        let t = toks("Purge the slot cache, so an old slot stops showing as taken");
        assert!(t.iter().find(|t| t.text == "stops").is_some_and(|t| t.data));
        let t = toks("Back up the table, so we can then drop it");
        assert!(!t.iter().find(|t| t.text == "drop").is_some_and(|t| t.data));
        let t = toks("The push is blocked by warnings, so drop those tables first");
        assert!(!t.iter().find(|t| t.text == "drop").is_some_and(|t| t.data));
        let t = toks("We are done. So, delete the old slots");
        assert!(!t
            .iter()
            .find(|t| t.text == "delete")
            .is_some_and(|t| t.data));
        let t = toks("List the buckets so far and delete the empty ones");
        assert!(!t
            .iter()
            .find(|t| t.text == "delete")
            .is_some_and(|t| t.data));
    }

    #[test]
    fn a_word_after_a_determiner_and_its_modifiers_is_a_noun() {
        let t = toks("Read the file to confirm the missing lock");
        assert!(after_determiner(&t, t.len() - 1));
        let t = toks("Check the logs and restart the service");
        let restart = t.iter().position(|t| t.text == "restart").expect("restart");
        assert!(!after_determiner(&t, restart));
        let t = toks("The agent may delete all tasks");
        let delete = t.iter().position(|t| t.text == "delete").expect("delete");
        assert!(
            !after_determiner(&t, delete),
            "a subject is not a determiner phrase"
        );
    }

    #[test]
    fn a_clause_is_found_from_any_of_its_words() {
        let t = toks("Stop the web, then delete the bucket; done");
        let delete = t.iter().position(|t| t.text == "delete").expect("delete");
        let range = clause_of(&t, delete);
        let words: Vec<&str> = t[range].iter().map(|t| t.text.as_str()).collect();
        assert_eq!(words, ["then", "delete", "the", "bucket"]);
        assert_eq!(
            clause_of(&t, t.len()),
            t.len()..t.len(),
            "past the end is empty"
        );
        let hits = [(0, 1), (4, 5), (9, 10)];
        assert_eq!(hits_near(&hits, 5, 2), &[(4, 5)]);
        assert_eq!(hits_near(&hits, 5, 5), &hits[..]);
        assert!(hits_near(&hits, 20, 3).is_empty());
    }

    #[test]
    fn negation_is_seen_within_the_clause_only() {
        let t = toks("Do not delete the database");
        assert!(is_negated(&t, 2));
        let t = toks("If not found, delete the database");
        assert!(!is_negated(&t, 3));
    }
}
