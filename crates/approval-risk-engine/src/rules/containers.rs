//! Containers: Docker, Podman, nerdctl and Compose: pruning, volumes (where the data lives),
//! force-removing running containers, privileged containers and pushing over shared tags.

#[cfg(test)]
use super::examples;
use super::matching::{find_flag, flag_value, positionals, Hit};
use super::{Action, CommandPattern, Matcher, Reach, Rule};
use crate::model::{Reversibility as R, Scope as S};
use crate::shell::{Arg, Command};
use crate::words::Last;
use crate::words::Trim;
use crate::words::Words;

const ENGINES: Words = words!["docker", "podman", "nerdctl"];
const ALL_CLIS: Words = words![
    "docker",
    "podman",
    "nerdctl",
    "docker-compose",
    "podman-compose",
];

/// Flags of `docker compose` / `docker-compose` that take a value (so `-f prod.yml` is not read
/// as the subcommand).
const COMPOSE_VALUE_FLAGS: Words = words![
    "-f",
    "--file",
    "-p",
    "--project-name",
    "--project-directory",
    "--env-file",
    "--profile",
    "--ansi",
    "--progress",
    "--parallel",
    "-H",
    "--host",
    "--context",
    "-c",
    "--config",
    "--log-level",
];

/// The words of a Compose command after `compose` (or after `docker-compose`), with the values
/// of Compose's own flags left out.
fn compose_words(command: &Command) -> Option<Vec<&Arg>> {
    let mut args = command.args.iter();
    if ENGINES.contains(&command.program.as_str()) {
        // Skip to the `compose` word, past global flags and their values.
        let mut skip_next = false;
        loop {
            let arg = args.next()?;
            if skip_next {
                skip_next = false;
                continue;
            }
            if arg.value.starts_with('-') {
                skip_next =
                    !arg.value.contains('=') && COMPOSE_VALUE_FLAGS.contains(&arg.value.as_str());
                continue;
            }
            if arg.value != "compose" {
                return None;
            }
            break;
        }
    }
    let mut words = Vec::new();
    let mut skip_next = false;
    for arg in args {
        if skip_next {
            skip_next = false;
            continue;
        }
        if arg.value.starts_with('-') {
            skip_next = words.is_empty()
                && !arg.value.contains('=')
                && COMPOSE_VALUE_FLAGS.contains(&arg.value.as_str());
            continue;
        }
        words.push(arg);
    }
    Some(words)
}

/// `docker <noun> <verb>` or the older `docker <verb>`: whether the command starts with either.
fn starts_with<'a>(command: &'a Command, shapes: &[Words]) -> Option<Vec<&'a Arg>> {
    let words = positionals(command);
    shapes.iter().find_map(|shape| {
        let matches =
            shape.len() <= words.len() && shape.iter().zip(&words).all(|(s, w)| w.value == *s);
        matches.then(|| words[..shape.len()].to_vec())
    })
}

fn words_after(command: &Command, count: usize) -> Vec<&Arg> {
    positionals(command).into_iter().skip(count).collect()
}

fn system_prune(command: &Command) -> Option<Hit> {
    let words = starts_with(
        command,
        &[
            words!["system", "prune"],
            words!["container", "prune"],
            words!["builder", "prune"],
            words!["buildx", "prune"],
        ],
    )?;
    if find_flag(command, words!["--volumes"]).is_some() {
        return None;
    }
    let mut hit = Hit::on(command.program_span);
    hit.evidence.extend(words.iter().map(|w| w.span));
    if let Some(all) = find_flag(command, words!["-a", "--all"]) {
        hit.evidence.push(all.span);
        hit.note("`--all` removes every image no running container uses, not only untagged leftovers, so they must all be downloaded or rebuilt again.");
    }
    Some(hit)
}

