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
const { main } = loadBundle(isatty(0) && isatty(1) ? 'screen' : 'print').exports;
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
