import { describe, expect, test } from '@jest/globals';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers/cli.js';

// docs/MODEL.md is the reference the engine follows: it is in the repository, and what the code,
// the lessons and the tests cite of it is there to be read.
const reference = readFileSync(join(ROOT, 'docs', 'MODEL.md'), 'utf8');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('docs/MODEL.md, the reference', () => {
  const citing = [...['src', 'lessons', 'challenges', '__tests__'].flatMap((d) => filesUnder(join(ROOT, d))), join(ROOT, 'README.md')].filter((f) => /\.(ts|tsx|md|yaml)$/.test(f));
  const quoted = citing.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/docs\/MODEL\.md[^"\n]{0,12}"([^"\n]+)"/g)].map((m) => ({ file: file.slice(ROOT.length + 1), quote: m[1] })));

  test('every passage quoted from it is in it', () => {
    expect(quoted.length).toBeGreaterThan(20);
    for (const q of quoted) expect({ ...q, found: reference.includes(q.quote) }).toEqual({ ...q, found: true });
  });

  test('nothing cites the copy outside the repository', () => {
    for (const file of citing) expect({ file, outside: /\.\.\/shared\/MODEL\.md/.test(readFileSync(file, 'utf8')) }).toEqual({ file, outside: false });
  });

  test('it states the rules this engine adds to the contracts', () => {
    for (const heading of ['## What a system call may do', '## What the engine also enforces', "## The kernel's limits on a chunk"]) expect(reference).toContain(heading);
  });
});
