//! Windows' command prompt (`cmd.exe`): deleting folder trees and files by pattern, formatting
//! a volume, deleting registry keys, and adding or deleting accounts and administrators. Its
//! switches start with `/` and ignore case (`/S`, `/s`); every check below reads them so.

#[cfg(test)]
use super::examples;
use super::matching::Hit;
use super::{Action, Matcher, Reach, Rule};
use crate::model::{Decision, Reversibility as R, Scope as S};
use crate::shell::{Arg, Command};
use crate::words::Last;
use crate::words::Words;

/// The switch `/letter` (any case), if given.
fn switch(command: &Command, letter: char) -> Option<&Arg> {
    command.args.iter().find(|a| {
        let v = a.value.as_bytes();
        v.len() == 2 && v[0] == b'/' && v[1].eq_ignore_ascii_case(&(letter as u8))
    })
}

/// The arguments that are not switches.
fn operands(command: &Command) -> impl Iterator<Item = &Arg> {
    command
        .args
        .iter()
        .filter(|a| !a.value.starts_with('/') || a.value.len() > 3)
}

/// `del /s ...` or `del` of a wildcard (`del *.bak`, `erase C:\logs\*`): files by pattern, in
/// every folder below with `/s`; `/q` skips the prompt a wildcard would give.
fn del_tree(command: &Command) -> Option<Hit> {
    let recursive = switch(command, 's');
    let target = operands(command).next()?;
    if recursive.is_none() && !target.value.contains('*') {
        return None;
    }
    Some(deletion(command, recursive, target))
}

/// `rd /s` / `rmdir /s`: a folder with everything below it.
fn rd_tree(command: &Command) -> Option<Hit> {
    let recursive = switch(command, 's')?;
    let target = operands(command).next()?;
    Some(deletion(command, Some(recursive), target))
}

/// A deletion's hit: the program, its `/s` and `/q` switches where given, and the target.
fn deletion(command: &Command, recursive: Option<&Arg>, target: &Arg) -> Hit {
    let mut evidence = vec![command.program_span];
    evidence.extend(recursive.map(|a| a.span));
    evidence.extend(switch(command, 'q').map(|a| a.span));
    evidence.push(target.span);
    let mut hit = Hit::at(evidence);
    if super::files::windows_temp(&target.value) {
        super::files::scratch(&mut hit, &target.value);
    }
    hit.target_of(Some(target));
    hit
}

/// `format D:`: a volume by its drive letter.
fn format_volume(command: &Command) -> Option<Hit> {
    let volume = operands(command).find(|a| {
        let v = a.value.as_bytes();
        v.len() == 2 && v[0].is_ascii_alphabetic() && v[1] == b':'
    })?;
    let mut hit = Hit::pair(command.program_span, volume.span);
    hit.target_of(Some(volume));
    Some(hit)
}

/// `reg delete KEY`.
fn reg_delete(command: &Command) -> Option<Hit> {
    let mut words = operands(command);
    let verb = words
        .next()
        .filter(|w| w.value.eq_ignore_ascii_case("delete"))?;
    let key = words.next()?;
    let mut hit = Hit::three(command.program_span, verb.span, key.span);
    hit.target_of(Some(key));
    Some(hit)
}

/// `net user NAME /delete`, and `net localgroup GROUP NAME /add` or `net group GROUP NAME /add`
/// of an administrators' group when `admin` is set, of any other group when not (PowerShell's
/// `Add-LocalGroupMember` is read by `powershell::group_add`).
fn net_account(command: &Command, grant: bool, admin: bool) -> Option<Hit> {
    let words: Vec<&Arg> = operands(command).collect();
    let (group, rest) = words.split_first()?;
    let flag = command.args.iter().find(|a| {
        a.value
            .eq_ignore_ascii_case(if grant { "/add" } else { "/delete" })
    })?;
    let name = match (group.value.to_ascii_lowercase().as_str(), grant) {
        ("user", false) => rest.first()?,
        ("localgroup" | "group", true)
            if rest
                .first()
                .is_some_and(|g| g.value.to_ascii_lowercase().contains("admin") == admin) =>
        {
            rest.get(1)?
        }
        _ => return None,
    };
    let mut hit = Hit::at(vec![command.program_span, group.span, name.span, flag.span]);
    hit.target_of(Some(name));
    Some(hit)
}

fn net_user_delete(command: &Command) -> Option<Hit> {
    net_account(command, false, false)
}

/// An account added to a group: an administrators' group (`admin`), or any other.
fn group_member_add(command: &Command, admin: bool) -> Option<Hit> {
    if command.program.starts_with("add-") {
        return super::powershell::group_add(command, admin);
    }
    net_account(command, true, admin)
}

fn net_admin_add(command: &Command) -> Option<Hit> {
    group_member_add(command, true)
}

fn net_group_add(command: &Command) -> Option<Hit> {
    group_member_add(command, false)
}

