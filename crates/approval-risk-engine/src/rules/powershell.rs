//! PowerShell (issue 15). Its commands are `Verb-Noun` cmdlets with a fixed list of verbs, and
//! names and parameters ignore case, so the shell reader lower-cases a cmdlet's name
//! (`Remove-Item` is `remove-item` to every rule) and the checks here read parameters in any
//! case and by any unambiguous prefix (`-Rec` is `-Recurse`), as PowerShell does.

#[cfg(test)]
use super::examples;
use super::matching::Hit;
use super::{Action, Matcher, Reach, Rule};
use crate::model::{Decision, Reversibility as R, Scope as S};
use crate::shell::{Arg, Command};
use crate::words::Last;
use crate::words::Words;

/// PowerShell's approved verbs, lower-cased (`Get-Verb`), for telling a cmdlet from a word
/// with a hyphen.
const VERBS: Words = words![
    "add",
    "approve",
    "assert",
    "backup",
    "block",
    "checkpoint",
    "clear",
    "close",
    "compare",
    "complete",
    "compress",
    "confirm",
    "connect",
    "convert",
    "convertfrom",
    "convertto",
    "copy",
    "debug",
    "deny",
    "disable",
    "disconnect",
    "dismount",
    "edit",
    "enable",
    "enter",
    "exit",
    "expand",
    "export",
    "find",
    "format",
    "get",
    "grant",
    "group",
    "hide",
    "import",
    "initialize",
    "install",
    "invoke",
    "join",
    "limit",
    "lock",
    "measure",
    "merge",
    "mount",
    "move",
    "new",
    "open",
    "optimize",
    "out",
    "ping",
    "pop",
    "protect",
    "publish",
    "push",
    "read",
    "receive",
    "redo",
    "register",
    "remove",
    "rename",
    "repair",
    "request",
    "reset",
    "resize",
    "resolve",
    "restart",
    "restore",
    "resume",
    "revoke",
    "save",
    "search",
    "select",
    "send",
    "set",
    "show",
    "skip",
    "sort",
    "split",
    "start",
    "step",
    "stop",
    "submit",
    "suspend",
    "switch",
    "sync",
    "test",
    "trace",
    "unblock",
    "undo",
    "uninstall",
    "unlock",
    "unprotect",
    "unpublish",
    "unregister",
    "update",
    "use",
    "wait",
    "watch",
    "where",
    "write",
    // Not an approved verb, but `ForEach-Object` is the pipeline's loop (its script block
    // is read as commands of its own).
    "foreach",
];

/// Verbs of cmdlets that only read, print or compute (`Get-ChildItem`, `Measure-Object`,
/// `Format-Table`); `Format-Volume` is the exception `reads` makes.
const READING_VERBS: Words = words![
    "get",
    "foreach",
    "test",
    "measure",
    "select",
    "where",
    "sort",
    "compare",
    "resolve",
    "format",
    "out",
    "write",
    "convertto",
    "convertfrom",
    "find",
    "search",
    "show",
    "group",
    "trace",
    "wait",
    // Opening or closing a session with a service changes nothing in it.
    "connect",
    "disconnect",
];

/// `Verb-Noun` with an approved verb, in any case.
fn verb_noun(name: &str) -> Option<(&str, &str)> {
    let (verb, noun) = name.split_once('-')?;
    (noun.starts_with(|c: char| c.is_ascii_alphabetic())
        && noun.chars().all(|c| c.is_ascii_alphanumeric())
        && VERBS.contains(verb.to_ascii_lowercase().as_str()))
    .then_some((verb, noun))
}

/// Is `name`, as written, a cmdlet: `Verb-Noun` with an approved verb and the noun capitalised
/// as PowerShell writes it (`Get-ChildItem`, `Remove-Item`)? Words of English with a hyphen
/// ("set-up", "start-up") are not.
pub fn is_cmdlet(name: &str) -> bool {
    verb_noun(name).is_some_and(|(_, noun)| noun.starts_with(|c: char| c.is_ascii_uppercase()))
}

/// Is `name` (lower-cased, as the shell reader gives a cmdlet's name) a cmdlet's?
pub fn verb_noun_lower(name: &str) -> bool {
    verb_noun(name).is_some()
}

