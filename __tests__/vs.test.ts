import { describe, expect, test } from '@jest/globals';
import { zcopy } from './helpers/cli.js';

describe('learn a --vs b', () => {
  test('piped: every lockstep step side by side, ending with what one pays more than the other', () => {
    const out = zcopy(['learn', 'traditional', '--vs', 'sendfile']).stdout;
    const blocks = out.trimEnd().split('\n\n zcopy · ');
    // The longer lesson sets the pace: traditional's 15 steps and the start.
    expect(blocks).toHaveLength(16);
    // docs/MODEL.md: read + write 2 CPU copies, 4 mode switches, 2 calls; sendfile 1, 2, 1.
    expect(blocks.at(-1)!.replace(/\s+/g, ' ')).toContain('So far traditional against sendfile: +1 CPU copy, +2 mode switches, +1 system call.');
    // The last return is traditional's alone: marked ◆ on its side (docs/MODEL.md: 4 mode switches against sendfile's 2).
    expect(blocks.at(-1)).toMatch(/^ CPU 2 DMA 2 Switches 4◆ Calls 2\s+│ CPU 1 DMA 2 Switches 2 Calls 1$/m);
    // Both machines, and each side's words for its step.
    expect(blocks.at(-1)!.split('┌')).toHaveLength(3);
    expect(blocks.at(-1)).toMatch(/^ ▶ write\(\) returns to user mode\s+│ nothing: this one has ended$/m);
    expect(blocks.at(-1)).toContain('sendfile · done (11 steps)');
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  test('a what-if runs on both sides: without gather sendfile-sg is sendfile, one CPU copy fewer than read() + write()', () => {
    const out = zcopy(['learn', 'traditional', '--vs', 'sendfile-sg', '--nic', 'nosg']).stdout;
    const blocks = out.trimEnd().split('\n\n zcopy · ');
    expect(blocks[0]).toContain('What if: --nic nosg, on both sides');
    // docs/MODEL.md: read + write 2 CPU copies, 4 mode switches, 2 calls; sendfile-sg on a NIC that cannot gather becomes sendfile: 1, 2, 1.
    expect(blocks.at(-1)!.replace(/\s+/g, ' ')).toContain('So far traditional against sendfile-sg: +1 CPU copy, +2 mode switches, +1 system call.');
    // As written, sendfile-sg copies nothing with the CPU.
    expect(zcopy(['learn', 'traditional', '--vs', 'sendfile-sg']).stdout.trimEnd().split('\n\n zcopy · ').at(-1)!.replace(/\s+/g, ' ')).toContain('+2 CPU copies');
    // A warm cache says so where the machine starts.
    expect(zcopy(['learn', 'sendfile', '--cache', 'warm']).stdout.split('\n\n zcopy · ')[0].replace(/\s+/g, ' ')).toContain('The file is on the disk, its pages already in the page cache, and the program');
    expect(zcopy(['learn', 'traditional', '--vs', 'sendfile', '--cache', 'warm']).stdout).toMatch(/^ What if: --cache warm, on both sides$/m);
  });

  test('bad combinations get one line and exit 1', () => {
    for (const args of [['learn', 'sendfile', '--vs', 'sendfile'], ['learn', 'sendfile', '--vs', 'nope'], ['learn', 'traditional', '--vs', 'sendfile', '--size', '1G'], ['learn', 'traditional', '--vs', 'page-cache', '--readers', '3']]) {
      const r = zcopy(args);
      expect({ args, code: r.code, lines: r.stderr.trim().split('\n').length }).toEqual({ args, code: 1, lines: 1 });
    }
    expect(zcopy(['learn', 'sendfile', '--vs', 'sendfile', '--lang', 'zh']).stderr).toMatch(/^zcopy: --vs 需要另一门/);
  });
});
