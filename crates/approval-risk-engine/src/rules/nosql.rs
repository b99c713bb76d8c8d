//! NoSQL stores, caches, search engines and message brokers: MongoDB, Redis, Elasticsearch/
//! OpenSearch (and other search engines' HTTP APIs, through `curl`), Kafka, RabbitMQ,
//! Cassandra and etcd.

#[cfg(test)]
use super::examples;
use super::matching::{find_flag, flag_value, operands, Hit};
use super::{Action, CommandPattern, Matcher, ProsePattern, Reach, Rule};
use crate::model::{Reversibility as R, Scope as S};
use crate::shell::{Arg, Command};
use crate::span::Span;
use crate::words::Last;
use crate::words::Words;

/// Where `arg`'s value starts in the input, when its bytes are exactly the value (bare) or the
/// value in one pair of quotes; escapes or mixed quoting make the offsets unknowable.
fn value_start(arg: &Arg) -> Option<usize> {
    if !arg.quoted && arg.span.len() == arg.value.len() {
        Some(arg.span.start)
    } else if arg.quoted && arg.span.len() == arg.value.len() + 2 {
        Some(arg.span.start + 1)
    } else {
        None
    }
}

/// The span of `len` bytes at `at` inside `arg`'s value, or the whole argument when the value
/// does not map onto the input byte for byte.
fn inside(arg: &Arg, at: usize, len: usize) -> Span {
    match value_start(arg) {
        Some(start) => Span::new(start + at, start + at + len),
        None => arg.span,
    }
}

// ---------------------------------------------------------------------------------------------
// MongoDB: what `mongosh --eval` / `mongo --eval` runs.

/// The JavaScript given to the Mongo shell with `--eval`, with the argument holding it and the
/// offset of the script inside that argument's value.
fn mongo_eval(command: &Command) -> Option<(&Arg, usize)> {
    if let Some(arg) = command.args.iter().find(|a| a.value.starts_with("--eval=")) {
        return Some((arg, "--eval=".len()));
    }
    flag_value(command, "--eval").map(|arg| (arg, 0))
}

/// Does the `--eval` script only read: every method it calls (`.find(`, `.explain(`,
/// `.getIndexes(`) one that returns data, and no aggregation writing its result (`$out`,
/// `$merge`)? A method not listed (`insertOne`, `runCommand`) makes it a change.
pub fn mongo_reads(command: &Command) -> bool {
    const READING: Words = words![
        "find",
        "findOne",
        "count",
        "countDocuments",
        "estimatedDocumentCount",
        "distinct",
        "aggregate",
        "getIndexes",
        "explain",
        "stats",
        "getSiblingDB",
        "getCollection",
        "getCollectionNames",
        "toArray",
        "limit",
        "skip",
        "sort",
        "map",
        "filter",
        "forEach",
        "join",
        "serverStatus",
        "status",
        "pretty",
        "next",
        "hasNext"
    ];
    let Some((arg, offset)) = mongo_eval(command) else {
        return false;
    };
    let script = &arg.value[offset..];
    !script.contains("$out")
        && !script.contains("$merge")
        && script.split('.').skip(1).all(|after| {
            let name = after
                .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
                .next()
                .unwrap_or("");
            // A property read (`.executionStats`, `.metrics.ttl`) calls nothing.
            !after[name.len()..].trim_start().starts_with('(') || READING.contains(name)
        })
}

/// Finds `needle` in the `--eval` script (ignoring spaces inside the call's parentheses is left
/// to the caller's needles) and returns the evidence for it.
fn mongo_call(command: &Command, needles: Words) -> Option<(Hit, String)> {
    let (arg, offset) = mongo_eval(command)?;
    let script = &arg.value[offset..];
    let (at, needle) = needles
        .iter()
        .filter_map(|n| script.find(n).map(|i| (i, n)))
        .min_by_key(|(i, _)| *i)?;
    let hit = Hit::pair(command.program_span, inside(arg, offset + at, needle.len()));
    Some((hit, script.to_string()))
}

/// The collection a call is made on: `db.users.drop()` -> `users`,
/// `db.getCollection("users").drop()` -> `users`.
fn collection_before(script: &str, call_at: usize) -> Option<String> {
    let head = &script[..call_at];
    let name = crate::words::tail_of(head, |c| {
        c.is_alphanumeric() || matches!(c, '_' | '-' | '$')
    });
    if !name.is_empty() && name != "db" {
        return Some(name.to_string());
    }
    // getCollection("name") or db["name"]
    let trimmed = head.trim_end_matches(&[')', ']', '"', '\''][..]);
    let name = crate::words::tail_of(trimmed, |c| {
        c.is_alphanumeric() || matches!(c, '_' | '-' | '.')
    });
    (!name.is_empty() && name != "db").then(|| name.to_string())
}

fn mongo_drop_database(command: &Command) -> Option<Hit> {
    let (mut hit, script) = mongo_call(command, words!["dropDatabase("])?;
    hit.target = script
        .find("getSiblingDB(")
        .map(|i| &script[i + "getSiblingDB(".len()..])
        .and_then(|rest| {
            rest.trim_start_matches(&['"', '\''][..])
                .split(&['"', '\'', ')'][..])
                .next()
        })
        .map(str::to_string);
    Some(hit)
}

fn mongo_drop_collection(command: &Command) -> Option<Hit> {
    let (mut hit, script) = mongo_call(command, words![".drop()", ".drop({"])?;
    let at = script.find(".drop()").or_else(|| script.find(".drop({"))?;
    hit.set_target(collection_before(&script, at));
    if script.contains("getCollectionNames()") || script.contains("forEach") {
        hit.note("The script loops over collections, so it drops every collection it finds.");
        hit.scope = Some(S::Production);
    }
    Some(hit)
}

/// Calls whose filter is empty (`{}`) or missing: they match every document.
fn empty_filter_call(command: &Command, methods: Words) -> Option<Hit> {
    let (arg, offset) = mongo_eval(command)?;
    let script = &arg.value[offset..];
    for method in methods {
        let mut from = 0;
        while let Some(i) = script[from..].find(method) {
            let at = from + i;
            let rest = &script[at + method.len()..];
            let compact: String = rest
                .chars()
                .filter(|c| !c.is_whitespace())
                .take(3)
                .collect();
            if compact.starts_with(')') || compact.starts_with("{})") || compact.starts_with("{},")
            {
                let mut hit =
                    Hit::pair(command.program_span, inside(arg, offset + at, method.len()));
                hit.set_target(collection_before(script, at.saturating_sub(1)));
                return Some(hit);
            }
            from = at + method.len();
        }
    }
    None
}

fn mongo_delete_all(command: &Command) -> Option<Hit> {
    empty_filter_call(command, words!["deleteMany(", "remove("])
}

/// An index made or changed with `expireAfterSeconds`: MongoDB then deletes, by itself, every
/// document whose date field is older than that, those already there included.
fn mongo_ttl_index(command: &Command) -> Option<Hit> {
    let (mut hit, script) = mongo_call(command, words!["createIndex", "collMod"])?;
    if !script.contains("expireAfterSeconds") {
        return None;
    }
    let at = script.find(".createIndex");
    hit.set_target(at.and_then(|at| collection_before(&script, at)));
    Some(hit)
}

fn mongo_update_all(command: &Command) -> Option<Hit> {
    empty_filter_call(command, words!["updateMany(", "replaceMany("])
}

// ---------------------------------------------------------------------------------------------
// Redis (and its forks, which share the command set).

const REDIS_VALUE_FLAGS: Words = words![
    "-h",
    "-p",
    "-a",
    "-n",
    "-u",
    "-s",
    "-r",
    "-i",
    "-d",
    "--user",
    "--pass",
    "--askpass",
    "--cacert",
    "--cacertdir",
    "--cert",
    "--key",
    "--sni",
    "--tls-ciphers",
    "--cluster",
    "--pattern",
    "--count",
];

/// The Redis command a `redis-cli` line sends: its name and the words after it. With
/// `--cluster call HOST:PORT CMD` the command follows the node address.
fn redis_command(command: &Command) -> Option<Vec<&Arg>> {
    let words = operands(command, REDIS_VALUE_FLAGS);
    let skip = match flag_value(command, "--cluster") {
        Some(sub) if sub.value.eq_ignore_ascii_case("call") || sub.value.ends_with("=call") => 1,
        _ => 0,
    };
    let mut words: Vec<&Arg> = words.into_iter().skip(skip).collect();
    // `redis-cli $H -n 0 del ...`: a variable before the command word holds connection
    // options; the word after it is the command.
    let options = words
        .iter()
        .take_while(|w| w.dynamic && w.value.starts_with('$'))
        .count();
    if options < words.len() {
        words.drain(..options);
    }
    (!words.is_empty()).then_some(words)
}

/// Whether a Kafka admin tool changes the cluster: its verb is a flag (`kafka-configs --alter`,
/// `kafka-topics --create`, `kafka-consumer-groups --reset-offsets --execute`).
pub fn kafka_changes(command: &Command) -> bool {
    command.program.starts_with("kafka-")
        && command.args.iter().any(|a| {
            words![
                "--alter",
                "--create",
                "--delete",
                "--execute",
                "--add-config",
                "--delete-config"
            ]
            .contains(a.value.as_str())
        })
}

