#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// A reader that stops early (`zcopy list | head -1`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

const root = new URL('../', import.meta.url);
const { main } = await import('../dist/cli.js');
const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
process.exitCode = await main({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: process.stdout,
  stdin: process.stdin,
  stderr: process.stderr,
  lessonsDir: fileURLToPath(new URL('lessons/', root)),
  catalogCache: fileURLToPath(new URL('dist/lessons/', root)),
  version,
});