/// Cmdlets that set up the session or write what was read to a local file: choosing a
/// subscription, signing in, loading a module, saving a list as CSV.
const SESSION_AND_LOCAL: Words = words![
    "set-azcontext",
    "select-azsubscription",
    "connect-azaccount",
    "connect-exchangeonline",
    "connect-mggraph",
    "import-module",
    "export-csv",
    "export-clixml",
    "out-file",
    "start-transcript",
    "stop-transcript",
    // Reading a file the script wrote, waiting, and running a compliance search (its purge is
    // `New-ComplianceSearchAction`, judged on its own).
    "import-csv",
    "import-clixml",
    "start-sleep",
    "start-compliancesearch",
    // Asking the operator, and stopping the script.
    "read-host",
    "throw",
    // A storage context is an object in the script's memory; making one reaches nothing.
    "new-azstoragecontext"
];

/// A PowerShell variable, with any scope or properties (`$users`, `$u.MemberOf`, `$_.mail`,
/// `$env:ALERT_URL`).
pub fn is_variable_name(name: &str) -> bool {
    name.strip_prefix('$').is_some_and(|rest| {
        crate::words::starts_like_a_name(rest)
            && rest
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b':'))
    })
}

/// PowerShell's comparison and logical operators.
const OPERATORS: Words = words![
    "-eq",
    "-ne",
    "-gt",
    "-ge",
    "-lt",
    "-le",
    "-like",
    "-notlike",
    "-match",
    "-notmatch",
    "-contains",
    "-notcontains",
    "-in",
    "-notin",
    "-and",
    "-or",
    "-not",
    "-is",
    "-isnot",
];

/// A condition PowerShell computes (`if ((Read-Host 'Go on?') -ne 'yes')`, `while ($n -gt
/// 0)`): the commands inside it are read on their own, and the comparison runs nothing. No
/// POSIX shell runs a program named `-ne`, or a variable followed by one as a command.
pub fn is_expression(command: &Command) -> bool {
    let operator = |word: &str| OPERATORS.contains(word.to_ascii_lowercase().as_str());
    operator(&command.program)
        || (is_variable_name(&command.program)
            && command.args.first().is_some_and(|a| operator(&a.value)))
}

/// A cmdlet no rule names whose verb takes something away (`Remove-CalendarEvents`,
/// `Clear-RecycleBin`, `Uninstall-WindowsFeature`): what it removes is unknown, never safe.
pub fn removing_cmdlet(command: &Command) -> Option<Hit> {
    let (verb, noun) = verb_noun(&command.program)?;
    // Taking someone out of a group or a permission list is undone by adding them back:
    // judged as any unknown command, not as a removal. So is a storage container's stored
    // access policy, which the same name and permissions bring back, and a user's sign-in
    // sessions, which the next sign-in opens again.
    let membership = [
        "member",
        "permission",
        "assignment",
        "delegate",
        "license",
        "role",
        "accesspolicy",
        "session",
    ]
    .iter()
    .any(|part| noun.contains(part));
    (!membership
        && words![
            "remove",
            "clear",
            "reset",
            "revoke",
            "uninstall",
            "unregister"
        ]
        .contains(verb))
    .then(|| {
        let mut hit = Hit::on(command.program_span);
        hit.target(&command.program);
        hit
    })
}

/// A cmdlet no rule names whose verb changes what its noun names in place or makes one
/// (`Update-AzFunctionAppSetting`, `Set-MgUser`, `New-AzResourceLock`): a change to a system
/// like any other tool's, where the verb alone cannot say whether it runs code, grants or
/// sends (`Invoke-`, `Grant-`, `Send-` stay unrecognised).
pub fn changing_cmdlet(command: &Command) -> bool {
    verb_noun(&command.program).is_some_and(|(verb, _)| {
        words![
            "set", "update", "new", "add", "enable", "start", "stop", "restart", "rename",
            "register", "resize", "suspend", "resume", "sync", "move", "copy"
        ]
        .contains(verb)
    })
}

/// Does the cmdlet (its name lower-cased, as the shell reader gives it) only read?
pub fn reads(name: &str) -> bool {
    SESSION_AND_LOCAL.contains(name)
        || verb_noun(name).is_some_and(|(verb, noun)| {
            READING_VERBS.contains(verb) && !(verb == "format" && matches!(noun, "volume" | "disk"))
        })
}