/// Whether a `redis-cli` line only reads: one of its read-only modes (`--scan`, `--bigkeys`,
/// `--stat`, the latency modes), or a command that only reads (`GET`, `SCAN`, `INFO`, `TTL`,
/// `CONFIG GET`, ...).
pub fn redis_reads(command: &Command) -> bool {
    const MODES: Words = words![
        "--scan",
        "--bigkeys",
        "--memkeys",
        "--hotkeys",
        "--keystats",
        "--stat",
        "--latency",
        "--latency-history",
        "--latency-dist",
        "--intrinsic-latency",
    ];
    const READS: Words = words![
        "get",
        "mget",
        "getrange",
        "strlen",
        "exists",
        "type",
        "ttl",
        "pttl",
        "keys",
        "scan",
        "dbsize",
        "info",
        "ping",
        "echo",
        "time",
        "lastsave",
        "hget",
        "hmget",
        "hgetall",
        "hkeys",
        "hvals",
        "hlen",
        "hexists",
        "hscan",
        "lrange",
        "llen",
        "lindex",
        "smembers",
        "scard",
        "sismember",
        "sscan",
        "zrange",
        "zrangebyscore",
        "zrevrange",
        "zcard",
        "zscore",
        "zrank",
        "zscan",
        "xrange",
        "xrevrange",
        "xlen",
        "xinfo",
        "xpending",
        "pfcount",
        "bitcount",
        "getbit",
        "memory",
        "object",
        "slowlog",
        "latency",
        "role",
        "command",
        "monitor",
        "subscribe",
        "psubscribe",
        "ssubscribe",
    ];
    if command
        .args
        .iter()
        .any(|a| MODES.iter().any(|m| a.value == *m))
    {
        return true;
    }
    let Some(words) = redis_command(command) else {
        return false;
    };
    let sub = |names: Words| words.get(1).is_some_and(|w| redis_is(w, names));
    match words[0].value.to_ascii_lowercase().as_str() {
        "config" => sub(words!["get"]),
        "client" => sub(words!["list", "info", "getname", "id"]),
        "cluster" => sub(words![
            "info", "nodes", "slots", "shards", "myid", "keyslot"
        ]),
        "slowlog" | "memory" | "latency" => !sub(words!["reset", "purge"]),
        // Sentinel's view of a group: who is primary, its replicas, the other sentinels.
        "sentinel" => sub(words![
            "master",
            "masters",
            "replicas",
            "slaves",
            "sentinels",
            "get-master-addr-by-name",
            "ckquorum",
            "info-cache"
        ]),
        _ => redis_is(words[0], READS),
    }
}

fn redis_is(word: &Arg, names: Words) -> bool {
    names.iter().any(|n| word.value.eq_ignore_ascii_case(n))
}

fn redis_flush(command: &Command) -> Option<Hit> {
    let words = redis_command(command)?;
    let name = words[0];
    if !redis_is(name, words!["flushall", "flushdb"]) {
        return None;
    }
    let mut hit = Hit::pair(command.program_span, name.span);
    if name.value.eq_ignore_ascii_case("flushall") {
        hit.note(
            "FLUSHALL empties every logical database on the server, not just the selected one.",
        );
    }
    if flag_value(command, "--cluster").is_some() {
        hit.note("`--cluster call` sends it to every node of the cluster.");
    }
    Some(hit)
}

fn redis_delete_keys(command: &Command) -> Option<Hit> {
    let words = redis_command(command)?;
    let name = words[0];
    if !redis_is(name, words!["del", "unlink"]) {
        return None;
    }
    let mut hit = Hit::pair(command.program_span, name.span);
    hit.target_of(words.get(1).copied());
    if words.len() <= 1 {
        hit.note("The keys come from the command's input, typically a scan of a pattern, so how many go is not visible in the plan.");
    }
    Some(hit)
}

fn redis_disable_persistence(command: &Command) -> Option<Hit> {
    let words = redis_command(command)?;
    if words.len() < 4
        || !redis_is(words[0], words!["config"])
        || !redis_is(words[1], words!["set"])
    {
        return None;
    }
    for pair in words[2..].chunks(2) {
        let [key, value] = pair else { continue };
        let off = (key.value.eq_ignore_ascii_case("save") && value.value.trim().is_empty())
            || (key.value.eq_ignore_ascii_case("appendonly")
                && value.value.eq_ignore_ascii_case("no"));
        if off {
            return Some(Hit::three(
                command.program_span,
                words[0].span.cover(words[1].span),
                key.span.cover(value.span),
            ));
        }
    }
    None
}

fn redis_replicaof(command: &Command) -> Option<Hit> {
    let words = redis_command(command)?;
    let name = words[0];
    if !redis_is(name, words!["replicaof", "slaveof"]) {
        return None;
    }
    let master = words.get(1)?;
    if master.value.eq_ignore_ascii_case("no") {
        return None;
    }
    Some(Hit {
        target: Some(master.value.clone()),
        ..Hit::three(command.program_span, name.span, master.span)
    })
}

fn redis_shutdown_nosave(command: &Command) -> Option<Hit> {
    let words = redis_command(command)?;
    if !redis_is(words[0], words!["shutdown"]) {
        return None;
    }
    let nosave = words.iter().find(|w| redis_is(w, words!["nosave"]))?;
    Some(Hit::three(command.program_span, words[0].span, nosave.span))
}

// ---------------------------------------------------------------------------------------------
// Elasticsearch / OpenSearch over HTTP (`curl`, HTTPie).

/// An HTTP request a command line makes: method (with its span), the URL argument and the body.
struct Request<'a> {
    method: String,
    method_span: Span,
    url: &'a Arg,
    body: Option<&'a Arg>,
}

const HTTP_METHODS: Words = words!["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH"];

fn looks_like_url(value: &str) -> bool {
    value.contains("://")
        || value.starts_with("localhost")
        || (value.starts_with('$') && value.contains('/'))
        || value.starts_with(':')
        || value
            .split('/')
            .next()
            .and_then(|host| host.split_last(b':'))
            .is_some_and(|(_, port)| !port.is_empty() && port.chars().all(|c| c.is_ascii_digit()))
}

fn http_request(command: &Command) -> Option<Request<'_>> {
    let url = command
        .args
        .iter()
        .find(|a| !a.value.starts_with('-') && looks_like_url(&a.value))?;
    let body = words!["-d", "--data", "--data-raw", "--data-binary", "--json"]
        .iter()
        .find_map(|f| flag_value(command, f));
    if command.program == "curl" {
        let (method, span) = command
            .args
            .iter()
            .enumerate()
            .find_map(|(i, a)| {
                let v = a.value.as_str();
                if v == "-X" || v == "--request" {
                    command
                        .args
                        .get(i + 1)
                        .map(|m| (m.value.clone(), a.span.cover(m.span)))
                } else if let Some(m) = v.strip_prefix("--request=") {
                    Some((m.to_string(), a.span))
                } else {
                    v.strip_prefix("-X")
                        .filter(|m| !m.is_empty())
                        .map(|m| (m.to_string(), a.span))
                }
            })
            .unwrap_or_else(|| {
                let method = if body.is_some() { "POST" } else { "GET" };
                (method.to_string(), command.program_span)
            });
        return Some(Request {
            method: method.to_ascii_uppercase(),
            method_span: span,
            url,
            body,
        });
    }
    // HTTPie: `http [METHOD] URL [items]`.
    let first = command.args.iter().find(|a| !a.value.starts_with('-'))?;
    let (method, span) = if HTTP_METHODS.contains(&first.value.to_ascii_uppercase().as_str())
        && first.span != url.span
    {
        (first.value.to_ascii_uppercase(), first.span)
    } else {
        ("GET".to_string(), command.program_span)
    };
    Some(Request {
        method,
        method_span: span,
        url,
        body: None,
    })
}

/// The host part and the path segments of a URL (`http://es:9200/a,b/_doc?x` -> `es:9200`,
/// `["a,b", "_doc"]`).
fn url_parts(url: &str) -> (String, Vec<String>) {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.split(&['?', '#'][..]).next().unwrap_or("");
    let (host, path) = rest.split_once('/').unwrap_or((rest, ""));
    let segments = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    (host.to_ascii_lowercase(), segments)
}

/// Search-cluster APIs (path segments starting with `_`) that only a search cluster serves.
const SEARCH_APIS: Words = words![
    "_all",
    "_cat",
    "_cluster",
    "_doc",
    "_search",
    "_snapshot",
    "_delete_by_query",
    "_update_by_query",
    "_bulk",
    "_aliases",
    "_alias",
    "_mapping",
    "_settings",
    "_data_stream",
    "_index_template",
    "_template",
    "_ilm",
    "_ism",
    "_nodes",
    "_reindex",
    "_refresh",
    "_flush",
    "_forcemerge",
    "_rollover",
    "_plugins",
    "_security",
    "_slm",
    "_close",
    "_open",
];

/// The search engines whose HTTP APIs the rules read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Engine {
    /// Elasticsearch and OpenSearch (same API shape).
    Elastic,
    Meilisearch,
    Algolia,
    Typesense,
}

