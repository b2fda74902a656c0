// The CLI tests run the real binary; build it first so they never test a stale bundle.
import { execFileSync } from 'node:child_process';

export default function buildOnce() {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}