/// A PowerShell variable set to a plain value (`$leaversOU = 'OU=Leavers,DC=corp,DC=example'`,
/// `$days = 30`): it changes nothing outside the script. A variable set from a command
/// (`$users = Get-ADUser -Filter *`) is that command, judged as it.
pub fn is_plain_assignment(command: &Command) -> bool {
    let [equals, value, rest @ ..] = command.args.as_slice() else {
        return false;
    };
    if !is_variable_name(&command.program) || equals.value != "=" {
        return false;
    }
    // A number (`30`, `0.5`) is told by its characters: parsing it as a float would link the
    // standard library's float parser into the page for this one test.
    let number = crate::words::starts_with_digit(&value.value)
        && value.value.chars().all(|c| c.is_ascii_digit() || c == '.');
    // A parenthesised value is computed by the commands inside it, which the reader judged on
    // their own (`(Get-Date).AddDays(-30)`). A command after the `=` is read as that command
    // (see `shell::command::build`).
    let literal = value.quoted || number || value.value.starts_with(&['$', '(', '@'][..]);
    literal && rest.is_empty()
}

/// The parameter `-Name` given in any case, or by a prefix of at least `shortest` letters.
fn parameter<'a>(command: &'a Command, name: &str, shortest: usize) -> Option<&'a Arg> {
    command.args.iter().find(|a| {
        let Some(given) = a.value.strip_prefix('-') else {
            return false;
        };
        let given = given
            .split(':')
            .next()
            .unwrap_or(given)
            .to_ascii_lowercase();
        given.len() >= shortest && name.starts_with(&given)
    })
}

/// The first argument that is not a parameter or a parameter's value we know of.
fn path_of(command: &Command) -> Option<&Arg> {
    let at = command.args.iter().position(|a| {
        a.value.eq_ignore_ascii_case("-path") || a.value.eq_ignore_ascii_case("-literalpath")
    });
    match at {
        Some(at) => command.args.get(at + 1),
        None => command.args.iter().find(|a| !a.value.starts_with('-')),
    }
    .filter(|a| !piped_item(a))
}

/// `Remove-Item -Recurse` (and its alias `ri`): a folder with everything below it.
fn remove_item_tree(command: &Command) -> Option<Hit> {
    let recurse = parameter(command, "recurse", 1)?;
    let mut evidence = vec![command.program_span, recurse.span];
    evidence.extend(parameter(command, "force", 1).map(|a| a.span));
    let mut hit = Hit::at(evidence);
    if let Some(path) = path_of(command) {
        hit.evidence.push(path.span);
        from_folder(&mut hit, path);
        hit.target_of(Some(path));
    }
    Some(hit)
}

/// The folder a listing cmdlet at the head of a pipeline lists (`Get-ChildItem -Path X | ...
/// | Remove-Item`): what the deleting cmdlet at its end deletes from.
pub fn listed_folder(command: &Command) -> Option<&Arg> {
    words!["get-childitem", "gci", "dir", "ls"]
        .contains(command.program.as_str())
        .then(|| path_of(command))
        .flatten()
}

/// What deleting from `folder` loses: a temporary folder or a download cache is scratch;
/// every user's home folder is everyone's files.
pub fn from_folder(hit: &mut Hit, folder: &Arg) {
    if super::files::windows_temp(&folder.value) || is_cache_folder(&folder.value) {
        super::files::scratch(hit, &folder.value);
    } else {
        every_home(hit, folder);
    }
}

/// A download or package cache (`...\pip\Cache`, `.cache`, `__pycache__`): whatever is in it
/// is fetched or built again when needed.
fn is_cache_folder(path: &str) -> bool {
    path.to_ascii_lowercase()
        .split(&['\\', '/'][..])
        .rfind(|part| !part.is_empty())
        .is_some_and(|last| words!["cache", "caches", ".cache", "__pycache__"].contains(last))
}

/// A wildcard in place of the user in a folder of home folders (`D:\Home\*`, `C:\Users\*\
/// Documents`, `/home/*`) or of the team in a folder of shares: the deletion reaches every
/// person's own files.
fn every_home(hit: &mut Hit, path: &Arg) {
    let lower = path.value.to_ascii_lowercase();
    let parts: Vec<&str> = lower.split(&['\\', '/'][..]).collect();
    // Below the wildcard, an application's own data (`AppData\...`, `.cache`) is not the
    // person's files.
    let every = |folders: Words| {
        (1..parts.len()).any(|at| {
            folders.contains(parts[at - 1])
                && parts[at] == "*"
                && !parts[at + 1..]
                    .iter()
                    .any(|part| *part == "appdata" || part.starts_with('.'))
        })
    };
    // The same wildcard over a file server's shares (`E:\Shares\*\Archive`) reaches every
    // team's files.
    let note = if every(words!["users", "home", "homes"]) {
        "is every user's home folder: each person's own files on the machine go"
    } else if every(words!["shares", "share", "departments", "depts", "teams"]) {
        "is in every team's share: files other people work from and keep go"
    } else {
        return;
    };
    hit.reversibility = Some(R::Irreversible);
    hit.scope = Some(S::Shared);
    hit.set_note(crate::words::fill2("`{}` {}.", &path.value, note));
}