/// The machine's own restore points and backup history deleted: `vssadmin delete shadows`
/// (and `resize shadowstorage`, which drops the oldest), `wmic shadowcopy delete`, `wbadmin
/// delete catalog|backup|systemstatebackup`. Ransomware runs exactly these first.
fn shadow_copies_delete(command: &Command) -> Option<Hit> {
    let mut words = command
        .args
        .iter()
        .filter(|a| !a.value.starts_with(&['/', '-'][..]));
    let (first, second) = (words.next()?, words.next()?);
    let phrase = crate::words::fill3("{} {} {}", &command.program, &first.value, &second.value);
    words![
        "vssadmin delete shadows",
        "vssadmin resize shadowstorage",
        "wmic shadowcopy delete",
        "wbadmin delete catalog",
        "wbadmin delete backup",
        "wbadmin delete systemstatebackup"
    ]
    .contains(phrase.to_ascii_lowercase().as_str())
    .then(|| Hit::three(command.program_span, first.span, second.span))
}

/// `icacls PATH /grant Everyone:F` (or `Users`, `Authenticated Users`) with full or modify
/// rights.
fn icacls_everyone(command: &Command) -> Option<Hit> {
    let at = command
        .args
        .iter()
        .position(|a| a.value.to_ascii_lowercase().starts_with("/grant"))?;
    let grant = command.args.get(at + 1)?;
    let value = grant.value.to_ascii_lowercase();
    let everyone = words!["everyone:", "users:", "authenticated users:", "*s-1-1-0:"]
        .iter()
        .any(|who| value.starts_with(who));
    let rights = value.after_last(b':');
    if !everyone || !(rights.contains('f') || rights.contains('m')) {
        return None;
    }
    let mut hit = Hit::three(command.program_span, command.args[at].span, grant.span);
    hit.target_of(operands(command).next());
    Some(hit)
}

/// Programs that add an account to a group.
const GROUP_ADDERS: Words = words![
    "net",
    "NET",
    "add-localgroupmember",
    "add-adgroupmember",
    "add-mggroupmember",
    "add-mggroupmemberbyref"
];