/// Which search engine a URL points at, from its host, port or API path.
fn search_engine(host: &str, segments: &[String]) -> Option<Engine> {
    let port = host.split_last(b':').map(|(_, p)| p).unwrap_or("");
    if host.contains("algolia") {
        return Some(Engine::Algolia);
    }
    if port == "7700" || host.contains("meili") {
        return Some(Engine::Meilisearch);
    }
    if port == "8108" || host.contains("typesense") {
        return Some(Engine::Typesense);
    }
    // A URL held in a variable is known only by the variable's name (`$ES_URL/logs`).
    let variable = host.trim_start_matches(&['$', '{'][..]);
    let elastic = words!["9200", "9201", "9243"].contains(port)
        || (host.starts_with('$')
            && (variable.starts_with("es_") || variable.starts_with("es}") || variable == "es"))
        || host.contains("elastic")
        || host.contains("opensearch")
        || host.starts_with("es.")
        || host.starts_with("es-")
        || host.contains(".es.")
        || segments.iter().any(|s| SEARCH_APIS.contains(&s.as_str()));
    elastic.then_some(Engine::Elastic)
}

fn search_request(command: &Command) -> Option<(Request<'_>, Engine, Vec<String>)> {
    let request = http_request(command)?;
    let (host, segments) = url_parts(&request.url.value);
    let engine = search_engine(&host, &segments)?;
    Some((request, engine, segments))
}

/// The index (or data stream, or collection) a `DELETE` request removes whole.
fn deleted_index(engine: Engine, segments: &[String]) -> Option<String> {
    let parts: Vec<&str> = segments.iter().map(String::as_str).collect();
    match (engine, parts.as_slice()) {
        (Engine::Elastic, [index]) if !index.starts_with('_') || *index == "_all" => {
            Some(index.to_string())
        }
        (Engine::Elastic, ["_data_stream", stream]) => Some(stream.to_string()),
        (Engine::Meilisearch, ["indexes", index]) => Some(index.to_string()),
        (Engine::Algolia, ["1", "indexes", index]) => Some(index.to_string()),
        (Engine::Typesense, ["collections", collection]) => Some(collection.to_string()),
        _ => None,
    }
}

fn search_delete_index(command: &Command) -> Option<Hit> {
    let (request, engine, segments) = search_request(command)?;
    if request.method != "DELETE" {
        return None;
    }
    let index = deleted_index(engine, &segments)?;
    let mut hit = Hit::three(command.program_span, request.method_span, request.url.span);
    if index == "_all" || index.contains('*') {
        hit.note_with(
            "`{}` matches many indices at once (with `_all` or `*`, every index on the cluster).",
            &index,
        );
    } else if index.contains(',') {
        hit.note_with("It deletes several indices at once (`{}`).", &index);
    } else if segments.first().is_some_and(|s| s == "_data_stream") {
        hit.note_with(
            "`{}` is a data stream: every backing index behind it is deleted too.",
            &index,
        );
    }
    hit.set_target(index);
    Some(hit)
}

fn search_delete_snapshot(command: &Command) -> Option<Hit> {
    let (request, engine, segments) = search_request(command)?;
    if engine != Engine::Elastic
        || request.method != "DELETE"
        || segments.len() < 3
        || segments[0] != "_snapshot"
    {
        return None;
    }
    Some(Hit {
        target: Some(crate::words::fill2("{}/{}", &segments[1], &segments[2])),
        ..Hit::three(command.program_span, request.method_span, request.url.span)
    })
}

/// Deleting documents rather than the index: by query, or all of them at once.
fn search_delete_by_query(command: &Command) -> Option<Hit> {
    let (request, engine, segments) = search_request(command)?;
    let parts: Vec<&str> = segments.iter().map(String::as_str).collect();
    let method = request.method.as_str();
    let (index, everything) = match (engine, parts.as_slice(), method) {
        (Engine::Elastic, [.., index, "_delete_by_query"], _) => (Some(*index), false),
        (Engine::Elastic, ["_delete_by_query"], _) => (None, false),
        (Engine::Meilisearch, ["indexes", index, "documents"], "DELETE") => (Some(*index), true),
        (Engine::Meilisearch, ["indexes", index, "documents", "delete"], "POST") => {
            (Some(*index), false)
        }
        (Engine::Algolia, ["1", "indexes", index, "clear"], "POST") => (Some(*index), true),
        (Engine::Algolia, ["1", "indexes", index, "deleteByQuery"], "POST") => {
            (Some(*index), false)
        }
        (Engine::Typesense, ["collections", index, "documents"], "DELETE") => (Some(*index), false),
        _ => return None,
    };
    let mut hit = Hit::pair(command.program_span, request.url.span);
    hit.set_target(index.map(str::to_string));
    let match_all = request
        .body
        .is_some_and(|b| crate::words::replace_char(&b.value, ' ', "").contains("\"match_all\""));
    if everything || match_all {
        hit.note("It matches every document: the index is emptied.");
    }
    Some(hit)
}

fn search_allow_wildcard_delete(command: &Command) -> Option<Hit> {
    let (request, engine, segments) = search_request(command)?;
    if engine != Engine::Elastic
        || request.method != "PUT"
        || segments.first().map(String::as_str) != Some("_cluster")
    {
        return None;
    }
    let body = request.body?;
    let compact = body.value.replace([' ', '\n', '\t'], "");
    let off = compact.contains("destructive_requires_name\":false")
        || compact.contains("destructive_requires_name\":\"false\"");
    off.then(|| Hit::three(command.program_span, request.url.span, body.span))
}

// ---------------------------------------------------------------------------------------------
// Kafka and Kafka-compatible brokers.

/// `kafka-topics --delete --topic T`, `confluent kafka topic delete T`, `rpk topic delete T`.
fn kafka_delete_topic(command: &Command) -> Option<Hit> {
    match command.program.as_str() {
        "kafka-topics" => {
            let delete = find_flag(command, words!["--delete"])?;
            let mut hit = Hit::pair(command.program_span, delete.span);
            if let Some(topic) = flag_value(command, "--topic") {
                hit.evidence.push(topic.span);
                hit.set_target(
                    topic
                        .value
                        .strip_prefix("--topic=")
                        .unwrap_or(&topic.value)
                        .to_string(),
                );
            }
            Some(hit)
        }
        "confluent" | "rpk" => {
            let words = operands(
                command,
                words!["--cluster", "--environment", "--context", "-X", "--brokers"],
            );
            let words: Vec<&Arg> = if command.program == "confluent" {
                if !words.first()?.value.eq_ignore_ascii_case("kafka") {
                    return None;
                }
                words[1..].to_vec()
            } else {
                words
            };
            if words.len() < 2 || words[0].value != "topic" || words[1].value != "delete" {
                return None;
            }
            Some(Hit {
                target: words.get(2).map(|t| t.value.clone()),
                ..Hit::pair(command.program_span, words[0].span.cover(words[1].span))
            })
        }
        _ => None,
    }
}

/// `kafka-configs --alter --add-config retention.ms=1000` (the usual way to empty a topic), and
/// `--delete-config retention.ms` / `cleanup.policy`, which fall back to the broker default.
fn kafka_shrink_retention(command: &Command) -> Option<Hit> {
    find_flag(command, words!["--alter"])?;
    let target = flag_value(command, "--entity-name")
        .or_else(|| flag_value(command, "--topic"))
        .map(|a| a.value.clone());
    let setting = |flag: &str| {
        flag_value(command, flag).map(|arg| {
            let value = arg
                .value
                .strip_prefix(flag)
                .and_then(|v| v.strip_prefix('='))
                .unwrap_or(&arg.value)
                .to_string();
            (arg, value)
        })
    };
    if let Some((arg, value)) = setting("--add-config").or_else(|| setting("--config")) {
        let ms = value.split(',').find_map(|kv| {
            let (k, v) = kv.split_once('=')?;
            (k.trim() == "retention.ms")
                // A `u32`: `-1` (keep for ever) and values past four billion ms (seven
                // weeks) shrink nothing, and the engine links one integer parser less.
                .then(|| v.trim().parse::<u32>().ok())
                .flatten()
        });
        // Shorter than Kafka's default week, the topic keeps less than a topic left alone:
        // everything older goes at the broker's next clean-up pass (below an hour, almost
        // everything). Longer is the usual raise, which deletes nothing.
        // `cleanup.policy=[compact,delete]` or `=delete`: a compacted topic, which kept every
        // key's latest value, starts deleting whatever is older than its retention.
        let policy =
            value
                .split_once("cleanup.policy=")
                .map(|(_, rest)| match rest.strip_prefix('[') {
                    Some(list) => list.split(']').next().unwrap_or(list),
                    None => rest.split(',').next().unwrap_or(rest),
                });
        let deletes = policy.is_some_and(|p| p.split(',').any(|v| v.trim() == "delete"));
        if deletes || ms.is_some_and(|ms| ms < 604_800_000) {
            return Some(Hit {
                target,
                ..Hit::pair(command.program_span, arg.span)
            });
        }
    }
    let (arg, value) = setting("--delete-config")?;
    let removed = value.split(',').find(|k| {
        words![
            "retention.ms",
            "retention.bytes",
            "cleanup.policy",
            "retention.minutes",
            "retention.hours"
        ]
        .contains(k.trim())
    })?;
    Some(Hit {
        target,
        reversibility: Some(R::Unknown),
        note: Some(crate::words::fill("Removing the topic's own `{}` makes it fall back to the broker's default; if that is shorter (or not compaction), older messages are deleted at the next clean-up, and the plan does not show what the default is.", removed.trim())),
        ..Hit::pair(command.program_span, arg.span)
    })
}

