// Prints the closing `N passed, N failed` line that CI reads, from the vitest and Playwright JSON
// reports of one `npm test` run. A stage that failed without a report that shows its failure (lint,
// typecheck, build, a test runner that crashed) counts as one failed.
//
// Usage: node scripts/ci-summary.mjs --exit-code <npm test's exit code> [--log <npm test output>]
//        [--vitest .tmp/vitest.json] [--playwright .tmp/playwright.json]
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    'exit-code': { type: 'string', default: '0' },
    log: { type: 'string' },
    vitest: { type: 'string', default: '.tmp/vitest.json' },
    playwright: { type: 'string', default: '.tmp/playwright.json' },
  },
});

/** The scripts `npm test` runs, in order (package.json "test"). */
const STAGES = ['lint', 'typecheck', 'test:unit', 'build', 'test:e2e'];

function readJson(file) {
  if (!file || !existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function vitestCounts(report) {
  if (!report) return null;
  let failed = report.numFailedTests ?? 0;
  // A test file that failed to load has no test results of its own but is still a failure.
  for (const file of report.testResults ?? []) {
    if (file.status === 'failed' && (file.assertionResults ?? []).length === 0) failed += 1;
  }
  return { passed: report.numPassedTests ?? 0, failed };
}

function playwrightCounts(report) {
  if (!report?.stats) return null;
  const { expected = 0, unexpected = 0, flaky = 0 } = report.stats;
  // Errors outside tests (webServer failed to start, a spec that does not compile).
  const errors = (report.errors ?? []).length;
  return { passed: expected + flaky, failed: unexpected + errors };
}

/** The stage npm was running when `npm test` stopped: the last `> pkg@version <script>` banner in its output. */
function lastStage(logFile) {
  if (!logFile || !existsSync(logFile)) return null;
  let stage = null;
  for (const line of readFileSync(logFile, 'utf8').split('\n')) {
    const match = /^> \S+@\S+ (\S+)$/.exec(line.trim());
    if (match && STAGES.includes(match[1])) stage = match[1];
  }
  return stage;
}

const exitCode = Number(values['exit-code']);
const unit = vitestCounts(readJson(values.vitest));
const e2e = playwrightCounts(readJson(values.playwright));

let passed = (unit?.passed ?? 0) + (e2e?.passed ?? 0);
let failed = (unit?.failed ?? 0) + (e2e?.failed ?? 0);
const notes = [];

if (exitCode !== 0) {
  const stage = lastStage(values.log);
  const reported = stage === 'test:unit' ? unit : stage === 'test:e2e' ? e2e : null;
  if (!reported || reported.failed === 0) {
    failed += 1;
    notes.push(`stage "${stage ?? 'unknown'}" failed (exit code ${exitCode})`);
  }
  const stopped = stage ? STAGES.slice(STAGES.indexOf(stage) + 1) : [];
  if (stopped.length > 0) notes.push(`not run: ${stopped.join(', ')}`);
} else if (!unit || !e2e) {
  // npm test succeeded but a report is missing: the summary would under-count, so say so and fail.
  failed += 1;
  notes.push(`missing report: ${[!unit && values.vitest, !e2e && values.playwright].filter(Boolean).join(', ')}`);
}

if (notes.length > 0) console.log(`CI: ${notes.join('; ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || exitCode !== 0 ? 1 : 0);
