// Plans the browser tests and the benchmark type or paste: realistic steps of the kinds an
// agent proposes, repeated to the wanted length.
// @ts-check

const STEPS = [
  'Check the current state of the service in us-east-1.',
  'Delete and recreate the production environment from the template.',
  'Run `terraform destroy -auto-approve` in envs/staging.',
  'Back up the orders database with `pg_dump orders > orders.sql`.',
  'Verify the service is healthy and tell the on-call engineer.',
  'Run `git push --force origin main`.',
  'Run `kubectl --context prod delete namespace payments`.',
  'Run `rm -rf ./build && npm ci && npm test`.',
  'Clean up the old stuff.',
  "Run `psql -h prod-db -c 'DROP TABLE users;'`.",
];

/** A numbered plan of `steps` steps. */
function planOf(steps) {
  const lines = [];
  for (let i = 1; i <= steps; i += 1) lines.push(`${i}. ${STEPS[(i - 1) % STEPS.length]}`);
  return `${lines.join('\n')}\n`;
}

module.exports = { planOf, STEPS };
