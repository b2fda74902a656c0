#!/usr/bin/env node
'use strict';
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { isatty } = require('node:tty');
const { loadBundle } = require('./load-bundle.js');

// A reader that stops early (`zcopy list | head -1`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}

const root = join(__dirname, '..');
// Asked of the file descriptors, not of process.stdin, whose stream costs milliseconds to make and
// that a printing command never reads.
let main;
try {
  ({ main } = loadBundle(isatty(0) && isatty(1) ? 'screen' : 'print').exports);
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
  // A clone where the build has not run (npm ci runs it): one line, not a stack.
  process.stderr.write(`zcopy: ${error.path} is missing; run npm run build (npm ci runs it)\n`);
  process.exit(70);
}
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
main({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: process.stdout,
  get stdin() {
    return process.stdin;
  },
  stderr: process.stderr,
  lessonsDir: join(root, 'lessons/'),
  catalogCache: join(root, 'dist/lessons/'),
  version,
}).then((code) => {
  process.exitCode = code;
});