/// `Remove-Item` without `-Recurse` of every file a wildcard matches (`D:\Reports\*.xlsx`) or
/// a pipeline hands it (`Get-ChildItem D:\Reports -File | Remove-Item`): nobody reads the list.
fn remove_item_many(command: &Command) -> Option<Hit> {
    if parameter(command, "recurse", 1).is_some() {
        return None;
    }
    let path = path_of(command);
    let wildcard = path.filter(|p| p.value.contains(&['*', '?'][..]));
    let piped = matches!(command.input, crate::shell::Input::Pipe { .. });
    let mut hit = Hit::on(command.program_span);
    // As for `rm`: a pattern that names a kind of file (`*.xlsx`), or files a pipeline chose by
    // a filter, are the agent's own selection, reviewed; a bare `*` takes everything.
    let selective = match (wildcard, piped) {
        (Some(path), _) => {
            hit.evidence.push(path.span);
            hit.target_of(Some(path));
            // What follows the last wildcard (`.xlsx`); the reader may have taken a Windows
            // path's backslashes as escapes, so the folder part is not split off.
            let tail = path.value.after_last_of(b"*?");
            tail.chars().any(char::is_alphanumeric)
        }
        (None, true) if path.is_none() => true,
        _ => return None,
    };
    if selective {
        hit.reversibility = Some(R::Recoverable);
    }
    Some(hit)
}

/// `Format-Volume`, `Clear-Disk`, `Initialize-Disk`: a volume or a whole disk.
fn wipes_disk(command: &Command) -> Option<Hit> {
    let mut hit = Hit::on(command.program_span);
    if let Some(target) = command.args.iter().find(|a| !a.value.starts_with('-')) {
        hit.evidence.push(target.span);
        hit.target_of(Some(target));
    }
    Some(hit)
}

/// `Set-ExecutionPolicy Unrestricted` or `Bypass`.
fn policy_off(command: &Command) -> Option<Hit> {
    let value = command.args.iter().find(|a| {
        matches!(
            a.value.to_ascii_lowercase().as_str(),
            "unrestricted" | "bypass"
        )
    })?;
    Some(Hit::pair(command.program_span, value.span))
}

/// The argument after the parameter `flag` (its value).
fn value_after<'a>(command: &'a Command, flag: &Arg) -> Option<&'a Arg> {
    let at = command.args.iter().position(|a| a.span == flag.span)?;
    command.args.get(at + 1)
}

/// The value of the first of the parameters `names` given (by any unambiguous prefix), or the
/// first argument that is not a parameter.
fn named_or_first<'a>(command: &'a Command, names: &[&str]) -> Option<&'a Arg> {
    names
        .iter()
        .find_map(|name| parameter(command, name, 1))
        .and_then(|flag| value_after(command, flag))
        .or_else(|| command.args.iter().find(|a| !a.value.starts_with('-')))
        .filter(|a| !piped_item(a))
}

/// Is the argument the item a pipeline hands over (`$_`, `$_.FullName`, `$PSItem`)? Then
/// what the command acts on is whatever the pipe carries, not a name the plan shows.
fn piped_item(arg: &Arg) -> bool {
    let value = arg.value.to_ascii_lowercase();
    value.starts_with("$_") || value.starts_with("$psitem")
}

/// The cmdlet, and what `named_or_first` finds as its target.
fn on_named(command: &Command, names: &[&str]) -> Hit {
    let mut hit = Hit::on(command.program_span);
    if let Some(target) = named_or_first(command, names) {
        hit.evidence.push(target.span);
        hit.target_of(Some(target));
    }
    hit
}

/// `Stop-Service` / `Restart-Service`.
fn service_stop(command: &Command) -> Option<Hit> {
    Some(on_named(command, &["name"]))
}

