import { describe, expect, test } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT } from './helpers/cli.js';

interface Patch {
  file: string;
  find: string;
  apply: (source: string, find: string) => string;
}
interface Metafile {
  inputs: Record<string, { imports: { path: string }[] }>;
}
// A script of the build, not a module of zcopy: imported by path, so the type checker does not
// look for declarations of it.
const patches = (await import(join(ROOT, 'scripts/patches.mjs'))) as {
  PATCHED_PACKAGES: string[];
  SOURCE_PATCHES: Patch[];
  packageFile: (file: string) => string;
  patchProblems: () => string[];
  bundleProblems: (metafile: Metafile, applied: Set<Patch>) => string[];
  notAscii: (name: string, text: string) => string[];
};

const stamp = (await import(join(ROOT, 'scripts/stamp.mjs'))) as {
  inputsHash: (root: string) => string;
  writeStamp: (root: string, out: string, inputs: string) => void;
  isFresh: (root: string, out: string) => boolean;
};

describe('the build stamp: a jest run skips the build only while dist/ is what the sources make', () => {
  test('any edit to an input, a new or removed one, or a changed or missing output means building again', () => {
    const root = mkdtempSync(join(tmpdir(), 'zcopy-stamp-'));
    const out = join(root, 'dist');
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write('src/cli/main.ts', 'export {};');
    write('lessons/sendfile.yaml', 'id: sendfile');
    write('scripts/build.mjs', '// build');
    write('package-lock.json', '{}');
    write('dist/cli.cjs', 'bundle');
    write('dist/cli.print.cache', 'cache');
    write('dist/lessons/index.json', '{}');
    const build = () => stamp.writeStamp(root, out, stamp.inputsHash(root));

    expect(stamp.isFresh(root, out)).toBe(false);
    build();
    expect(stamp.isFresh(root, out)).toBe(true);

    for (const [path, edit] of [
      ['src/cli/main.ts', 'export const x = 1;'],
      ['lessons/sendfile.yaml', 'id: sendfile2'],
      ['scripts/build.mjs', '// build, changed'],
      ['package-lock.json', '{"lockfileVersion": 3}'],
    ]) {
      const was = readFileSync(join(root, path), 'utf8');
      write(path, edit);
      expect(`${path}: ${stamp.isFresh(root, out)}`).toBe(`${path}: false`);
      write(path, was);
      expect(`${path} as it was: ${stamp.isFresh(root, out)}`).toBe(`${path} as it was: true`);
    }

    write('src/new.ts', 'export {};');
    expect(stamp.isFresh(root, out)).toBe(false);
    build();
    rmSync(join(root, 'src/new.ts'));
    expect(stamp.isFresh(root, out)).toBe(false);
    build();

    write('dist/cli.print.cache', 'cache, changed');
    expect(stamp.isFresh(root, out)).toBe(false);
    build();
    rmSync(join(root, 'dist/lessons/index.json'));
    expect(stamp.isFresh(root, out)).toBe(false);
    build();
    write('dist/cli.screen.cache', 'made since');
    expect(stamp.isFresh(root, out)).toBe(false);
    build();

    // The dev tools' builds write dist/dev/; the CLI's bundle is no staler for it.
    write('dist/dev/bench-redraw.js', 'dev');
    expect(stamp.isFresh(root, out)).toBe(true);
    rmSync(root, { recursive: true });
  });
});

