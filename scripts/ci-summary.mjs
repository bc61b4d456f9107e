// Reads the test runners' JSON reports and prints the closing line CI reads:
// "tests: N passed, N failed". Exits 1 when a report is missing or anything failed.
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? '.ci-results';
let passed = 0;
let failed = 0;
let problems = 0;

function read(file) {
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) return null;
  return JSON.parse(fs.readFileSync(full, 'utf8'));
}

const vitest = read('vitest.json');
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  failed += (vitest.numFailedTests ?? 0);
  // A file that fails to load has no failed test but is a failure all the same.
  failed += (vitest.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
  console.log(`vitest: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed, ${vitest.numPendingTests ?? 0} skipped`);
} else {
  console.log('vitest: no report');
  problems += 1;
}

if (fs.existsSync('scripts/e2e.mjs')) {
  const pw = read('playwright.json');
  if (pw) {
    const s = pw.stats ?? {};
    passed += (s.expected ?? 0) + (s.flaky ?? 0);
    failed += s.unexpected ?? 0;
    console.log(`playwright: ${s.expected ?? 0} passed, ${s.unexpected ?? 0} failed, ${s.flaky ?? 0} flaky, ${s.skipped ?? 0} skipped`);
    if ((pw.errors ?? []).length > 0) problems += pw.errors.length;
  } else {
    console.log('playwright: no report');
    problems += 1;
  }
}

failed += problems;
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
