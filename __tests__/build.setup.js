// The CLI tests run the real binary; build it first so they never test a stale bundle (the build
// skips itself when dist/ was built from the sources as they are: scripts/stamp.mjs).
// Every folder a test makes goes under one root for the run (TMPDIR, which os.tmpdir() and the
// binaries the tests start both read), and the teardown removes that root.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function buildOnce() {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  const root = mkdtempSync(join(tmpdir(), 'zcopy-tests-'));
  process.env.ZCOPY_TEST_ROOT = root;
  process.env.TMPDIR = root;
}