describe('what the build patches in the packages it bundles', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));

  test('is pinned: each patched package at one exact version, the one locked and installed', () => {
    for (const name of patches.PATCHED_PACKAGES) {
      const wanted = pkg.dependencies[name] ?? pkg.devDependencies[name];
      expect(`${name}@${wanted}`).toMatch(/@\d+\.\d+\.\d+$/);
      expect(`${name}@${lock.packages[`node_modules/${name}`].version}`).toBe(`${name}@${wanted}`);
      const installed = JSON.parse(readFileSync(patches.packageFile(`${name}/package.json`), 'utf8')).version;
      expect(`${name}@${installed}`).toBe(`${name}@${wanted}`);
    }
  });

  test('still applies: every text to replace is found once in the installed source', () => {
    expect(patches.patchProblems()).toEqual([]);
    for (const p of patches.SOURCE_PATCHES) {
      const source = readFileSync(patches.packageFile(p.file), 'utf8');
      expect(p.apply(source, p.find)).not.toBe(source);
    }
  });

  test('is in the bundle: yargs neither caches help after a command, nor loads node:assert, nor looks for its translations in dist/', () => {
    const bundle = readFileSync(join(ROOT, 'dist/cli.cjs'), 'utf8');
    expect(bundle).toContain('YargsInstance');
    expect(bundle).not.toContain('.cacheHelpMessage()');
    expect(bundle).not.toMatch(/from\s*"assert"|require\("assert"\)\.(not)?[sS]trictEqual/);
    expect(bundle).toContain('__yargsShim');
  });

  test('refuses a bundle with a patch left out, the real string-width, or where ink or cliui no longer import what the shims replace', () => {
    const all = new Set(patches.SOURCE_PATCHES);
    const shim = (name: string) => ({ path: `scripts/shims/${name}.js` });
    const good: Metafile = {
      inputs: {
        'node_modules/ink/build/output.js': { imports: [shim('string-width')] },
        'node_modules/cliui/index.mjs': { imports: [shim('string-width'), shim('wrap-ansi')] },
      },
    };
    expect(patches.bundleProblems(good, all)).toEqual([]);
    expect(patches.bundleProblems({ inputs: { ...good.inputs, 'node_modules/string-width/index.js': { imports: [] } } }, all)).toEqual([
      'the real string-width is bundled: node_modules/string-width/index.js',
    ]);
    expect(patches.bundleProblems({ inputs: { ...good.inputs, 'node_modules/ink/build/output.js': { imports: [{ path: 'node_modules/string-width/index.js' }] } } }, all)).toEqual([
      'ink no longer imports string-width through scripts/shims/string-width.js',
    ]);
    expect(patches.bundleProblems({ inputs: { 'node_modules/cliui/index.mjs': good.inputs['node_modules/cliui/index.mjs'] } }, all)).toHaveLength(1);
    const [first, ...rest] = patches.SOURCE_PATCHES;
    expect(patches.bundleProblems(good, new Set(rest))).toEqual([`${first.file} was not patched (is it still bundled?)`]);
  });
});