fn volume_prune(command: &Command) -> Option<Hit> {
    if let Some(words) = starts_with(command, &[words!["system", "reset"]]) {
        let mut hit = Hit::on(command.program_span);
        hit.evidence.extend(words.iter().map(|w| w.span));
        hit.note("`system reset` deletes every container, image, pod and volume this engine has.");
        return Some(hit);
    }
    if let Some(words) = starts_with(command, &[words!["system", "prune"]]) {
        let volumes = find_flag(command, words!["--volumes"])?;
        let mut hit = Hit::on(command.program_span);
        hit.evidence.extend(words.iter().map(|w| w.span));
        hit.evidence.push(volumes.span);
        return Some(hit);
    }
    let words = starts_with(command, &[words!["volume", "prune"]])?;
    let mut hit = Hit::on(command.program_span);
    hit.evidence.extend(words.iter().map(|w| w.span));
    if let Some(all) = find_flag(command, words!["-a", "--all"]) {
        hit.evidence.push(all.span);
        hit.note("`--all` includes named volumes, which is where databases keep their files.");
    }
    Some(hit)
}

fn compose_down_volumes(command: &Command) -> Option<Hit> {
    let words = compose_words(command)?;
    let down = words.first().filter(|w| w.value == "down")?;
    let volumes = find_flag(command, words!["-v", "--volumes"])?;
    let mut hit = Hit::three(command.program_span, down.span, volumes.span);
    if let Some(file) = flag_value(command, "-f").or_else(|| flag_value(command, "--file")) {
        hit.set_target(file.value.trim_start_str("--file=").to_string());
    }
    Some(hit)
}

/// `docker restart web`, `docker compose stop`, `podman kill x`: containers stopped or
/// restarted, their data kept (plain `down` removes containers, not volumes).
fn container_lifecycle(command: &Command) -> Option<Hit> {
    const VERBS: Words = words!["restart", "stop", "kill", "down", "pause"];
    let (verb, rest) = match compose_words(command) {
        Some(words) => {
            let verb = *words.first()?;
            (verb, words[1..].to_vec())
        }
        None => {
            let words = starts_with(
                command,
                &[
                    words!["container", "restart"],
                    words!["container", "stop"],
                    words!["container", "kill"],
                    words!["restart"],
                    words!["stop"],
                    words!["kill"],
                    words!["pause"],
                ],
            )?;
            let verb = *words.last()?;
            (verb, words_after(command, words.len()))
        }
    };
    if !VERBS.contains(verb.value.as_str())
        || (verb.value == "down" && find_flag(command, words!["-v", "--volumes"]).is_some())
    {
        return None;
    }
    let mut hit = Hit::pair(command.program_span, verb.span);
    hit.target_of(rest.first().copied());
    Some(hit)
}

fn rm_force(command: &Command) -> Option<Hit> {
    let words = starts_with(
        command,
        &[
            words!["container", "rm"],
            words!["container", "remove"],
            words!["pod", "rm"],
            words!["rm"],
        ],
    )?;
    let force = find_flag(command, words!["-f", "--force"])?;
    let mut hit = Hit::on(command.program_span);
    hit.evidence.extend(words.iter().map(|w| w.span));
    hit.evidence.push(force.span);
    hit.target_of(words_after(command, words.len()).first().copied());
    if let Some(volumes) = find_flag(command, words!["-v", "--volumes"]) {
        if volumes.span != force.span {
            hit.evidence.push(volumes.span);
        }
        hit.reversibility = Some(R::Irreversible);
        hit.note("`-v` also deletes the container's anonymous volumes and the data in them.");
    }
    Some(hit)
}

fn remove_images(command: &Command) -> Option<Hit> {
    if let Some(words) = starts_with(command, &[words!["image", "prune"]]) {
        let all = find_flag(command, words!["-a", "--all"])?;
        let mut hit = Hit::on(command.program_span);
        hit.evidence.extend(words.iter().map(|w| w.span));
        hit.evidence.push(all.span);
        return Some(hit);
    }
    let words = starts_with(
        command,
        &[
            words!["image", "rm"],
            words!["image", "remove"],
            words!["rmi"],
        ],
    )?;
    let force = find_flag(command, words!["-f", "--force"])?;
    let mut hit = Hit::on(command.program_span);
    hit.evidence.extend(words.iter().map(|w| w.span));
    hit.evidence.push(force.span);
    hit.target_of(words_after(command, words.len()).first().copied());
    Some(hit)
}