// ---------------------------------------------------------------------------------------------
// RabbitMQ (`rabbitmqctl`, and `rabbitmqadmin` over the management API).

const RABBIT_VALUE_FLAGS: Words = words![
    "-p",
    "--vhost",
    "-n",
    "--node",
    "-t",
    "--timeout",
    "-H",
    "--host",
    "-P",
    "--port",
    "-V",
    "-u",
    "--username",
    "--password",
    "-N",
    "-c",
    "--config",
    "--name",
    "--base-uri",
];

/// The operation a RabbitMQ command line performs, as `(verb, object)` words and the name it
/// acts on: `rabbitmqctl delete_queue q` -> `delete_queue`, `rabbitmqadmin delete queue
/// name=q` -> `delete queue`.
fn rabbit_operation(command: &Command) -> Option<(Vec<&Arg>, Option<String>)> {
    let words = operands(command, RABBIT_VALUE_FLAGS);
    let first = *words.first()?;
    if command.program == "rabbitmqadmin" {
        let object = *words.get(1)?;
        let name = words
            .iter()
            .find_map(|w| w.value.strip_prefix("name=").map(str::to_string))
            .or_else(|| flag_value(command, "--name").map(|a| a.value.clone()));
        return Some((vec![first, object], name));
    }
    let name = words.get(1).map(|w| w.value.clone());
    Some((vec![first], name))
}

fn rabbit_is(command: &Command, ctl: Words, admin: &[(&str, &str)]) -> Option<Hit> {
    let (words, name) = rabbit_operation(command)?;
    let matches = match words.as_slice() {
        [verb] => ctl.contains(&verb.value.as_str()),
        [verb, object] => admin
            .iter()
            .any(|(v, o)| verb.value == *v && object.value == *o),
        _ => false,
    };
    if !matches {
        return None;
    }
    let mut evidence = vec![command.program_span];
    evidence.extend(words.iter().map(|w| w.span));
    Some(Hit {
        target: name,
        ..Hit::at(evidence)
    })
}

fn rabbit_delete_vhost(command: &Command) -> Option<Hit> {
    rabbit_is(command, words!["delete_vhost"], &[("delete", "vhost")])
}

fn rabbit_delete_queue(command: &Command) -> Option<Hit> {
    let mut hit = rabbit_is(
        command,
        words!["delete_queue", "purge_queue"],
        &[("delete", "queue"), ("purge", "queue")],
    )?;
    if command.args.iter().any(|a| a.value.starts_with("purge")) {
        hit.note =
            Some("Purging keeps the queue but deletes every message waiting in it.".to_string());
    }
    Some(hit)
}

fn rabbit_reset_node(command: &Command) -> Option<Hit> {
    if command.program != "rabbitmqctl" {
        return None;
    }
    rabbit_is(command, words!["reset", "force_reset"], &[])
}

fn rabbit_remove_access(command: &Command) -> Option<Hit> {
    let mut hit = rabbit_is(
        command,
        words![
            "delete_user",
            "clear_permissions",
            "clear_topic_permissions",
        ],
        &[("delete", "user"), ("delete", "permission")],
    )?;
    if command.args.iter().any(|a| a.value.contains("permission")) {
        hit.reversibility = Some(R::Reversible);
    }
    Some(hit)
}

fn rabbit_delete_exchange(command: &Command) -> Option<Hit> {
    rabbit_is(
        command,
        words![],
        &[("delete", "exchange"), ("delete", "binding")],
    )
}

// ---------------------------------------------------------------------------------------------
// NATS JetStream.

const NATS_VALUE_FLAGS: Words = words![
    "-s",
    "--server",
    "--creds",
    "--context",
    "--user",
    "--password",
    "--nkey",
    "--tlscert",
    "--tlskey",
    "--tlsca",
    "--js-domain",
    "--js-api-prefix",
    "--timeout",
    "--subject",
    "--seq",
    "--keep",
];

/// `nats stream rm|delete|purge S`, `nats kv rm BUCKET`, `nats kv purge BUCKET KEY`,
/// `nats object rm BUCKET`.
fn nats_delete_stream(command: &Command) -> Option<Hit> {
    let words = operands(command, NATS_VALUE_FLAGS);
    let (group, verb) = (*words.first()?, *words.get(1)?);
    let deletes = match group.value.as_str() {
        "stream" | "str" => words!["rm", "delete", "del", "purge"].contains(verb.value.as_str()),
        // `kv rm|del BUCKET` deletes the bucket; `kv purge BUCKET KEY` a key with its history.
        // `kv del BUCKET KEY` deletes one key; with `--purge` its history goes too.
        "kv" => words!["rm", "del", "purge"].contains(verb.value.as_str()),
        "object" | "obj" => verb.value == "rm" && words.len() <= 3,
        "bucket" => words!["rm", "delete", "del"].contains(verb.value.as_str()),
        _ => false,
    };
    if !deletes {
        return None;
    }
    let mut hit = Hit::pair(command.program_span, group.span.cover(verb.span));
    let one_key = group.value == "kv" && verb.value != "purge" && words.len() > 3;
    if one_key && command.args.iter().all(|a| a.value != "--purge") {
        hit.reversibility = Some(R::Recoverable);
        hit.note("Deleting one key leaves its history in the bucket, where earlier values can still be read.");
    }
    hit.target_of(words.get(2).copied());
    if verb.value == "purge" {
        hit.note("Purging keeps the stream but deletes every message in it.");
    }
    Some(hit)
}

fn nats_delete_consumer(command: &Command) -> Option<Hit> {
    let words = operands(command, NATS_VALUE_FLAGS);
    let (group, verb) = (*words.first()?, *words.get(1)?);
    if !matches!(group.value.as_str(), "consumer" | "con")
        || !words!["rm", "delete", "del"].contains(verb.value.as_str())
    {
        return None;
    }
    Some(Hit {
        target: words.get(3).or(words.get(2)).map(|w| w.value.clone()),
        ..Hit::pair(command.program_span, group.span.cover(verb.span))
    })
}

// ---------------------------------------------------------------------------------------------
// Cassandra and etcd.

/// CQL given to `cqlsh -e` that drops or empties data.
fn cqlsh_drop(command: &Command) -> Option<Hit> {
    let arg = flag_value(command, "-e").or_else(|| flag_value(command, "--execute"))?;
    let upper = arg.value.to_ascii_uppercase();
    let words: Vec<&str> = upper
        .split(&[' ', '\t', '\n', '\r', ';'][..])
        .filter(|w| !w.is_empty())
        .collect();
    let at = words.windows(2).position(|w| {
        (w[0] == "DROP" && words!["KEYSPACE", "TABLE", "COLUMNFAMILY"].contains(w[1]))
            || w[0] == "TRUNCATE"
    })?;
    let target = words
        .iter()
        .skip(at + 1)
        .find(|w| !words!["KEYSPACE", "TABLE", "COLUMNFAMILY", "IF", "EXISTS"].contains(**w))
        .map(|w| w.to_ascii_lowercase());
    Some(Hit {
        target,
        ..Hit::pair(command.program_span, arg.span)
    })
}

fn nodetool_clearsnapshot(command: &Command) -> Option<Hit> {
    let words = operands(
        command,
        words![
            "-h",
            "--host",
            "-p",
            "--port",
            "-u",
            "--username",
            "-pw",
            "--password",
            "-t",
            "--tag",
        ],
    );
    let verb = words.iter().find(|w| w.value == "clearsnapshot")?;
    let mut hit = Hit::pair(command.program_span, verb.span);
    if let Some(all) = find_flag(command, words!["--all"]) {
        hit.evidence.push(all.span);
    }
    hit.target_of(flag_value(command, "-t").or_else(|| flag_value(command, "--tag")));
    Some(hit)
}

const ETCD_VALUE_FLAGS: Words = words![
    "--endpoints",
    "--cacert",
    "--cert",
    "--key",
    "--user",
    "--password",
    "-w",
    "--write-out",
    "--command-timeout",
    "--dial-timeout",
    "--keepalive-time",
];

fn etcd_range_delete(command: &Command) -> Option<Hit> {
    let words = operands(command, ETCD_VALUE_FLAGS);
    let verb = words
        .first()
        .filter(|w| w.value == "del" || w.value == "delete")?;
    let range = find_flag(command, words!["--prefix", "--from-key"])?;
    let key = words.get(1);
    let mut hit = Hit::three(command.program_span, verb.span, range.span);
    if let Some(key) = key {
        hit.evidence.push(key.span);
        hit.target_of(Some(key));
        if words!["", "/", "/registry", "/registry/", "\0"].contains(key.value.as_str()) {
            hit.note("The key range is the whole keyspace (for a Kubernetes control plane, the entire cluster's state).");
        }
    }
    Some(hit)
}