/// Windows' own protection switched off: any `-Disable...` setting of `Set-MpPreference` set
/// to true (real-time monitoring, behaviour monitoring, script scanning), files or processes
/// `Add-MpPreference` excludes from scanning, `Set-NetFirewallProfile -Enabled False`, and cmd's
/// `netsh advfirewall set ... state off`.
fn protection_off(command: &Command) -> Option<Hit> {
    let value_of = |at: usize| -> String {
        let arg = &command.args[at].value;
        match arg.split_once(':') {
            Some((_, value)) => value.to_ascii_lowercase(),
            None => command
                .args
                .get(at + 1)
                .map(|next| next.value.to_ascii_lowercase())
                .unwrap_or_default(),
        }
    };
    let is = |value: &str, words: [&str; 2]| words.contains(&value.trim_start_matches('$'));
    let mut hit = match command.program.as_str() {
        "set-mppreference" => {
            let at = command.args.iter().enumerate().position(|(at, a)| {
                a.value.to_ascii_lowercase().starts_with("-disable")
                    && is(&value_of(at), ["true", "1"])
            })?;
            Hit::pair(command.program_span, command.args[at].span)
        }
        "add-mppreference" => {
            let flag = ["exclusionpath", "exclusionprocess", "exclusionextension"]
                .iter()
                .find_map(|name| parameter(command, name, 10))?;
            let mut hit = Hit::pair(command.program_span, flag.span);
            if let Some(what) = value_after(command, flag) {
                hit.evidence.push(what.span);
                hit.target_of(Some(what));
            }
            hit
        }
        "set-netfirewallprofile" => {
            let flag = parameter(command, "enabled", 1)?;
            let at = command.args.iter().position(|a| a.span == flag.span)?;
            if !is(&value_of(at), ["false", "0"]) {
                return None;
            }
            Hit::pair(command.program_span, flag.span)
        }
        _ => {
            let words: Vec<String> = command
                .args
                .iter()
                .map(|a| a.value.to_ascii_lowercase())
                .collect();
            let state = words.iter().position(|w| w == "state")?;
            if !words.iter().any(|w| w == "advfirewall")
                || words.get(state + 1).map(String::as_str) != Some("off")
            {
                return None;
            }
            Hit::pair(command.program_span, command.args[state + 1].span)
        }
    };
    hit.target.get_or_insert_with(|| "the machine".to_string());
    Some(hit)
}

/// `Add-LocalGroupMember -Group Administrators -Member NAME` and `Add-ADGroupMember -Identity
/// "Domain Admins" -Members NAME`: an account put into a group of administrators.
pub(super) fn group_add(command: &Command, admin: bool) -> Option<Hit> {
    // A group the pipe hands over (`... | ForEach-Object { Add-ADGroupMember $_ ... }`) is
    // any group at all: a grant, not known to be an administrators' one.
    let group = named_or_first(command, &["group", "identity", "groupid"]);
    if group.is_some_and(|g| g.value.to_ascii_lowercase().contains("admin")) != admin {
        return None;
    }
    let member = parameter(command, "members", 1).and_then(|flag| value_after(command, flag));
    let mut hit = Hit::on(command.program_span);
    hit.evidence.extend(group.map(|g| g.span));
    if let Some(member) = member {
        hit.evidence.push(member.span);
        hit.target_of(Some(member));
    }
    Some(hit)
}

/// Directory accounts, mailboxes and cloud resources removed (`Remove-ADUser`,
/// `Remove-Mailbox`, `Remove-AzResourceGroup`, ...), and mail deleted from mailboxes by a
/// search (`Search-Mailbox -DeleteContent`). Fed by a pipeline, each is as many as the list
/// before it holds.
fn removes_account_or_resource(command: &Command) -> Option<Hit> {
    if command.program == "search-mailbox" {
        let delete = parameter(command, "deletecontent", 3)?;
        let mut hit = Hit::pair(command.program_span, delete.span);
        hit.target_of(
            parameter(command, "searchquery", 2).and_then(|flag| value_after(command, flag)),
        );
        return Some(hit);
    }
    Some(on_named(command, &["identity", "name"]))
}

/// `Disable-ADAccount` and its kin: the account can no longer sign in.
fn disables_accounts(command: &Command) -> Option<Hit> {
    Some(on_accounts(command, &["identity"]))
}