/// Host paths that hand a container control of the machine when mounted into it.
const HOST_MOUNTS: Words = words![
    "/",
    "/var/run/docker.sock",
    "/run/docker.sock",
    "/run/podman/podman.sock",
    "/etc",
    "/root",
    "/proc",
    "/sys",
    "/dev",
    "/boot",
    "/var/lib/docker",
];

fn mounts_host(value: &str) -> bool {
    let source = match value
        .split_once("source=")
        .or_else(|| value.split_once("src="))
    {
        Some((_, rest)) => rest.split(',').next().unwrap_or(""),
        None => value.split(':').next().unwrap_or(""),
    };
    let source = source.trim_end_matches('/');
    let source = if source.is_empty() && value.starts_with('/') {
        "/"
    } else {
        source
    };
    HOST_MOUNTS.contains(&source)
}

fn run_privileged(command: &Command) -> Option<Hit> {
    let words = starts_with(
        command,
        &[
            words!["run"],
            words!["create"],
            words!["container", "run"],
            words!["container", "create"],
        ],
    )?;
    let mut hit = Hit::on(command.program_span);
    hit.evidence.extend(words.iter().map(|w| w.span));
    let mut found = None;
    for (i, arg) in command.args.iter().enumerate() {
        let value = arg.value.as_str();
        let inline = |flag: &str| value.strip_prefix(flag).and_then(|r| r.strip_prefix('='));
        let next = || command.args.get(i + 1).map(|a| a.value.as_str());
        let privileged = value == "--privileged"
            || words!["--pid", "--userns", "--ipc", "--uts"]
                .iter()
                .any(|f| inline(f) == Some("host") || (value == f && next() == Some("host")))
            || ["--cap-add"].iter().any(|f| {
                let cap = inline(f).or_else(|| (value == *f).then(next).flatten());
                cap.is_some_and(|c| {
                    words!["ALL", "SYS_ADMIN", "CAP_SYS_ADMIN"]
                        .contains(c.to_ascii_uppercase().as_str())
                })
            })
            || ["--security-opt"].iter().any(|f| {
                let opt = inline(f).or_else(|| (value == *f).then(next).flatten());
                opt.is_some_and(|o| o.ends_with("=unconfined") || o.ends_with(":unconfined"))
            })
            || ["-v", "--volume", "--mount"].iter().any(|f| {
                let mount = inline(f).or_else(|| (value == *f).then(next).flatten());
                mount.is_some_and(mounts_host)
            });
        if privileged {
            found = Some(arg);
            break;
        }
    }
    hit.evidence.push(found?.span);
    Some(hit)
}

fn stack_rm(command: &Command) -> Option<Hit> {
    let words = starts_with(
        command,
        &[
            words!["stack", "rm"],
            words!["stack", "remove"],
            words!["stack", "down"],
            words!["service", "rm"],
            words!["service", "remove"],
        ],
    )?;
    let mut hit = Hit::on(command.program_span);
    hit.evidence.extend(words.iter().map(|w| w.span));
    hit.target_of(words_after(command, words.len()).first().copied());
    Some(hit)
}

/// Tags that move: whoever pulls them next gets whatever was pushed last.
const MOVING_TAGS: Words = words![
    "latest",
    "stable",
    "prod",
    "production",
    "main",
    "master",
    "release",
    "live",
    "current",
];

fn is_moving_tag(reference: &str) -> bool {
    if reference.contains('@') {
        return false;
    }
    let name = reference.after_last(b'/');
    match name.split_once(':') {
        Some((_, tag)) => MOVING_TAGS.contains(&tag.to_ascii_lowercase().as_str()),
        None => !reference.starts_with('-'),
    }
}