pub static RULES: &[Rule] = &[
    Rule {
        text: rule_text!("win.del-tree", "Deletes files by pattern on Windows", "`del` skips the Recycle Bin; with `/s` it takes every matching file in every folder below, and `/q` asks nothing.", "every matching file is gone, with no undo", "List what would go first with `dir /s`, then move the files aside instead of deleting them.", ["What does `dir /s` list for this pattern?", "Is any of it not in a backup?"], "dir /s {target}"),
        reversibility: R::Irreversible,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["del", "erase", "DEL", "ERASE"],
            check: del_tree,
        },
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/windows-server/administration/windows-commands/del"],
        #[cfg(test)]
        examples: examples(&["del /s /q C:\\backups", "erase /S *.bak", "del *.log"]),
        #[cfg(test)]
        counterexamples: examples(&["del notes.txt", "dir /s C:\\backups"]),
    },
    Rule {
        text: rule_text!("win.rd-tree", "Deletes a folder tree on Windows", "`rd /s` removes the folder and everything in it without the Recycle Bin; `/q` skips the one prompt.", "every file below it is gone, with no undo", "Rename the folder aside and delete it later, once nothing is missed.", ["What is in this folder that is not in a backup?", "Which machine and drive is this?"], "ren {target} old-folder"),
        reversibility: R::Irreversible,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["rd", "rmdir", "RD", "RMDIR"],
            check: rd_tree,
        },
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/windows-server/administration/windows-commands/rmdir"],
        #[cfg(test)]
        examples: examples(&["rd /s /q C:\\inetpub\\wwwroot", "rmdir /S build"]),
        #[cfg(test)]
        counterexamples: examples(&["rd empty-folder", "rmdir /?"]),
    },
    Rule {
        text: rule_text!("win.format-volume", "Formats a Windows volume", "Formatting writes a new, empty file system over the volume; what was on it is no longer reachable.", "every file on the drive becomes unreachable", "Check with `vol` and `dir` which drive this is, and back it up first.", ["Which disk is this drive letter on this machine?", "Is anything on it not in a backup?"], "vol {target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: Some(Decision::Escalate),
        matcher: Matcher::CommandFn {
            programs: words!["format", "FORMAT"],
            check: format_volume,
        },
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/windows-server/administration/windows-commands/format"],
        #[cfg(test)]
        examples: examples(&["format D: /q /y", "format E: /FS:NTFS"]),
        #[cfg(test)]
        counterexamples: examples(&["vol D:", "format /?"]),
    },
    Rule {
        text: rule_text!("win.reg-delete", "Deletes a Windows registry key", "A deleted key and its values are gone unless exported first; programs and services that read them break.", "the settings under it are lost, and what reads them breaks", "Export the key first: `reg export {target} key-backup.reg`.", ["What reads this key?", "Was it exported first?"], "reg export {target} key-backup.reg"),
        reversibility: R::Irreversible,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["reg", "REG"],
            check: reg_delete,
        },
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/windows-server/administration/windows-commands/reg-delete"],
        #[cfg(test)]
        examples: examples(&["reg delete HKLM\\Software\\Acme /f", "REG DELETE HKCU\\Software\\Acme\\Cache /va /f"]),
        #[cfg(test)]
        counterexamples: examples(&["reg query HKLM\\Software\\Acme", "reg export HKLM\\Software\\Acme acme.reg"]),
    },
    Rule {
        text: rule_text!("win.user-delete", "Deletes a Windows account", "A recreated account gets a new security identifier, so its file permissions and group memberships do not come back.", "its sign-in, permissions and profile are lost", "Disable the account instead: `net user {target} /active:no`.", ["Who or what signs in with this account?", "Should it be disabled first and deleted later?"], "net user {target} /active:no"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["net", "NET"],
            check: net_user_delete,
        },
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/troubleshoot/windows-server/networking/net-commands-on-operating-systems"],
        #[cfg(test)]
        examples: examples(&["net user svc-backup /delete", "NET USER olduser /DELETE"]),
        #[cfg(test)]
        counterexamples: examples(&["net user svc-backup", "net user svc-backup /active:no"]),
    },
    Rule {
        text: rule_text!("win.admin-add", "Makes an account a Windows administrator", "An administrator can do anything on the machine, including turning off its logging; mistaken grants are hard to spot.", "the account can change anything on the machine", "Add it to the narrowest group the task needs, such as Event Log Readers, and remove it after.", ["Which rights does the task need?", "When is the grant taken back?"], "net localgroup \"Event Log Readers\" {target} /add"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::WidenPrivilege,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: GROUP_ADDERS,
            check: net_admin_add,
        },
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/troubleshoot/windows-server/networking/net-commands-on-operating-systems"],
        #[cfg(test)]
        examples: examples(&["net localgroup administrators deploy-bot /add", "net localgroup Administrators svc /ADD", "Add-LocalGroupMember -Group Administrators -Member 'CORP\\vendor-remote'", "Add-ADGroupMember -Identity 'Domain Admins' -Members svc-backup", "net group \"Domain Admins\" svc-backup /add /domain"]),
        #[cfg(test)]
        counterexamples: examples(&["net localgroup administrators", "net localgroup users deploy-bot /add", "Add-LocalGroupMember -Group 'Remote Desktop Users' -Member jdoe"]),
    },
    Rule {
        text: rule_text!("win.group-member-add", "Adds an account to a group", "Group membership grants every right the group holds, on every machine or service that trusts it.", "the account gets what the group may do", "Name the group and what it grants in the plan, with the owner's sign-off.", ["What does this group grant, and where?", "Who owns the group and approved this?"], "Get-ADPrincipalGroupMembership -Identity {target}"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Fixed,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: GROUP_ADDERS,
            check: net_group_add,
        },
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/powershell/module/activedirectory/add-adgroupmember"],
        #[cfg(test)]
        examples: examples(&["Add-ADGroupMember -Identity Finance -Members r.vandijk", "net localgroup \"Remote Desktop Users\" jdoe /add", "Add-MgGroupMember -GroupId 0f1e2d3c -DirectoryObjectId 9a8b7c6d"]),
        #[cfg(test)]
        counterexamples: examples(&["Get-ADGroupMember -Identity Finance", "net localgroup administrators deploy-bot /add", "net group Finance"]),
    },
    Rule {
        text: rule_text!("win.shadow-copies-delete", "Deletes Windows shadow copies or backups", "Shadow copies are the Previous Versions people restore from; ransomware deletes them first so nothing can be rolled back.", "every earlier version of these files is gone for good", "Keep them; if the disk is full, move the shadow storage to another volume instead.", ["Which backup restores these files if something goes wrong today?", "When was a restore from that backup last tested?"], "vssadmin list shadows"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Host,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["vssadmin", "wmic", "wbadmin"],
            check: shadow_copies_delete,
        },
        #[cfg(test)]
        references: words!["https://attack.mitre.org/techniques/T1490/"],
        #[cfg(test)]
        examples: examples(&["vssadmin delete shadows /for=D: /all /quiet", "wmic shadowcopy delete /nointeractive", "wbadmin delete catalog -quiet", "vssadmin resize shadowstorage /for=C: /on=C: /maxsize=401MB"]),
        #[cfg(test)]
        counterexamples: examples(&["vssadmin list shadows", "wbadmin get versions", "wmic shadowcopy list brief"]),
    },
    Rule {
        text: rule_text!("win.icacls-everyone", "Gives everyone full rights on Windows files", "Every account on the machine can then change or replace these files, including programs that run them.", "any account can change or replace these files", "Grant the one account that needs access, with read rights if that is enough.", ["Which account needs access, and to do what?", "Does anything run these files?"], "icacls {target} /grant svc-app:R"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Workspace,
        action: Action::WidenPrivilege,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["icacls", "ICACLS"],
            check: icacls_everyone,
        },
        #[cfg(test)]
        references: words!["https://learn.microsoft.com/en-us/windows-server/administration/windows-commands/icacls"],
        #[cfg(test)]
        examples: examples(&["icacls C:\\app /grant Everyone:F /T", "icacls D:\\share /grant \"Users:(OI)(CI)M\""]),
        #[cfg(test)]
        counterexamples: examples(&["icacls C:\\app /grant svc-app:R", "icacls C:\\app"]),
    },
];