/// `Set-MgUserLicense -RemoveLicenses ...` (and the MSOnline and AzureAD forms): the accounts
/// lose the mailbox, files and apps the licence gives, and after the grace period their data.
/// Assigning licences only (`-RemoveLicenses @()`) takes nothing away.
fn removes_licenses(command: &Command) -> Option<Hit> {
    let at = command
        .args
        .iter()
        .position(|a| a.value.eq_ignore_ascii_case("-removelicenses"))?;
    // An empty array may come as one word or as `@` and `()`.
    let removed: String = command.args[at + 1..]
        .iter()
        .take(2)
        .map(|a| a.value.as_str())
        .collect();
    if removed.is_empty() || crate::words::replace_char(&removed, ' ', "").starts_with("@()") {
        return None;
    }
    Some(on_accounts(
        command,
        &["userid", "userprincipalname", "objectid"],
    ))
}

/// A hit on the accounts a directory command acts on: the one it names, or, when it acts on
/// what a query pipes in, every account the query matches.
fn on_accounts(command: &Command, names: &[&str]) -> Hit {
    let mut hit = on_named(command, names);
    // `Get-ADUser -Filter ... | Disable-ADAccount`: the accounts are whatever the query matches
    // across the directory, and nobody reads the list before they are locked out.
    let whole_directory = matches!(
        command.input,
        crate::shell::Input::Pipe {
            narrowed: false,
            ..
        }
    );
    if whole_directory && hit.target.is_none() {
        hit.scope = Some(S::Organization);
        hit.note("The accounts are whatever the query before the pipe matches in the directory; nobody reads the list first.");
    }
    hit
}