fn push_moving_tag(command: &Command) -> Option<Hit> {
    if let Some(words) = starts_with(command, &[words!["push"], words!["image", "push"]]) {
        if find_flag(command, words!["-a", "--all-tags"]).is_some() {
            let mut hit = Hit::on(command.program_span);
            hit.evidence.extend(words.iter().map(|w| w.span));
            hit.target_of(words_after(command, words.len()).first().copied());
            return Some(hit);
        }
        let image = *words_after(command, words.len()).first()?;
        if !is_moving_tag(&image.value) {
            return None;
        }
        let mut hit = Hit::on(command.program_span);
        hit.evidence.extend(words.iter().map(|w| w.span));
        hit.evidence.push(image.span);
        hit.target_of(Some(image));
        return Some(hit);
    }
    let words = starts_with(command, &[words!["buildx", "build"], words!["build"]])?;
    let push = command
        .args
        .iter()
        .find(|a| a.value == "--push" || a.value.contains("push=true"))?;
    let tag = ["-t", "--tag"].iter().find_map(|f| {
        flag_value(command, f).filter(|a| is_moving_tag(a.value.trim_start_str("--tag=")))
    })?;
    let mut hit = Hit::on(command.program_span);
    hit.evidence.extend(words.iter().map(|w| w.span));
    hit.evidence.push(push.span);
    hit.evidence.push(tag.span);
    hit.set_target(tag.value.trim_start_str("--tag=").to_string());
    Some(hit)
}

