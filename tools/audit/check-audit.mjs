// Fails (exit 1) when `npm audit --omit=dev` reports a high or critical vulnerability in what
// ships (production dependencies). When the registry offers no audit endpoint (some mirrors
// and proxies answer 405), says so and exits 2, or 0 with AUDIT_ALLOW_UNAVAILABLE=1.
//
//   node tools/audit/check-audit.mjs
import { spawnSync } from 'node:child_process';

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  report = { message: run.stderr || 'npm audit printed no JSON' };
}

const counts = report.metadata?.vulnerabilities;
if (!counts) {
  const why = report.message ?? report.error?.summary ?? 'unknown error';
  console.error(`npm audit could not run: ${why}`);
  process.exit(process.env.AUDIT_ALLOW_UNAVAILABLE === '1' ? 0 : 2);
}

const serious = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(
  `npm audit --omit=dev: ${counts.critical ?? 0} critical, ${counts.high ?? 0} high, ` +
    `${counts.moderate ?? 0} moderate, ${counts.low ?? 0} low`,
);
for (const [name, v] of Object.entries(report.vulnerabilities ?? {})) {
  if (v.severity === 'high' || v.severity === 'critical') {
    console.log(`  ${v.severity}: ${name} ${v.range} (fix: ${JSON.stringify(v.fixAvailable)})`);
  }
}
process.exit(serious === 0 ? 0 : 1);
