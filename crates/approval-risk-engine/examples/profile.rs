//! Assesses a mixed plan repeatedly, for profilers (`valgrind --tool=callgrind`).
fn main() {
    let steps: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(2000);
    let lines = [
        "1. Check the current state of the service in us-east-1.",
        "2. Delete and recreate the production environment from the template.",
        "3. Run `terraform destroy -auto-approve` in envs/staging.",
        "4. Back up the orders database with pg_dump.",
        "5. Verify the service is healthy and tell the on-call engineer.",
        "6. git push --force origin main",
        "7. kubectl --context prod delete namespace payments",
        "8. rm -rf ./build && npm ci && npm test",
        "9. Clean up the old stuff.",
        "10. psql -h prod-db -c 'DROP TABLE users;'",
    ];
    let plan: String = (0..steps)
        .map(|i| format!("{}\n", lines[i % lines.len()]))
        .collect();
    let a = approval_risk_engine::assess(&plan, &Default::default());
    println!("{}", a.verdict);
}