pub static RULES: &[Rule] = &[
    Rule {
        text: rule_text!("container.system-prune", "Prunes stopped containers, unused images or build cache", "Pruning is host-wide, not per project, and `-a` widens it from dangling leftovers to every unused image.", "files inside stopped containers are gone; images need rebuilding", "Check `docker system df -v`, then remove containers or images by name, or prune with `--filter until=24h`.", ["Does any stopped container hold files outside a volume?", "Is this the agent's own machine, or a shared one?"], "docker system df -v"),
        reversibility: R::Recoverable,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: ENGINES, check: system_prune },
        #[cfg(test)]
        references: words!["https://docs.docker.com/reference/cli/docker/system/prune/"],
        #[cfg(test)]
        examples: examples(&["docker system prune -a -f", "podman system prune --all", "docker container prune -f", "docker builder prune --all"]),
        #[cfg(test)]
        counterexamples: examples(&["docker system df", "docker system prune --volumes", "docker image prune"]),
    },
    Rule {
        text: rule_text!("container.volume-prune", "Deletes every unused container volume with its data", "Volumes of removed containers count as unused, as after `compose down`; since Docker 23, `-a` also takes named ones.", "every unattached volume is deleted, with its data", "List volumes with `docker volume ls`, back up those with data, and remove named volumes one by one.", ["Does any unused volume belong to a stopped database?", "Is there a backup of every volume that holds data?"], "docker volume ls --filter dangling=true"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: ENGINES, check: volume_prune },
        #[cfg(test)]
        references: words!["https://docs.docker.com/reference/cli/docker/volume/prune/", "https://docs.podman.io/en/latest/markdown/podman-system-reset.1.html"],
        #[cfg(test)]
        examples: examples(&["docker system prune -a --volumes -f", "docker volume prune -f", "podman volume prune --all", "podman system reset"]),
        #[cfg(test)]
        counterexamples: examples(&["docker volume ls", "docker system prune -a", "docker volume inspect pgdata"]),
    },
    Rule {
        text: rule_text!("container.volume-rm", "Deletes a named container volume and its data", "A named volume holds what must outlive containers, often the only copy, and Docker has no trash or snapshots.", "its data is gone, and a recreated container starts empty", "Keep the volume and detach it from the service, or tar it out with a throwaway container first.", ["What is stored in {target}?", "Is there a recent backup of it?"], "docker run --rm -v NAME:/data -v /backups:/backup alpine tar czf /backup/NAME.tgz -C /data ."),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: ENGINES,
            subcommands: &[words!["volume"], words!["rm", "remove"]],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://docs.docker.com/reference/cli/docker/volume/rm/"],
        #[cfg(test)]
        examples: examples(&["docker volume rm pgdata", "podman volume rm -f redis_data", "docker volume remove app_uploads"]),
        #[cfg(test)]
        counterexamples: examples(&["docker volume ls", "docker volume create pgdata", "docker volume inspect pgdata"]),
    },
    Rule {
        text: rule_text!("container.compose-down-volumes", "Stops a Compose project and deletes its volumes", "`-v` deletes the Compose file's declared volumes, except `external` ones, and anonymous ones; plain `down` keeps them.", "its stored data is deleted; the next start is empty", "Run `docker compose down` without `-v`; back up any volume to delete, then remove it by name.", ["Which declared volumes hold data worth keeping?", "Is this a local dev stack or a shared server?"], "docker compose down"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: ALL_CLIS, check: compose_down_volumes },
        #[cfg(test)]
        references: words!["https://docs.docker.com/reference/cli/docker/compose/down/"],
        #[cfg(test)]
        examples: examples(&["docker compose down -v", "docker-compose down --volumes --remove-orphans", "docker compose -f docker-compose.prod.yml down -v"]),
        #[cfg(test)]
        counterexamples: examples(&["docker compose down", "docker-compose up -d", "docker compose -f dev.yml ps"]),
    },
    Rule {
        text: rule_text!("container.restart", "Restarts or stops running containers", "Requests in flight are cut and the service is down until it is back; volumes and images stay.", "what the containers serve is unavailable meanwhile", "Check the logs first and restart one service at a time, with a health check after it.", ["Who uses these containers, and is a short outage acceptable now?", "What confirms they came back healthy?"], "docker logs --tail 100 {target}"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn { programs: ALL_CLIS, check: container_lifecycle },
        #[cfg(test)]
        references: words!["https://docs.docker.com/reference/cli/docker/compose/restart/"],
        #[cfg(test)]
        examples: examples(&["docker compose -f /srv/shop/compose.yml restart web", "docker restart api", "podman stop worker-1", "docker-compose down"]),
        #[cfg(test)]
        counterexamples: examples(&["docker compose ps", "docker compose down -v", "docker logs api", "docker compose up -d"]),
    },
    Rule {
        text: rule_text!("container.rm-force", "Force-removes containers, even running ones", "`-f` sends SIGKILL with no grace period, cutting off in-flight writes; `-v` also deletes its anonymous volumes.", "its service is down until recreated; files inside are lost", "Stop it cleanly with `docker stop` first, check it is the right container, then remove it without `-f`.", ["Which containers does this match, and what do they serve?", "Is its data kept in a volume, outside the container?"], "docker stop {target}"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: ENGINES, check: rm_force },
        #[cfg(test)]
        references: words!["https://docs.docker.com/reference/cli/docker/container/rm/"],
        #[cfg(test)]
        examples: examples(&["docker rm -f web", "docker rm -f $(docker ps -aq)", "podman container rm --force api", "docker rm -fv postgres"]),
        #[cfg(test)]
        counterexamples: examples(&["docker rm stopped-job", "docker ps -a", "docker run --rm -it alpine sh"]),
    },
    Rule {
        text: rule_text!("container.remove-images", "Force-removes container images", "`-f` removes images even while stopped containers use them, and a rebuild pulls whatever base images are current.", "images built only here must be rebuilt, perhaps differently", "Remove only dangling images with `docker image prune`, or name the images to remove after checking `docker images`.", ["Were any images built here and never pushed?", "Do stopped containers still use these images?"], "docker image prune"),
        reversibility: R::Recoverable,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: ENGINES, check: remove_images },
        #[cfg(test)]
        references: words!["https://docs.docker.com/reference/cli/docker/image/rm/"],
        #[cfg(test)]
        examples: examples(&["docker rmi -f $(docker images -q)", "docker image rm --force app:1.2", "podman image prune -a"]),
        #[cfg(test)]
        counterexamples: examples(&["docker images", "docker image prune", "docker rmi old-image:1.0"]),
    },
    Rule {
        text: rule_text!("container.network-prune", "Removes container networks", "A stopped service's network counts as unused, and its subnet and driver settings live only where it was created.", "services needing it fail to start until it is recreated", "List networks first (`docker network ls`) and remove only those you can name and recreate.", ["Does any stopped service rely on these networks?", "Do they use custom subnets or drivers?"], "docker network ls"),
        reversibility: R::Recoverable,
        scope: S::Local,
        reach: Reach::Workspace,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: ENGINES,
            subcommands: &[words!["network"], words!["prune", "rm", "remove"]],
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://docs.docker.com/reference/cli/docker/network/prune/"],
        #[cfg(test)]
        examples: examples(&["docker network prune -f", "docker network rm backend", "podman network prune"]),
        #[cfg(test)]
        counterexamples: examples(&["docker network ls", "docker network create backend", "docker network inspect bridge"]),
    },
    Rule {
        text: rule_text!("container.run-privileged", "Runs a container with control of the host", "`--privileged` grants every capability and device and lifts seccomp and AppArmor; mounting `/` or the Docker socket is equivalent.", "whatever runs inside gets root-level control of the host machine", "Drop `--privileged`; add only the capability needed (`--cap-add`) and mount only the folder needed, read-only.", ["Which exact capability does this container need, and why?", "Where is the image from, and who can change it?"], "docker run --rm -v \"$PWD/data\":/data:ro alpine ls /data"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Workspace,
        action: Action::WidenPrivilege,
        floor: None,
        matcher: Matcher::CommandFn { programs: ENGINES, check: run_privileged },
        #[cfg(test)]
        references: words!["https://docs.docker.com/engine/containers/run/#runtime-privilege-and-linux-capabilities"],
        #[cfg(test)]
        examples: examples(&["docker run --privileged -d monitoring-agent", "docker run -v /:/host -it alpine chroot /host", "docker run -v /var/run/docker.sock:/var/run/docker.sock ci-runner", "podman run --pid=host --cap-add=SYS_ADMIN debug"]),
        #[cfg(test)]
        counterexamples: examples(&["docker run --rm -v \"$PWD\":/app node:20 npm test", "docker run -d -p 8080:80 nginx", "docker run --cap-add=NET_BIND_SERVICE web"]),
    },
    Rule {
        text: rule_text!("container.stack-rm", "Removes a Swarm stack or service", "No prompt asks first, and its networks, configs and secrets go too; redeploying needs every secret's value again.", "all its containers stop across the cluster until redeployed", "Scale the service to zero first; its definition stays, so it can be scaled back.", ["What does {target} serve, and who uses it?", "Is the stack file for redeploying it current?"], "docker service scale {target}=0"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: ENGINES, check: stack_rm },
        #[cfg(test)]
        references: words!["https://docs.docker.com/reference/cli/docker/stack/rm/"],
        #[cfg(test)]
        examples: examples(&["docker stack rm shop", "docker service rm api_web"]),
        #[cfg(test)]
        counterexamples: examples(&["docker stack ls", "docker service ls", "docker stack deploy -c stack.yml shop"]),
    },
    Rule {
        text: rule_text!("container.push-moving-tag", "Pushes an image over a tag others pull", "Moving a tag back needs the previous image's digest, rarely recorded, and anything that pulled meanwhile keeps the new image.", "whatever pulls it next gets this image, tested or not", "Push an immutable version tag and deploy that; move `latest` only after it is verified.", ["What pulls this tag and deploys it automatically?", "Was the previous image's digest recorded for rollback?"], "docker push registry.example.com/app:1.4.2"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Workspace,
        action: Action::Publish,
        floor: None,
        matcher: Matcher::CommandFn { programs: ENGINES, check: push_moving_tag },
        #[cfg(test)]
        references: words!["https://docs.docker.com/reference/cli/docker/image/push/"],
        #[cfg(test)]
        examples: examples(&["docker push registry.example.com/app:latest", "docker push myorg/api", "docker buildx build --push -t ghcr.io/acme/web:latest ."]),
        #[cfg(test)]
        counterexamples: examples(&["docker push registry.example.com/app:1.4.2", "docker pull nginx:latest", "docker build -t app:latest ."]),
    },
];
