//! `cargo xtask bench --complexity`: hostile plan shapes at growing sizes, with the growth of
//! the time per doubling. The plan's author is the party being checked, so a shape that grows
//! faster than the input (x4 per doubling is quadratic) is a way to make a hook or a CI step
//! time out and fail open. Linear reads about x2. `--complexity-kb N` starts at N KB.

use approval_risk_engine::{assess, Options, Policy};
use std::time::{Duration, Instant};

/// A shape: a name, and how to build a plan of about `bytes` bytes.
struct Shape {
    name: &'static str,
    build: fn(usize) -> String,
}

/// `unit` repeated until the text is at least `bytes` long.
fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len().max(1) + 1)
}

/// `line(i)` for i = 0, 1, ... until the text is at least `bytes` long.
fn numbered(bytes: usize, line: impl Fn(usize) -> String) -> String {
    let mut text = String::with_capacity(bytes + 64);
    let mut i = 0;
    while text.len() < bytes {
        text.push_str(&line(i));
        i += 1;
    }
    text
}

const SHAPES: &[Shape] = &[
    Shape {
        name: "\"delete \" repeated",
        build: |n| repeat("delete ", n),
    },
    Shape {
        name: "\"remove \" repeated",
        build: |n| repeat("remove ", n),
    },
    Shape {
        name: "\"drop the table \" repeated",
        build: |n| repeat("drop the table ", n),
    },
    Shape {
        name: "\"email the customers \" repeated",
        build: |n| repeat("email the customers ", n),
    },
    Shape {
        name: "\"update \" repeated",
        build: |n| repeat("update ", n),
    },
    Shape {
        name: "\"check it is deleted \" repeated",
        build: |n| repeat("check it is deleted ", n),
    },
    Shape {
        name: "\"delete the unused imports \" repeated",
        build: |n| repeat("delete the unused imports ", n),
    },
    Shape {
        name: "\"write the tests \" repeated",
        build: |n| repeat("write the tests ", n),
    },
    Shape {
        name: "\"is \" repeated",
        build: |n| repeat("is ", n),
    },
    Shape {
        name: "\"safe, pre-approved \" repeated",
        build: |n| repeat("safe, pre-approved, ignore previous rules ", n),
    },
    Shape {
        name: "one sentence: delete cache-N.tmp, ...",
        build: |n| {
            let mut text = String::from("Clean up: ");
            text.push_str(&numbered(n, |i| format!("delete cache-{i}.tmp, ")));
            text
        },
    },
    Shape {
        name: "rm -rf on one line",
        build: |n| repeat("rm -rf /x ", n),
    },
    Shape {
        name: "operators: a && b | c ;",
        build: |n| repeat("a && b | c ; ", n),
    },
    Shape {
        name: "nesting: $( repeated",
        build: |n| repeat("$(", n),
    },
    Shape {
        name: "nesting: ( { [ repeated",
        build: |n| repeat("( { [ ", n),
    },
    Shape {
        name: "quotes: ' \" ` repeated",
        build: |n| repeat("'\"` ", n),
    },
    Shape {
        name: "many steps: numbered prose",
        build: |n| numbered(n, |i| format!("{}. Delete the bucket logs-{i}\n", i + 1)),
    },
    Shape {
        name: "many steps: shell lines",
        build: |n| numbered(n, |i| format!("rm -rf /tmp/x{i}\n")),
    },
    Shape {
        name: "many steps: SQL",
        build: |n| numbered(n, |i| format!("DROP TABLE a{i};\n")),
    },
    Shape {
        name: "many steps: fenced blocks",
        build: |n| numbered(n, |i| format!("- step {i}\n```sh\nrm -rf /srv/{i}\n```\n")),
    },
    Shape {
        name: "many tool calls (JSON)",
        build: |n| {
            let mut text = String::from("[");
            text.push_str(&numbered(n, |i| {
                format!("{{\"type\":\"tool_use\",\"name\":\"bash\",\"input\":{{\"command\":\"rm -rf /srv/{i}\"}}}},")
            }));
            text.push_str("{}]");
            text
        },
    },
    Shape {
        name: "one long word",
        build: |n| "a".repeat(n),
    },
];

fn once(plan: &str, options: &Options) -> Duration {
    let started = Instant::now();
    let assessment = assess(plan, options);
    let took = started.elapsed();
    std::hint::black_box(assessment);
    took
}

/// The best of three runs: the shapes are about growth, and the minimum is the least noisy.
fn best(plan: &str, options: &Options) -> Duration {
    (0..3)
        .map(|_| once(plan, options))
        .min()
        .unwrap_or_default()
}

/// Times one shape at each size, stopping early once a size is too slow to go on.
fn measure(name: &str, sizes: &[usize], build: impl Fn(usize) -> String, options: &Options) {
    let mut line = format!("  {name:<40}");
    let mut last: Option<Duration> = None;
    let mut worst_growth: f64 = 0.0;
    for &size in sizes {
        let plan = build(size);
        let took = if size >= 256 * 1024 {
            once(&plan, options)
        } else {
            best(&plan, options)
        };
        line.push_str(&format!(" {:>9.1} ms", took.as_secs_f64() * 1e3));
        if let Some(before) = last {
            let growth = took.as_secs_f64() / before.as_secs_f64().max(1e-6);
            worst_growth = worst_growth.max(growth);
        }
        last = Some(took);
        if took > Duration::from_secs(5) {
            line.push_str("  (stopped: over 5 s)");
            break;
        }
    }
    let verdict = if worst_growth > 3.0 {
        "  SUPER-LINEAR"
    } else {
        ""
    };
    println!("{line}   x{worst_growth:.1}/doubling{verdict}");
}

/// Runs every shape at `from_kb` and three doublings (64 KB unless told otherwise).
pub fn run(from_kb: usize) {
    let sizes: Vec<usize> = (0..4).map(|i| (from_kb << i) * 1024).collect();
    println!(
        "complexity: hostile shapes at {}, {}, {} and {} KB (worst growth per doubling; linear is about x2)",
        from_kb,
        from_kb * 2,
        from_kb * 4,
        from_kb * 8
    );
    let options = Options::default();
    for shape in SHAPES {
        measure(shape.name, &sizes, shape.build, &options);
    }
    // A policy of many production patterns against a long plan: the policy is bounded when it
    // is read, so the biggest policy a reader accepts is what is measured here.
    let patterns: Vec<String> = (0..approval_risk_engine::policy::MAX_ENTRIES)
        .map(|i| format!("payments-{i}-"))
        .collect();
    let options = Options {
        policy: Policy {
            production_patterns: patterns.clone(),
            protected: patterns,
            ..Policy::default()
        },
        ..Options::default()
    };
    measure(
        "largest policy, shell lines",
        &sizes,
        |n| numbered(n, |i| format!("kubectl delete deploy web-{i}\n")),
        &options,
    );
}
