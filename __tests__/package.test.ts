import { describe, expect, test } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers/cli.js';

// The npm tarball, installed into an empty project: what a user of `npm install zcopy` gets.
describe('the packed tarball', () => {
  test('installs into an empty project and runs there on its own', () => {
    const work = mkdtempSync(join(tmpdir(), 'zcopy-pack-'));
    // The bundle was built by the test setup; rebuilding here would pull it from under the other tests.
    execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, stdio: 'pipe' });
    const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'))!;
    const project = join(work, 'project');
    execFileSync('mkdir', [project]);
    execFileSync('npm', ['init', '-y'], { cwd: project, stdio: 'pipe' });
    execFileSync('npm', ['install', '--no-audit', '--no-fund', join(work, tarball)], { cwd: project, stdio: 'pipe' });

    const env = { ...process.env, LANG: 'C.UTF-8', HOME: work, NO_COLOR: '1' };
    const zcopy = (...args: string[]) => execFileSync('npx', ['--no-install', 'zcopy', ...args], { cwd: project, env, encoding: 'utf8' });

    const x = JSON.parse(zcopy('explain', 'sendfile', '--json'));
    // docs/MODEL.md: sendfile makes 1 CPU copy, 2 DMA copies, 2 mode switches, 1 system call.
    expect(x.counts).toMatchObject({ cpuCopies: 1, dmaCopies: 2, modeSwitches: 2, syscalls: 1 });
    expect(zcopy('learn', 'sendfile')).toMatch(/CPU copies 1\b.*DMA copies 2\b.*Mode switches 2\b/);
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(zcopy('--version').trim()).toBe(version);
    expect(zcopy('--help', '--lang', 'zh')).toContain('命令：');

    // Nothing from the developer's side ships: no sources, tests or dev tools.
    const files = execFileSync('tar', ['tzf', join(work, tarball)], { encoding: 'utf8' }).split('\n');
    expect(files.filter((f) => /^package\/(src|__tests__|scripts|dist\/dev)\//.test(f))).toEqual([]);
  }, 120_000);
});