describe('how the binary starts: one CommonJS bundle and its code caches (bin/load-bundle.js)', () => {
  const run = (script: string) => execFileSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' }).trim();

  test('each kind of start finds a cache this Node accepts, and the bundle it loads is zcopy', () => {
    for (const kind of ['print', 'screen']) {
      expect(run(`const b = require('./bin/load-bundle.js').loadBundle('${kind}'); console.log(b.cache, typeof b.exports.main)`)).toBe('used function');
    }
  });

  test("a cache another Node made is refused, and the bundle runs without it; with none at all, too", () => {
    // Beside the real one: the bundle finds its packages (yargs' translations) from where it is.
    const dist = mkdtempSync(join(ROOT, 'dist', 'loader-test-'));
    writeFileSync(join(dist, 'cli.cjs'), readFileSync(join(ROOT, 'dist/cli.cjs')));
    writeFileSync(join(dist, 'cli.print.cache'), Buffer.alloc(4096, 7));
    const load = (kind: string) => run(`const b = require('./bin/load-bundle.js').loadBundle('${kind}', ${JSON.stringify(dist)}); console.log(b.cache, typeof b.exports.main)`);
    expect(load('print')).toBe('rejected function');
    expect(load('screen')).toBe('none function');
    rmSync(dist, { recursive: true });
  });

  test('the bundle is ASCII, as it is read; the check finds a character that is not', () => {
    expect(patches.notAscii('dist/cli.cjs', readFileSync(join(ROOT, 'dist/cli.cjs'), 'latin1'))).toEqual([]);
    expect(patches.notAscii('x.cjs', 'const a = /\u3002 /;')).toEqual(['x.cjs is not ASCII at 11: "const a = /\u3002 /;" (esbuild keeps a regular expression\'s characters as written: escape them in the source)']);
  });

  test("no top-level await is left for CommonJS to refuse: yoga's WebAssembly is made at once, ink's devtools never imported", () => {
    const bundle = readFileSync(join(ROOT, 'dist/cli.cjs'), 'utf8');
    expect(bundle).toContain('zcopySync');
    expect(bundle).not.toMatch(/\bimport\(/);
    expect(bundle).not.toContain('react-devtools-core"');
  });
});

describe("the stand-in for util.format that fills yargs' messages (scripts/shims/util-format.js)", () => {
  test('fills a template as util.format does', async () => {
    const { format: light } = (await import(join(ROOT, 'scripts/shims/util-format.js'))) as { format: (...args: unknown[]) => string };
    const { format } = await import('node:util');
    const cases: unknown[][] = [
      ['Not enough arguments following: %s', 'size'],
      ['Missing required argument: %s', 'lesson, scale'],
      ['%s: %d of %d', 'x', 3, 10],
      ['%i%% done', 42.9],
      ['no placeholders', 'extra', 2],
      ['%s and %s', 'one'],
      ['%j', { a: 1 }],
      ['plain'],
    ];
    for (const args of cases) expect(light(...args)).toBe(format(...(args as [string, ...unknown[]])));
  });
});

describe("the graphemes of a line for ink's output (scripts/shims/graphemes.js)", () => {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const bySegmenter = (text: string) => [...segmenter.segment(text)].map(({ segment, index }) => ({ segment, index }));
  const shim = async () => (await import(join(ROOT, 'scripts/shims/graphemes.js'))) as { SELF_CONTAINED: RegExp; graphemes: (text: string) => Iterable<{ segment: string; index: number }> };

  test('every code point it splits alone is a grapheme of its own beside a letter, a CJK character and itself (no rule of UAX #29 joins such code points but by their class)', async () => {
    const { SELF_CONTAINED } = await shim();
    const alone: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      const c = String.fromCodePoint(cp);
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      if (SELF_CONTAINED.test(c)) alone.push(c);
    }
    expect(alone.length).toBeGreaterThan(40_000);
    const joined = alone.filter((c) => [`a${c}`, `${c}a`, `${c}${c}`, `\u4e00${c}`].some((pair) => bySegmenter(pair).length !== 2));
    expect(joined).toEqual([]);
    // What it must leave to the segmenter: CR before LF, marks, joiners, variation selectors.
    for (const c of ['\r', '\u0301', '\u200d', '\ufe0f', '\u3099', '\uff9e', '\u1100']) expect(SELF_CONTAINED.test(c)).toBe(false);
  });

  test('splits lines as the segmenter does, zcopy text or not', async () => {
    const { graphemes } = await shim();
    const lines = [
      '┌ USER SPACE ──── CPU: USER (ring 3) ──┐',
      '\x1b[1m zcopy · sendfile\x1b[22m  从 fbuf 缓冲池到 socket 缓冲区：第 5 步',
      'e\u0301 and 👩\u200d💻 and 🇫🇷 and ☕\ufe0f',
      'line\r\nnext',
      '',
    ];
    for (const line of lines) expect([...graphemes(line)]).toEqual(bySegmenter(line));
  });
});

describe('a clone where the build has not run', () => {
  test('says in one line what is missing and how to build it, with the internal exit code', () => {
    const root = mkdtempSync(join(tmpdir(), 'zcopy-unbuilt-'));
    mkdirSync(join(root, 'bin'));
    for (const f of ['zcopy.js', 'load-bundle.js', 'package.json']) writeFileSync(join(root, 'bin', f), readFileSync(join(ROOT, 'bin', f)));
    const r = spawnSync(process.execPath, [join(root, 'bin/zcopy.js'), 'list'], { encoding: 'utf8' });
    expect({ code: r.status, stderr: r.stderr }).toEqual({ code: 70, stderr: `zcopy: ${join(root, 'dist/cli.cjs')} is missing; run npm run build (npm ci runs it)\n` });
    rmSync(root, { recursive: true });
  });
});