pub static RULES: &[Rule] = &[
    Rule {
        text: rule_text!("mongo.drop-database", "Drops a MongoDB database", "The drop replicates to every replica-set member, and MongoDB silently recreates an empty database on the next write.", "every collection in it is gone unless restored from backup", "Confirm the database the connection string selects, and drop only the collections meant. Take a `mongodump` first.", ["Which database does the connection string select?", "Is there a `mongodump` of it from today?", "What applications use it?"], "mongodump --db={target} --out=backup-before-drop"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["mongosh", "mongo"], check: mongo_drop_database },
        #[cfg(test)]
        references: words!["https://www.mongodb.com/docs/manual/reference/method/db.dropDatabase/"],
        #[cfg(test)]
        examples: examples(&[
            "mongosh \"mongodb://db.prod:27017/shop\" --eval \"db.dropDatabase()\"",
            "mongo --quiet --eval 'db.getSiblingDB(\"analytics\").dropDatabase()'",
            "mongosh --quiet --eval='db.dropDatabase()' mongodb://localhost/orders_prod",
        ]),
        #[cfg(test)]
        counterexamples: examples(&["mongosh --eval 'db.stats()'", "mongodump --db shop", "echo 'db.dropDatabase()'"]),
    },
    Rule {
        text: rule_text!("mongo.drop-collection", "Drops a MongoDB collection", "MongoDB silently recreates the collection on the next write, without indexes or validation rules, so nothing visibly fails.", "its documents and indexes are gone unless restored from backup", "Rename the collection aside instead and drop it later, once nothing misses it. In `mongosh`: `db.{target}.renameCollection(\"{target}_old\")`.", ["Is there a dump of {target}?", "Which services read or write it?"], "mongodump --collection={target} --out=backup-before-drop"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["mongosh", "mongo"], check: mongo_drop_collection },
        #[cfg(test)]
        references: words!["https://www.mongodb.com/docs/manual/reference/method/db.collection.drop/"],
        #[cfg(test)]
        examples: examples(&[
            "mongosh shop --eval 'db.orders.drop()'",
            "mongosh --eval 'db.getCollection(\"sessions\").drop()'",
            "mongo app --eval 'db.getCollectionNames().forEach(c => db[c].drop())'",
        ]),
        #[cfg(test)]
        counterexamples: examples(&["mongosh --eval 'db.orders.dropIndex(\"status_1\")'", "mongosh --eval 'db.orders.find().limit(5)'"]),
    },
    Rule {
        text: rule_text!("mongo.delete-all", "Deletes every document of a MongoDB collection", "An empty filter (`{}`) matches every document, so `deleteMany({})` or `remove({})` empties the whole collection.", "every document in it is deleted, recoverable only from backup", "Write the filter for exactly the documents meant and check it with `countDocuments(filter)` first.", ["Was a filter meant to be here?", "Is there a recent backup of this collection?"], "mongosh --eval 'db.{target}.countDocuments({})'"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["mongosh", "mongo"], check: mongo_delete_all },
        #[cfg(test)]
        references: words!["https://www.mongodb.com/docs/manual/reference/method/db.collection.deleteMany/"],
        #[cfg(test)]
        examples: examples(&["mongosh app --eval 'db.users.deleteMany({})'", "mongo --eval \"db.sessions.remove( { } )\""]),
        #[cfg(test)]
        counterexamples: examples(&["mongosh --eval 'db.sessions.deleteMany({ expiresAt: { $lt: new Date() } })'", "mongosh --eval 'db.users.countDocuments({})'"]),
    },
    Rule {
        text: rule_text!("mongo.ttl-index", "Makes MongoDB delete old documents by itself", "A TTL index deletes every document older than its `expireAfterSeconds`, those already stored included, soon after it is built.", "documents older than the expiry are deleted for good", "Create the index without `expireAfterSeconds`, and agree how long the data is kept with the people who use it first.", ["Who needs documents older than the expiry?", "Is there a dump of the documents it would delete?"], "mongosh app --eval 'db.events.createIndex({createdAt: 1})'"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["mongosh", "mongo"], check: mongo_ttl_index },
        #[cfg(test)]
        references: words!["https://www.mongodb.com/docs/manual/core/index-ttl/"],
        #[cfg(test)]
        examples: examples(&[
            "mongosh app --eval 'db.events.createIndex({createdAt: 1}, {expireAfterSeconds: 2592000})'",
            "mongosh --eval 'db.runCommand({collMod: \"sessions\", index: {keyPattern: {lastSeen: 1}, expireAfterSeconds: 3600}})'",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "mongosh app --eval 'db.events.createIndex({restaurantId: 1, createdAt: -1})'",
            "mongosh app --eval 'db.events.getIndexes().filter(i => i.expireAfterSeconds)'",
        ]),
    },
    Rule {
        text: rule_text!("mongo.update-all", "Updates every document of a MongoDB collection", "An empty filter `{}` matches every document, and the oplog records only the new values.", "every document's fields are overwritten in place", "Narrow the filter to the documents meant, check it with `countDocuments(filter)`, and copy the affected fields first.", ["Was a filter meant to be here?", "Is there a copy of the values being overwritten?"], "mongosh --eval 'db.{target}.countDocuments({})'"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["mongosh", "mongo"], check: mongo_update_all },
        #[cfg(test)]
        references: words!["https://www.mongodb.com/docs/manual/reference/method/db.collection.updateMany/"],
        #[cfg(test)]
        examples: examples(&["mongosh app --eval 'db.users.updateMany({}, { $set: { plan: \"free\" } })'", "mongosh --eval 'db.orders.updateMany( {}, {$unset: {coupon: 1}})'"]),
        #[cfg(test)]
        counterexamples: examples(&["mongosh --eval 'db.users.updateMany({ plan: \"trial\" }, { $set: { plan: \"free\" } })'", "mongosh --eval 'db.users.find({})'"]),
    },
    Rule {
        text: rule_text!("mongo.restore-drop", "Restores a dump over live MongoDB collections", "`--drop` drops each live collection before loading the dump's copy; a dump from the wrong environment replaces live data.", "everything written since the dump was taken is lost", "Load into a new database with `--nsFrom`/`--nsTo`, compare, then switch; keep the live collections until verified.", ["How old is the dump, and what was written since?", "Which cluster does `--uri` or `--host` point at?"], "mongorestore --nsFrom='shop.*' --nsTo='shop_restored.*' dump/"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DeleteRecreate,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["mongorestore"],
            flags_all: words!["--drop"],
            target_flag: Some("--nsInclude"),
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://www.mongodb.com/docs/database-tools/mongorestore/#std-option-mongorestore.--drop"],
        #[cfg(test)]
        examples: examples(&["mongorestore --drop dump/", "mongorestore --uri mongodb://db.prod:27017 --drop --nsInclude 'shop.*' /backups/latest"]),
        #[cfg(test)]
        counterexamples: examples(&["mongorestore --nsFrom='shop.*' --nsTo='shop_restored.*' dump/", "mongodump --out dump/"]),
    },
    Rule {
        text: rule_text!("redis.flush", "Empties a Redis database", "`FLUSHALL` empties every numbered database; replicas follow, and with snapshots on, the empty dataset overwrites `dump.rdb` at once.", "every key goes, including sessions, queued jobs and unique data", "Check what else this Redis holds (`INFO keyspace`), then delete only the keys meant via `--scan --pattern`.", ["Is this Redis only a cache, or does it hold data?", "Which host and database number is this?"], "redis-cli info keyspace"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["redis-cli", "valkey-cli", "keydb-cli"], check: redis_flush },
        #[cfg(test)]
        references: words!["https://redis.io/docs/latest/commands/flushall/", "https://redis.io/docs/latest/commands/flushdb/"],
        #[cfg(test)]
        examples: examples(&["redis-cli flushall", "redis-cli -h cache.prod.internal -p 6379 FLUSHALL ASYNC", "redis-cli -n 2 flushdb", "redis-cli --cluster call 10.0.0.5:7000 FLUSHALL"]),
        #[cfg(test)]
        counterexamples: examples(&["redis-cli info keyspace", "redis-cli get flushall", "echo redis-cli flushall"]),
    },
    Rule {
        text: rule_text!("redis.delete-keys", "Deletes Redis keys", "Fed from a pattern scan, one command can delete millions of keys, and `*` also crosses `:` separators.", "caches refill, but lost sessions, locks and queues do not", "List the keys first (`--scan --pattern ... | head`), and prefer a short `EXPIRE` over deleting.", ["What do these keys hold: cache, sessions, queues?", "How many keys match the pattern?"], "redis-cli --scan --pattern '{target}' --count 100"),
        reversibility: R::Recoverable,
        scope: S::Local,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["redis-cli", "valkey-cli", "keydb-cli"], check: redis_delete_keys },
        #[cfg(test)]
        references: words!["https://redis.io/docs/latest/commands/del/"],
        #[cfg(test)]
        examples: examples(&["redis-cli del user:42:profile", "redis-cli --scan --pattern 'session:*' | xargs redis-cli unlink", "redis-cli -h cache.prod DEL feature_flags"]),
        #[cfg(test)]
        counterexamples: examples(&["redis-cli get user:42:profile", "redis-cli --scan --pattern 'session:*'"]),
    },
    Rule {
        text: rule_text!("redis.disable-persistence", "Turns off Redis persistence", "Nothing is lost at first, so it goes unnoticed; a primary restarting empty wipes its replicas too.", "the next restart or crash loses all its data", "Keep persistence on; for disk pressure, tune the snapshot schedule and persist it with `CONFIG REWRITE`.", ["Does anything in this Redis need to survive a restart?", "Why is persistence being switched off, and until when?"], "redis-cli config get save"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["redis-cli", "valkey-cli", "keydb-cli"], check: redis_disable_persistence },
        #[cfg(test)]
        references: words!["https://redis.io/docs/latest/operate/oss_and_stack/management/persistence/"],
        #[cfg(test)]
        examples: examples(&["redis-cli config set save \"\"", "redis-cli -h queue.prod CONFIG SET appendonly no"]),
        #[cfg(test)]
        counterexamples: examples(&["redis-cli config set appendonly yes", "redis-cli config get save", "redis-cli config set maxmemory 2gb"]),
    },
    Rule {
        text: rule_text!("redis.replicaof", "Makes a Redis server replicate another", "Run on the primary or against the wrong host, it loses live data; replicas are read-only, so writes fail.", "its whole dataset is replaced with the other server's", "Check the server's role with `INFO replication` and run `BGSAVE` before changing the role.", ["Which server is this, and is it the primary?", "Is there a fresh snapshot of its data?"], "redis-cli info replication"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DeleteRecreate,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["redis-cli", "valkey-cli", "keydb-cli"], check: redis_replicaof },
        #[cfg(test)]
        references: words!["https://redis.io/docs/latest/commands/replicaof/"],
        #[cfg(test)]
        examples: examples(&["redis-cli replicaof 10.0.0.12 6379", "redis-cli -h redis-a SLAVEOF redis-b 6379"]),
        #[cfg(test)]
        counterexamples: examples(&["redis-cli replicaof no one", "redis-cli info replication"]),
    },
    Rule {
        text: rule_text!("redis.shutdown-nosave", "Shuts Redis down without saving", "`NOSAVE` skips the final snapshot, so Redis restarts from the last saved `dump.rdb` and clients silently see older data.", "recent writes are lost, and clients are down until restart", "Use `SHUTDOWN SAVE` instead, so the data is written to disk first.", ["When was the last snapshot written?", "What uses this Redis while it is down?"], "redis-cli bgsave"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["redis-cli", "valkey-cli", "keydb-cli"], check: redis_shutdown_nosave },
        #[cfg(test)]
        references: words!["https://redis.io/docs/latest/commands/shutdown/"],
        #[cfg(test)]
        examples: examples(&["redis-cli shutdown nosave", "redis-cli -h cache1 SHUTDOWN NOSAVE FORCE"]),
        #[cfg(test)]
        counterexamples: examples(&["redis-cli shutdown save", "redis-cli bgsave"]),
    },
    Rule {
        text: rule_text!("search.delete-index", "Deletes a search index", "Only a snapshot brings it back, and reindexing can take hours; where allowed, a wildcard deletes every matching index.", "its documents are gone, emptying searches and dashboards", "Check the name matches exactly one index, and close it rather than delete it. Snapshot it first.", ["Is there a snapshot of {target}?", "How many indices does the name or pattern match?", "Which cluster does the URL point at?"], "curl -X GET 'http://localhost:9200/_cat/indices/NAME?v'"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["curl", "http", "https"], check: search_delete_index },
        #[cfg(test)]
        references: words!["https://www.elastic.co/guide/en/elasticsearch/reference/current/indices-delete-index.html"],
        #[cfg(test)]
        examples: examples(&[
            "curl -X DELETE http://localhost:9200/logs-2024.01",
            "curl -XDELETE 'https://es.prod.internal:9200/_all'",
            "curl --request DELETE \"http://opensearch:9200/orders,customers\"",
            "http DELETE :9200/products",
            "curl -X DELETE 'http://localhost:9200/_data_stream/logs-app'",
            "curl -X DELETE 'http://localhost:7700/indexes/movies' -H 'Authorization: Bearer $MEILI_KEY'",
            "curl -X DELETE 'https://APPID-dsn.algolia.net/1/indexes/products' -H 'X-Algolia-API-Key: x'",
            "curl -X DELETE 'http://localhost:8108/collections/companies' -H 'X-TYPESENSE-API-KEY: x'",
            "curl -s -u \"elastic:$ES_PASSWORD\" -X DELETE \"$ES_URL/logs-*\"",
        ]),
        #[cfg(test)]
        counterexamples: examples(&[
            "curl -X GET http://localhost:9200/_cat/indices",
            "curl -X DELETE https://api.example.com/users/42",
            "curl -X DELETE http://localhost:9200/orders/_doc/17",
            "curl -X GET 'http://localhost:7700/indexes/movies/stats'",
            "curl -X DELETE 'http://localhost:7700/keys/abc123'",
            "curl -X DELETE \"$API_URL/users/42\"",
        ]),
    },
    Rule {
        text: rule_text!("search.delete-snapshot", "Deletes a search-cluster backup snapshot", "Nobody notices until a restore is needed; a wildcard or comma-separated name deletes several snapshots in one request.", "the data it held can no longer be restored", "Let the lifecycle policy (SLM) expire old snapshots, keeping the newest good one per index.", ["Is this snapshot the only copy of any index?", "Does the name contain a wildcard or comma-separated list?"], "curl -X GET 'http://localhost:9200/_snapshot/NAME'"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["curl", "http", "https"], check: search_delete_snapshot },
        #[cfg(test)]
        references: words!["https://www.elastic.co/guide/en/elasticsearch/reference/current/delete-snapshot-api.html"],
        #[cfg(test)]
        examples: examples(&["curl -X DELETE http://localhost:9200/_snapshot/s3_backups/nightly-2024.06.01", "curl -XDELETE 'https://es.prod:9200/_snapshot/backups/snap-*'"]),
        #[cfg(test)]
        counterexamples: examples(&["curl -X GET http://localhost:9200/_snapshot/s3_backups/_all", "curl -X PUT http://localhost:9200/_snapshot/s3_backups/nightly"]),
    },
    Rule {
        text: rule_text!("search.delete-by-query", "Deletes search documents by query", "Batched deletes never roll back, so a failed run leaves a partial delete; only snapshots restore documents.", "every matching document is deleted; a broad query empties it", "Run the same query with `_count` first and check the number is expected. Snapshot the index first.", ["How many documents does the query match (`_count`)?", "Is there a snapshot of the index?"], "curl -X GET 'http://localhost:9200/NAME/_count'"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["curl", "http", "https"], check: search_delete_by_query },
        #[cfg(test)]
        references: words!["https://www.elastic.co/guide/en/elasticsearch/reference/current/docs-delete-by-query.html"],
        #[cfg(test)]
        examples: examples(&[
            "curl -X POST 'http://localhost:9200/logs/_delete_by_query' -H 'Content-Type: application/json' -d '{\"query\": {\"match_all\": {}}}'",
            "curl -XPOST https://es.prod:9200/orders/_delete_by_query?conflicts=proceed -d @query.json",
            "curl -X DELETE 'http://localhost:7700/indexes/movies/documents'",
            "curl -X POST 'https://APPID.algolia.net/1/indexes/products/clear' -H 'X-Algolia-API-Key: x'",
        ]),
        #[cfg(test)]
        counterexamples: examples(&["curl -X GET 'http://localhost:9200/logs/_count'", "curl -X POST 'http://localhost:9200/logs/_search' -d '{\"query\": {\"match_all\": {}}}'"]),
    },
    Rule {
        text: rule_text!("search.allow-wildcard-delete", "Allows deleting search indices by wildcard", "`action.destructive_requires_name` makes the cluster refuse `DELETE /*` and `DELETE /_all`; turning it off drops the guard for every client.", "one mistyped request can then delete every index", "Keep the guard on and delete indices by their exact names.", ["Why does the plan need wildcard deletes?", "When is the setting turned back on?"], "curl -X GET 'http://localhost:9200/_cluster/settings?include_defaults=true'"),
        reversibility: R::Reversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["curl", "http", "https"], check: search_allow_wildcard_delete },
        #[cfg(test)]
        references: words!["https://www.elastic.co/guide/en/elasticsearch/reference/current/index-management-settings.html"],
        #[cfg(test)]
        examples: examples(&["curl -X PUT 'http://localhost:9200/_cluster/settings' -H 'Content-Type: application/json' -d '{\"persistent\": {\"action.destructive_requires_name\": false}}'"]),
        #[cfg(test)]
        counterexamples: examples(&["curl -X PUT 'http://localhost:9200/_cluster/settings' -d '{\"persistent\": {\"action.destructive_requires_name\": true}}'", "curl http://localhost:9200/_cluster/settings"]),
    },
    Rule {
        text: rule_text!("kafka.delete-topic", "Deletes a Kafka topic", "Producers may recreate it with broker defaults for partitions and retention; a pattern name deletes every matching topic.", "every message in it is deleted, unread ones included", "Stop the producers and confirm every consumer group has caught up (`kafka-consumer-groups --describe`) before deleting.", ["Which consumers still read {target}, and are they caught up?", "Is this the production cluster (`--bootstrap-server`)?"], "kafka-topics --describe --topic NAME --bootstrap-server localhost:9092"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["kafka-topics", "confluent", "rpk"],
            check: kafka_delete_topic,
        },
        #[cfg(test)]
        references: words!["https://kafka.apache.org/documentation/#basic_ops_add_topic", "https://docs.redpanda.com/current/reference/rpk/rpk-topic/rpk-topic-delete/"],
        #[cfg(test)]
        examples: examples(&["kafka-topics --bootstrap-server kafka.prod:9092 --delete --topic orders", "kafka-topics.sh --delete --topic 'payments.*' --bootstrap-server localhost:9092", "rpk topic delete clickstream", "confluent kafka topic delete invoices --cluster lkc-123"]),
        #[cfg(test)]
        counterexamples: examples(&["kafka-topics --describe --topic orders --bootstrap-server localhost:9092", "kafka-topics --create --topic orders --partitions 6", "rpk topic list"]),
    },
    Rule {
        text: rule_text!("kafka.reset-offsets", "Moves a Kafka consumer group's position", "Kafka keeps no history of committed offsets, so only a saved copy restores them; reprocessing repeats emails or payments.", "its consumers reprocess old messages or skip some for good", "Save the current offsets with `--describe`, stop the consumers, and preview the reset without `--execute`.", ["Is it safe for these consumers to process messages twice?", "Are the current offsets saved?"], "kafka-consumer-groups --describe --group NAME --bootstrap-server localhost:9092"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["kafka-consumer-groups"],
            flags_all: words!["--reset-offsets", "--execute"],
            target_flag: Some("--group"),
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://kafka.apache.org/documentation/#basic_ops_consumer_group"],
        #[cfg(test)]
        examples: examples(&["kafka-consumer-groups --bootstrap-server kafka.prod:9092 --group billing --reset-offsets --to-earliest --topic invoices --execute", "kafka-consumer-groups.sh --reset-offsets --all-topics --to-latest --group etl --execute --bootstrap-server localhost:9092"]),
        #[cfg(test)]
        counterexamples: examples(&["kafka-consumer-groups --group billing --reset-offsets --to-earliest --topic invoices --dry-run", "kafka-consumer-groups --describe --group billing --bootstrap-server localhost:9092"]),
    },
    Rule {
        text: rule_text!("kafka.delete-consumer-group", "Deletes a Kafka consumer group or its offsets", "Restarted consumers follow `auto.offset.reset`: by default `latest`, silently skipping everything unread; `earliest` reprocesses all retained messages.", "its consumers lose their place, reprocessing or skipping messages", "Save the group's offsets with `--describe` first, and check nothing still uses it.", ["Does anything still consume with this group?", "Where will its consumers start if they come back?"], "kafka-consumer-groups --describe --group NAME --bootstrap-server localhost:9092"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["kafka-consumer-groups"],
            flags_any: words!["--delete", "--delete-offsets"],
            flags_none: words!["--reset-offsets"],
            target_flag: Some("--group"),
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://kafka.apache.org/documentation/#basic_ops_consumer_group"],
        #[cfg(test)]
        examples: examples(&["kafka-consumer-groups --bootstrap-server localhost:9092 --delete --group legacy-etl", "kafka-consumer-groups.sh --delete-offsets --group billing --topic invoices --bootstrap-server kafka:9092"]),
        #[cfg(test)]
        counterexamples: examples(&["kafka-consumer-groups --list --bootstrap-server localhost:9092", "kafka-consumer-groups --describe --group billing --bootstrap-server localhost:9092"]),
    },
    Rule {
        text: rule_text!("kafka.delete-records", "Deletes messages from Kafka partitions", "The start offset jumps forward, ignoring consumer positions; lagging consumers fall back to `auto.offset.reset`, by default skipping ahead.", "messages before the offsets are gone, unread ones included", "Check every consumer group is past those offsets (`kafka-consumer-groups --describe`), or let retention remove old messages.", ["Have all consumers read past these offsets?", "Does anyone need these messages for replay or audit?"], "kafka-consumer-groups --describe --all-groups --bootstrap-server localhost:9092"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::Command(&CommandPattern {
            programs: words!["kafka-delete-records"],
            target_flag: Some("--offset-json-file"),
            ..CommandPattern::ANY
        }),
        #[cfg(test)]
        references: words!["https://kafka.apache.org/documentation/#basic_ops_delete_records"],
        #[cfg(test)]
        examples: examples(&["kafka-delete-records --bootstrap-server kafka.prod:9092 --offset-json-file delete.json", "kafka-delete-records.sh --offset-json-file offsets.json --bootstrap-server localhost:9092"]),
        #[cfg(test)]
        counterexamples: examples(&["kafka-consumer-groups --describe --all-groups --bootstrap-server localhost:9092", "kafka-topics --list --bootstrap-server localhost:9092"]),
    },
    Rule {
        text: rule_text!("kafka.shrink-retention", "Shortens or removes a Kafka topic's retention", "New messages keep vanishing too; dropping the topic's retention or compaction falls back to the broker default, maybe shorter.", "its messages, unread ones too, go at the next clean-up", "Once every consumer has caught up, use `kafka-delete-records` with explicit offsets instead.", ["Have all consumers read what is in the topic?", "When is the retention setting restored?"], "kafka-configs --describe --entity-type topics --entity-name NAME --bootstrap-server localhost:9092"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn {
            programs: words!["kafka-configs", "kafka-topics"],
            check: kafka_shrink_retention,
        },
        #[cfg(test)]
        references: words!["https://kafka.apache.org/documentation/#topicconfigs_retention.ms"],
        #[cfg(test)]
        examples: examples(&["kafka-configs --bootstrap-server kafka.prod:9092 --alter --entity-type topics --entity-name orders --add-config retention.ms=1000", "kafka-configs.sh --alter --entity-type topics --entity-name events --add-config retention.ms=60000,cleanup.policy=delete --bootstrap-server localhost:9092", "kafka-configs --bootstrap-server localhost:9092 --alter --entity-type topics --entity-name ledger --delete-config retention.ms", "kafka-configs.sh --bootstrap-server kafka.prod:9092 --alter --entity-type topics --entity-name shipments --add-config retention.ms=86400000", "kafka-configs.sh --alter --entity-type topics --entity-name customer-addresses --add-config 'cleanup.policy=[compact,delete],retention.ms=1209600000'"]),
        #[cfg(test)]
        counterexamples: examples(&["kafka-configs --bootstrap-server kafka.prod:9092 --alter --entity-type topics --entity-name shipments --add-config retention.ms=1209600000", "kafka-configs --alter --entity-type topics --entity-name orders --add-config retention.ms=604800000", "kafka-configs --describe --entity-type topics --entity-name orders", "kafka-configs --alter --entity-type topics --entity-name orders --delete-config max.message.bytes", "kafka-configs --alter --entity-type topics --entity-name customer-addresses --add-config cleanup.policy=compact"]),
    },
    Rule {
        text: rule_text!("rabbitmq.delete-vhost", "Deletes a RabbitMQ virtual host", "A virtual host holds its own exchanges, bindings, policies and permissions; only an exported definitions file puts them back.", "its queues and messages are gone, and every application disconnects", "Export the definitions first (`rabbitmqctl export_definitions`), and check its queues are empty and nothing is connected.", ["Which applications connect to {target}?", "Are there messages still waiting in its queues?"], "rabbitmqctl list_queues -p {target} name messages consumers"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["rabbitmqctl", "rabbitmqadmin"], check: rabbit_delete_vhost },
        #[cfg(test)]
        references: words!["https://www.rabbitmq.com/docs/vhosts"],
        #[cfg(test)]
        examples: examples(&["rabbitmqctl delete_vhost /prod", "rabbitmqadmin -H mq.internal delete vhost name=orders"]),
        #[cfg(test)]
        counterexamples: examples(&["rabbitmqctl list_vhosts", "rabbitmqctl add_vhost /staging"]),
    },
    Rule {
        text: rule_text!("rabbitmq.delete-queue", "Deletes or purges a RabbitMQ queue", "Purged messages are not dead-lettered, and a deleted queue takes its bindings, so new messages route nowhere until redeclared.", "every message waiting in it is lost, new ones too", "Check how many messages wait, and let consumers drain the queue or shovel them elsewhere first.", ["How many messages are in {target}, and what are they?", "Who publishes to it, and what happens to their messages meanwhile?"], "rabbitmqctl list_queues name messages consumers"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["rabbitmqctl", "rabbitmqadmin"], check: rabbit_delete_queue },
        #[cfg(test)]
        references: words!["https://www.rabbitmq.com/docs/queues#deletion", "https://www.rabbitmq.com/docs/man/rabbitmqctl.8"],
        #[cfg(test)]
        examples: examples(&["rabbitmqctl purge_queue orders -p /prod", "rabbitmqctl delete_queue email-jobs", "rabbitmqadmin delete queue name=invoices"]),
        #[cfg(test)]
        counterexamples: examples(&["rabbitmqctl list_queues name messages", "rabbitmqadmin declare queue name=invoices durable=true"]),
    },
    Rule {
        text: rule_text!("rabbitmq.reset-node", "Resets a RabbitMQ node to empty", "`force_reset` skips the cluster's agreement, so the remaining nodes may still list it as a member.", "it leaves its cluster, losing every queue, user and message", "Export the definitions and move messages off first, then remove it with `forget_cluster_node` from another node.", ["Which node is this, and does any queue live only here?", "Are the broker's definitions exported?"], "rabbitmqctl cluster_status"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["rabbitmqctl"], check: rabbit_reset_node },
        #[cfg(test)]
        references: words!["https://www.rabbitmq.com/docs/man/rabbitmqctl.8#reset"],
        #[cfg(test)]
        examples: examples(&["rabbitmqctl stop_app && rabbitmqctl reset", "rabbitmqctl -n rabbit@mq2 force_reset"]),
        #[cfg(test)]
        counterexamples: examples(&["rabbitmqctl cluster_status", "rabbitmqctl start_app"]),
    },
    Rule {
        text: rule_text!("rabbitmq.remove-access", "Deletes a RabbitMQ user or clears its permissions", "A deleted user must be recreated with its password, tags and permissions before any client can log in again.", "applications using it are refused, and messages pile up", "Move the user's connections (`rabbitmqctl list_connections user`) to a new user before removing the old one.", ["Which applications connect as {target}?", "Is the replacement user in place?"], "rabbitmqctl list_connections user name"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["rabbitmqctl", "rabbitmqadmin"], check: rabbit_remove_access },
        #[cfg(test)]
        references: words!["https://www.rabbitmq.com/docs/access-control"],
        #[cfg(test)]
        examples: examples(&["rabbitmqctl delete_user deployer", "rabbitmqctl clear_permissions -p /prod ci-bot", "rabbitmqadmin delete user name=legacy"]),
        #[cfg(test)]
        counterexamples: examples(&["rabbitmqctl list_users", "rabbitmqctl set_permissions -p /prod ci-bot '.*' '.*' '.*'"]),
    },
    Rule {
        text: rule_text!("rabbitmq.delete-exchange", "Deletes a RabbitMQ exchange or binding", "Publishing to a missing exchange closes the channel, and unroutable messages are dropped unless the publisher sets `mandatory`.", "messages sent to it are refused or dropped until recreated", "Export the definitions first (`rabbitmqctl export_definitions`) and check nothing publishes to the exchange.", ["Which applications publish to {target}?", "Which queues are bound to it?"], "rabbitmqctl list_exchanges name type"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["rabbitmqadmin"], check: rabbit_delete_exchange },
        #[cfg(test)]
        references: words!["https://www.rabbitmq.com/docs/exchanges"],
        #[cfg(test)]
        examples: examples(&["rabbitmqadmin delete exchange name=events", "rabbitmqadmin -V /prod delete binding source=orders destination=billing destination_type=queue"]),
        #[cfg(test)]
        counterexamples: examples(&["rabbitmqadmin list exchanges", "rabbitmqadmin declare exchange name=events type=topic"]),
    },
    Rule {
        text: rule_text!("nats.delete-stream", "Deletes or purges a JetStream stream or bucket", "Deleting a stream also removes its consumers and their positions; KV buckets and object stores are streams underneath.", "every message, key or object in it is deleted", "To remove only part, purge by subject or sequence. Back up the stream first (`nats stream backup`).", ["What is stored in {target}, and does anything still consume it?", "Is there a backup of it?"], "nats stream info {target}"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["nats"], check: nats_delete_stream },
        #[cfg(test)]
        references: words!["https://docs.nats.io/nats-concepts/jetstream/streams"],
        #[cfg(test)]
        examples: examples(&["nats stream rm ORDERS -f", "nats stream purge PAYMENTS --force", "nats kv rm SESSIONS", "nats kv purge CONFIG api-key"]),
        #[cfg(test)]
        counterexamples: examples(&["nats stream info ORDERS", "nats stream add ORDERS --subjects 'orders.*'", "nats kv get SESSIONS user42"]),
    },
    Rule {
        text: rule_text!("nats.delete-consumer", "Deletes a NATS JetStream consumer", "A recreated consumer follows its deliver policy, by default the stream's start, so it reprocesses everything retained.", "its application stops receiving messages, and its position is lost", "Check nothing uses it, and note its delivered sequence (`nats consumer info`) first.", ["Does any application still read through this consumer?", "Where will a recreated consumer start?"], "nats consumer info {target}"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["nats"], check: nats_delete_consumer },
        #[cfg(test)]
        references: words!["https://docs.nats.io/nats-concepts/jetstream/consumers"],
        #[cfg(test)]
        examples: examples(&["nats consumer rm ORDERS billing -f", "nats con delete PAYMENTS CONSUMER2"]),
        #[cfg(test)]
        counterexamples: examples(&["nats consumer info ORDERS billing", "nats consumer ls ORDERS"]),
    },
    Rule {
        text: rule_text!("cassandra.drop-data", "Drops or truncates a Cassandra keyspace or table", "With the default `auto_snapshot: true` each node snapshots the data first; restoring means copying files back node by node.", "every row in it is deleted on every node", "Confirm `auto_snapshot` is on in `cassandra.yaml`. Take a named snapshot first with `nodetool snapshot -t`.", ["Is `auto_snapshot` on in this cluster?", "Which applications read {target}?"], "nodetool snapshot -t before-drop {target}"),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["cqlsh"], check: cqlsh_drop },
        #[cfg(test)]
        references: words!["https://cassandra.apache.org/doc/latest/cassandra/developing/cql/ddl.html"],
        #[cfg(test)]
        examples: examples(&["cqlsh cassandra.prod -e 'DROP KEYSPACE analytics;'", "cqlsh -e \"TRUNCATE shop.orders\""]),
        #[cfg(test)]
        counterexamples: examples(&["cqlsh -e 'DESCRIBE KEYSPACES'", "cqlsh -e 'SELECT * FROM shop.orders LIMIT 10'"]),
    },
    Rule {
        text: rule_text!("cassandra.clear-snapshots", "Deletes Cassandra backup snapshots", "Without `-t`, `clearsnapshot` (`--all` since 4.0) removes every snapshot on the node, including automatic ones taken before each DROP.", "local backups are gone, so a mistaken drop is final", "Clear only a named, outdated snapshot (`-t name`) after confirming a newer backup exists elsewhere.", ["Is there a newer backup stored off the node?", "Was any table dropped or truncated here recently?"], "nodetool listsnapshots"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::DisableSafety,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["nodetool"], check: nodetool_clearsnapshot },
        #[cfg(test)]
        references: words!["https://cassandra.apache.org/doc/latest/cassandra/managing/tools/nodetool/clearsnapshot.html"],
        #[cfg(test)]
        examples: examples(&["nodetool clearsnapshot --all", "nodetool -h cass1.prod clearsnapshot -t before-migration"]),
        #[cfg(test)]
        counterexamples: examples(&["nodetool listsnapshots", "nodetool snapshot -t before-migration shop"]),
    },
    Rule {
        text: rule_text!("etcd.delete-range", "Deletes a range of etcd keys", "`--prefix` matches by string, so a short prefix covers far more; a snapshot restore also rolls back other keys.", "its keys are gone, possibly the whole Kubernetes cluster state", "List the keys (`etcdctl get --prefix --keys-only`) and delete them by exact name. Run `etcdctl snapshot save` first.", ["How many keys does the range cover?", "Is there an `etcdctl snapshot` from today?"], "etcdctl get {target} --prefix --keys-only"),
        reversibility: R::Irreversible,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Delete,
        floor: None,
        matcher: Matcher::CommandFn { programs: words!["etcdctl"], check: etcd_range_delete },
        #[cfg(test)]
        references: words!["https://etcd.io/docs/latest/dev-guide/interacting_v3/#delete-keys"],
        #[cfg(test)]
        examples: examples(&["etcdctl del \"\" --prefix", "ETCDCTL_API=3 etcdctl --endpoints=https://10.0.0.5:2379 del /registry/deployments --prefix"]),
        #[cfg(test)]
        counterexamples: examples(&["etcdctl get /registry --prefix --keys-only", "etcdctl del /config/feature-x"]),
    },
    Rule {
        text: rule_text!("kafka.reset-offsets-described", "Moves consumers' position in a stream", "Offsets keep no history, so the old position returns only if saved first; reprocessing repeats emails or payments.", "consumers reprocess old messages, or skip some for good", "Save the group's current offsets, stop its consumers, and preview the new offsets first.", ["Is it safe for the consumers to process messages twice?", "Are the current offsets saved?"], "Describe the consumer group and save its current offsets."),
        reversibility: R::Recoverable,
        scope: S::Shared,
        reach: Reach::Environment,
        action: Action::Change,
        floor: None,
        matcher: Matcher::Prose(&ProsePattern {
            verbs: words!["reset*", "rewind*", "mov*", "set*", "skip*"],
            objects: words!["offset", "offsets"],
            also: words!["consumer*", "kafka", "group", "groups", "topic*", "partition*", "stream*"],
            window: 6,
            leading: false,
            unless: words![],
        }),
        #[cfg(test)]
        references: words!["https://kafka.apache.org/documentation/#basic_ops_consumer_group"],
        #[cfg(test)]
        examples: examples(&["1. Reset the billing consumer group offsets to earliest.", "- Rewind the consumer offsets for the invoices topic by one day."]),
        #[cfg(test)]
        counterexamples: examples(&["1. Describe the consumer group offsets.", "1. Do not reset the offsets of the billing group.", "1. Set the image offset to 10 pixels."]),
    },
];