pub static RULES: &[Rule] = &[
    Rule {
        text: rule_text!("ps.remove-item-tree", "Deletes a folder tree with PowerShell", "`Remove-Item` skips the Recycle Bin; `-Recurse` takes everything below, and `-Force` includes hidden and read-only files.", "every file below it is gone, with no undo", "Run it with `-WhatIf` first to list what would go, then move the folder aside instead.", ["What does `-WhatIf` list for this path?", "Is any of it not in a backup?"], "Remove-Item -Path {target} -Recurse -WhatIf"),
        reversibility: R::Irreversible,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["remove-item", "ri"],
            check: remove_item_tree,
        },
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.management/remove-item"],
        #[cfg(test)]
        examples: examples(&["Remove-Item -Path C:\\inetpub\\logs\\LogFiles -Recurse -Force", "remove-item build -rec", "ri .\\cache -Recurse"]),
        #[cfg(test)]
        counterexamples: examples(&["Remove-Item .\\notes.txt", "Get-ChildItem -Path C:\\inetpub\\logs -Recurse"]),
    },
    Rule {
        text: rule_text!("ps.remove-item-many", "Deletes every file a wildcard or pipeline names", "`Remove-Item` skips the Recycle Bin, and nobody reads the list a wildcard or the pipeline before it yields.", "every file it is handed is gone, with no undo", "Run the same line with `-WhatIf` first to list what would go, then move the files aside instead.", ["What does `-WhatIf` list for it?", "Is any of it not in a backup?"], "Remove-Item -Path {target} -WhatIf"),
        reversibility: R::Irreversible,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            // Not `del` and `erase`: cmd's commands of those names are `win.del-tree`'s.
            programs: words!["remove-item", "ri"],
            check: remove_item_many,
        },
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.management/remove-item"],
        #[cfg(test)]
        examples: examples(&["Remove-Item D:\\Reports\\* -Force", "Remove-Item D:\\Reports\\*.xlsx -Force", "Get-ChildItem D:\\Reports -File | Remove-Item -Force", "Get-ChildItem D:\\Exports | Where-Object { $_.LastWriteTime -lt (Get-Date).AddDays(-30) } | Remove-Item"]),
        #[cfg(test)]
        counterexamples: examples(&["Remove-Item .\\notes.txt", "Get-ChildItem D:\\Reports -File | Measure-Object -Property Length -Sum"]),
    },
    Rule {
        text: rule_text!("ps.wipe-disk", "Formats or clears a disk with PowerShell", "Formatting writes a new file system over the volume; `Clear-Disk -RemoveData` erases every partition on the disk.", "every file on it becomes unreachable", "List the disks and volumes first (`Get-Disk`, `Get-Volume`) and back up what is on the one named.", ["Which disk is this on this machine?", "Is anything on it not in a backup?"], "Get-Volume"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: Some(Decision::Escalate),
        matcher: Matcher::CommandFn {
            programs: words!["format-volume", "clear-disk", "initialize-disk"],
            check: wipes_disk,
        },
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/powershell/module/storage/format-volume"],
        #[cfg(test)]
        examples: examples(&["Format-Volume -DriveLetter D -FileSystem NTFS", "Clear-Disk -Number 1 -RemoveData -Confirm:$false"]),
        #[cfg(test)]
        counterexamples: examples(&["Get-Volume", "Get-Disk | Format-Table"]),
    },
    Rule {
        text: rule_text!("ps.execution-policy-off", "Lets any PowerShell script run", "Unrestricted or Bypass stops PowerShell from refusing unsigned and downloaded scripts on this machine.", "scripts from anywhere run without a prompt", "Run the one script with `-ExecutionPolicy Bypass` on its own `powershell -File` call, or sign it.", ["Which script needs this, and can it be signed?", "Who else runs scripts on this machine?"], "Get-ExecutionPolicy -List"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["set-executionpolicy"],
            check: policy_off,
        },
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.security/set-executionpolicy"],
        #[cfg(test)]
        examples: examples(&["Set-ExecutionPolicy Unrestricted -Force", "Set-ExecutionPolicy -ExecutionPolicy Bypass -Scope LocalMachine"]),
        #[cfg(test)]
        counterexamples: examples(&["Set-ExecutionPolicy RemoteSigned -Scope CurrentUser", "Get-ExecutionPolicy -List"]),
    },
    Rule {
        text: rule_text!("ps.protection-off", "Turns off Windows Defender or the firewall", "Whatever arrives while scanning or the firewall is off, or lands in an excluded folder, goes unchecked.", "malware can land and run unnoticed", "Leave protection on; exclude only the one folder the vendor documents, and restore the setting in the same plan.", ["Which vendor document asks for this, exactly?", "Which step turns it back on?"], "Get-MpPreference"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["set-mppreference", "add-mppreference", "set-netfirewallprofile", "netsh"],
            check: protection_off,
        },
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/powershell/module/defender/set-mppreference"],
        #[cfg(test)]
        examples: examples(&["Set-MpPreference -DisableRealtimeMonitoring $true", "Add-MpPreference -ExclusionPath 'C:\\'", "Set-NetFirewallProfile -Profile Domain,Public,Private -Enabled False", "netsh advfirewall set allprofiles state off"]),
        #[cfg(test)]
        counterexamples: examples(&["Set-MpPreference -DisableRealtimeMonitoring $false", "Get-MpPreference", "Set-NetFirewallProfile -Enabled True", "netsh advfirewall show allprofiles"]),
    },
    Rule {
        text: rule_text!("ps.remove-directory-object", "Deletes accounts, mailboxes, mail or cloud resources", "Directory and mail deletions reach every sign-in, group and message tied to them; a resource group takes everything in it.", "what it removes, and all that depends on it, is gone", "List exactly what it would remove first (the same pipeline with `-WhatIf`), then remove those by name.", ["What does the same line list with `-WhatIf`?", "Is there a backup or retention hold for it?"], "Remove-ADUser -Identity {target} -WhatIf"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words![
                "remove-aduser", "remove-adcomputer", "remove-adgroup", "remove-adobject",
                "remove-adorganizationalunit", "remove-mailbox", "remove-distributiongroup",
                "remove-mguser", "remove-mggroup", "remove-msoluser", "remove-azureaduser",
                "remove-azresourcegroup", "remove-azresource", "remove-azvm",
                "remove-azstorageaccount", "remove-azsqldatabase", "remove-azsqlserver",
                "remove-azkeyvault", "remove-azwebapp", "remove-sposite", "remove-team",
                "search-mailbox",
            ],
            check: removes_account_or_resource,
        },
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/powershell/module/activedirectory/remove-aduser"],
        #[cfg(test)]
        examples: examples(&["Remove-ADUser -Identity jdoe -Confirm:$false", "Get-AzResourceGroup | Where-Object ResourceGroupName -like 'rg-old*' | Remove-AzResourceGroup -Force", "Remove-Mailbox -Identity 'ops-archive' -Permanent $true", "Get-Mailbox -ResultSize Unlimited | Search-Mailbox -SearchQuery 'Subject:\"Invoice\"' -DeleteContent -Force"]),
        #[cfg(test)]
        counterexamples: examples(&["Get-ADUser -Identity jdoe", "Search-Mailbox -Identity jdoe -SearchQuery 'Subject:\"Invoice\"' -EstimateResultOnly", "Get-AzResourceGroup"]),
    },
    Rule {
        text: rule_text!("ps.remove-other", "Removes something with an unknown cmdlet", "The verb says it removes, clears or revokes; what it reaches, and whether it comes back, depends on the module.", "what it removes is unknown until it has run", "Run it with `-WhatIf` first and read what it would remove, then run it on named items.", ["What does the same line list with `-WhatIf`?", "Can what it removes be restored, and how?"], "{target} -WhatIf"),
        reversibility: R::Unknown,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Builtin,
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/powershell/scripting/developer/cmdlet/approved-verbs-for-windows-powershell-commands"],
        #[cfg(test)]
        examples: examples(&["Remove-CalendarEvents -Identity dana@example.com -CancelOrganizedMeetings -QueryWindowInDays 365", "Clear-RecycleBin -DriveLetter C -Force"]),
        #[cfg(test)]
        counterexamples: examples(&["Get-CalendarProcessing -Identity room1@example.com", "Test-MailFlow -TargetEmailAddress dana@example.com", "Revoke-MgUserSignInSession -UserId dana@example.com"]),
    },
    Rule {
        text: rule_text!("ps.disable-accounts", "Disables directory accounts", "Disabled accounts cannot sign in; a filter that matches more than meant locks out people and services.", "everyone it matches is locked out until re-enabled", "List the accounts the filter matches first, and disable them by name.", ["How many accounts does the filter match, and whose?", "Does any service sign in with one of them?"], "Get-ADUser -Identity {target}"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Revoke,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["disable-adaccount", "disable-mguser", "disable-azureaduser"],
            check: disables_accounts,
        },
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/powershell/module/activedirectory/disable-adaccount"],
        #[cfg(test)]
        examples: examples(&["Disable-ADAccount -Identity jdoe", "Get-ADUser -Filter \"Description -like '*contract*'\" | Disable-ADAccount"]),
        #[cfg(test)]
        counterexamples: examples(&["Enable-ADAccount -Identity jdoe", "Get-ADUser -Filter \"Description -like '*contract*'\""]),
    },
    Rule {
        text: rule_text!("ps.remove-licenses", "Removes licences from directory accounts", "Without the licence an account loses mailbox, files and apps at once; after a grace period its data is deleted.", "the accounts lose mail, files and apps until relicensed", "List the accounts and the SKUs each holds first, then remove licences from those named accounts only.", ["Which accounts does it match, and what does each hold?", "Are shared or legal-hold mailboxes among them?"], "Get-MgUserLicenseDetail -UserId {target}"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Revoke,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["set-mguserlicense", "set-msoluserlicense", "set-azureaduserlicense"],
            check: removes_licenses,
        },
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/microsoft-365/enterprise/remove-licenses-from-user-accounts-with-microsoft-365-powershell"],
        #[cfg(test)]
        examples: examples(&["Set-MgUserLicense -UserId j.doe@contoso.com -AddLicenses @() -RemoveLicenses @('c7df2760-2c81-4ef7-b578-5b5392b571df')", "Get-MgUser -All -Filter 'accountEnabled eq false' | ForEach-Object { Set-MgUserLicense -UserId $_.Id -AddLicenses @() -RemoveLicenses @($_.AssignedLicenses.SkuId) }", "Set-MsolUserLicense -UserPrincipalName j.doe@contoso.com -RemoveLicenses contoso:ENTERPRISEPACK"]),
        #[cfg(test)]
        counterexamples: examples(&["Set-MgUserLicense -UserId j.doe@contoso.com -AddLicenses @{SkuId = 'c7df2760-2c81-4ef7-b578-5b5392b571df'} -RemoveLicenses @()", "Get-MgUserLicenseDetail -UserId j.doe@contoso.com"]),
    },
    Rule {
        text: rule_text!("ps.service-stop", "Stops or restarts a Windows service", "While the service is down, whatever depends on it fails; a restart drops the requests in flight.", "what depends on it fails until it runs again", "Check what depends on it (`Get-Service -DependentServices`) and do it in a quiet window.", ["What depends on this service?", "Is this the machine you mean?"], "Get-Service -Name {target} -DependentServices"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["stop-service", "restart-service"],
            check: service_stop,
        },
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/powershell/module/microsoft.powershell.management/restart-service"],
        #[cfg(test)]
        examples: examples(&["Restart-Service -Name W3SVC", "Stop-Service MSSQLSERVER -Force"]),
        #[cfg(test)]
        counterexamples: examples(&["Get-Service -Name W3SVC", "Start-Service -Name W3SVC"]),
    },
];
