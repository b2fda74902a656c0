import { describe, expect, test } from '@jest/globals';
import { zcopy } from './helpers/cli.js';

describe('learn a --vs b', () => {
  test('piped: every lockstep step side by side, ending with what one pays more than the other', () => {
    const out = zcopy(['learn', 'traditional', '--vs', 'sendfile']).stdout;
    const blocks = out.trimEnd().split('\n\n zcopy · ');
    // The longer lesson sets the pace: traditional's 15 steps and the start.
    expect(blocks).toHaveLength(16);
    // MODEL.md: read + write 2 CPU copies, 4 mode switches, 2 calls; sendfile 1, 2, 1.
    expect(blocks.at(-1)!.replace(/\s+/g, ' ')).toContain('So far traditional against sendfile: +1 CPU copy, +2 mode switches, +1 system call.');
    // The last return is traditional's alone: marked ◆ on its side.
    expect(blocks.at(-1)).toMatch(/Mode switches\s+4▲ ◆\s+│ Mode switches\s+2$/m);
    expect(blocks.at(-1)).toContain('sendfile · done (11 steps)');
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  test('bad combinations get one line and exit 1', () => {
    for (const args of [['learn', 'sendfile', '--vs', 'sendfile'], ['learn', 'sendfile', '--vs', 'nope'], ['learn', 'traditional', '--vs', 'sendfile', '--size', '1G']]) {
      const r = zcopy(args);
      expect({ args, code: r.code, lines: r.stderr.trim().split('\n').length }).toEqual({ args, code: 1, lines: 1 });
    }
    expect(zcopy(['learn', 'sendfile', '--vs', 'sendfile', '--lang', 'zh']).stderr).toMatch(/^zcopy: --vs 需要另一门/);
  });
});
