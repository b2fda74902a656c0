import { describe, expect, test } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
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
};

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
    const bundle = [join(ROOT, 'dist/cli.js'), ...readdirSync(join(ROOT, 'dist/chunks')).map((f) => join(ROOT, 'dist/chunks', f))].map((f) => readFileSync(f, 'utf8')).join('\n');
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
