import { describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXPORT } from '../src/i18n/export.js';
import { LANGS, type Lang } from '../src/i18n/lang.js';
import { MACHINE } from '../src/i18n/machine.js';
import { UI } from '../src/i18n/strings.js';
import { loadCatalog, type Lesson } from '../src/lessons/index.js';
import type { ExportInput } from '../src/present/export/index.js';
import { EXPORT_FORMATS, formatOfPath } from '../src/app/export.js';
import { handout, mdText, seedOf } from '../src/present/export/handout.js';
import { mermaid, mermaidText } from '../src/present/export/mermaid.js';
import { svg, xmlText } from '../src/present/export/svg.js';
import { ROOT, zcopy } from './helpers/cli.js';

// Written by hand from docs/MODEL.md ("The figures the sources agree on", both tables):
// each copy is one numbered arrow. Never copied from the engine's output.
const COPIES: Record<string, { cpu: number; dma: number }> = {
  traditional: { cpu: 2, dma: 2 },
  'traditional-nodma': { cpu: 4, dma: 0 },
  mmap: { cpu: 1, dma: 2 },
  sendfile: { cpu: 1, dma: 2 },
  'sendfile-sg': { cpu: 0, dma: 2 },
  'programmed-io': { cpu: 2, dma: 0 },
  'interrupt-io': { cpu: 2, dma: 0 },
  'dma-io': { cpu: 1, dma: 1 },
  'direct-io': { cpu: 0, dma: 1 },
};

const catalog = loadCatalog(join(ROOT, 'lessons'));
const lessonOf = (id: string) => catalog.find(id)!;
const input = (lesson: Lesson, o: Partial<ExportInput> = {}): ExportInput => ({ lesson, lang: 'en', scale: null, step: null, catalog: catalog.lessons, ...o });

/** The numbered copy arrows of an svg, in document order: their kind and number. */
const copiesIn = (picture: string) => [...picture.matchAll(/<g class="copy (cpu|dma)" data-n="(\d+)"( data-now="true")?>/g)].map((m) => ({ kind: m[1], n: Number(m[2]), now: m[3] !== undefined }));

/**
 * Where the rendered pictures are kept to be looked at: $ZCOPY_ARTEFACTS (a CI's upload folder)
 * or dist/artefacts/export, which git ignores and the teardown leaves (it removes the run's temp root).
 */
const ARTEFACTS = join(process.env.ZCOPY_ARTEFACTS ?? join(ROOT, 'dist', 'artefacts'), 'export');
rmSync(ARTEFACTS, { recursive: true, force: true });
mkdirSync(ARTEFACTS, { recursive: true });

/** rsvg-convert's verdict on a picture: it refuses XML that is not well-formed, and writes the PNG. */
function render(picture: string, name: string): { code: number | null; stderr: string; png: string } {
  const source = join(ARTEFACTS, `${name}.svg`);
  const png = join(ARTEFACTS, `${name}.png`);
  writeFileSync(source, picture);
  const r = spawnSync('rsvg-convert', ['--format', 'png', '--output', png, source], { encoding: 'utf8', timeout: 20_000 });
  return { code: r.status, stderr: r.stderr, png };
}

describe('export --format svg', () => {
  test.each(Object.entries(COPIES))('%s: one numbered arrow per copy, CPU solid and DMA dashed, numbered in order', (id, copies) => {
    const picture = svg(input(lessonOf(id)));
    expect(picture.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(picture.trimEnd().endsWith('</svg>')).toBe(true);
    const arrows = copiesIn(picture);
    expect(arrows.filter((a) => a.kind === 'cpu')).toHaveLength(copies.cpu);
    expect(arrows.filter((a) => a.kind === 'dma')).toHaveLength(copies.dma);
    expect(arrows.map((a) => a.n).sort((a, b) => a - b)).toEqual(Array.from({ length: copies.cpu + copies.dma }, (_, i) => i + 1));
    // Told apart without colour: every DMA line dashed, no CPU line.
    const lines = [...picture.matchAll(/<g class="copy (cpu|dma)"[^>]*>.*?<\/g>/g)];
    for (const [g, kind] of lines) expect({ kind, dashed: /<line [^>]*stroke-width="5" stroke-dasharray/.test(g) }).toEqual({ kind, dashed: kind === 'dma' });
  });

  test('with no scatter-gather NIC, sendfile-sg draws the CPU copy sendfile makes (docs/MODEL.md, "Scale and what-if")', () => {
    const sg = lessonOf('sendfile-sg');
    const out = zcopy(['export', 'sendfile-sg', '--nic', 'nosg', '--format', 'svg']);
    expect(out.code).toBe(0);
    expect(copiesIn(out.stdout).map((a) => a.kind).sort()).toEqual(['cpu', 'dma', 'dma']);
    expect(copiesIn(svg(input(sg))).map((a) => a.kind)).toEqual(['dma', 'dma']);
  });

  test('the same input gives the same bytes', () => {
    const sendfile = lessonOf('sendfile');
    for (const lang of LANGS) expect(svg(input(sendfile, { lang, step: 6 }))).toBe(svg(input(sendfile, { lang, step: 6 })));
    const a = zcopy(['export', 'page-cache', '--format', 'svg']);
    expect(a.code).toBe(0);
    expect(zcopy(['export', 'page-cache', '--format', 'svg']).stdout).toBe(a.stdout);
  });

  test('--step N draws the machine after step N: the copies made so far, the one being made marked, what each place holds', () => {
    const sendfile = lessonOf('sendfile');
    // sendfile: the disk's DMA copy, then the CPU copy page cache -> socket buffer (docs/MODEL.md's one CPU copy).
    const cpuStep = sendfile.steps.findIndex((s) => s.event.type === 'cpuCopy') + 1;
    const at = svg(input(sendfile, { step: cpuStep }));
    expect(copiesIn(at)).toEqual([
      { kind: 'dma', n: 1, now: false },
      { kind: 'cpu', n: 2, now: true },
    ]);
    expect(at).toContain(xmlText(EXPORT.en.svg.stepOf(cpuStep, sendfile.steps.length)));
    // The socket buffer holds the bytes the CPU just copied there, in the learn screen's notation.
    expect(at).toMatch(/data-place="socket">(?:(?!<\/g>)[\s\S])*\[A\]\[B\]\[C\]\[D\]/);
    // Before any step, nothing has been copied; at the last, every copy is drawn.
    expect(copiesIn(svg(input(sendfile, { step: 1 })))).toEqual([]);
    expect(copiesIn(svg(input(sendfile, { step: sendfile.steps.length }))).map((a) => a.n)).toEqual(copiesIn(svg(input(sendfile))).map((a) => a.n));
  });

  test('a DMA copy moved in two bursts is one arrow, marked as under way at its first burst', () => {
    const dmaIo = lessonOf('dma-io');
    const bursts = dmaIo.steps.flatMap((s, i) => (s.event.type === 'dmaTransfer' ? [i + 1] : []));
    expect(bursts.length).toBeGreaterThan(1);
    expect(copiesIn(svg(input(dmaIo, { step: bursts[0] })))).toEqual([{ kind: 'dma', n: 1, now: true }]);
  });

  test('text is escaped: a lesson of your own may say < & and quotes', () => {
    const sendfile = lessonOf('sendfile');
    const odd = { ...sendfile, title: { en: 'a < b & "c" \'d\'', zh: 'a < b & "c"' } } as Lesson;
    const picture = svg(input(odd));
    expect(picture).toContain('a &lt; b &amp; &quot;c&quot; &#39;d&#39;');
    expect(render(picture, 'escaped').code).toBe(0);
  });

  test('in Chinese: the places and the legend in Chinese, in a font list that ends with a generic family', () => {
    const zh = svg(input(lessonOf('traditional'), { lang: 'zh' }));
    expect(zh).toContain(MACHINE.zh.place.pageCache);
    expect(zh).toContain(EXPORT.zh.svg.legendDma);
    expect(zh).not.toContain(MACHINE.en.place.pageCache);
    expect(zh).toMatch(/<svg [^>]*font-family="[^"]*, sans-serif"/);
    expect(svg(input(lessonOf('traditional')))).toMatch(/<svg [^>]*font-family="sans-serif"/);
  });

  test('rsvg-convert renders every lesson, in both languages, to a PNG with something on it', () => {
    // The check can fail: a picture that is not well-formed XML is refused.
    expect(render('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>', 'broken').code).not.toBe(0);
    for (const lesson of catalog.lessons) {
      for (const lang of LANGS) {
        const r = render(svg(input(lesson, { lang })), `${lesson.id}-${lang}`);
        expect({ id: lesson.id, lang, code: r.code, stderr: r.stderr }).toEqual({ id: lesson.id, lang, code: 0, stderr: '' });
        const png = readFileSync(r.png);
        expect(png.subarray(1, 4).toString()).toBe('PNG');
        // 1280 x 720 with text, boxes and arrows: a blank page compresses to far less.
        expect(png.length).toBeGreaterThan(20_000);
        // The PNG's own header says the slide's size.
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 720]);
      }
    }
    const step = render(svg(input(lessonOf('sendfile'), { step: 6 })), 'sendfile-step-6');
    expect(step.code).toBe(0);
    console.log(`rendered pictures (sendfile-en.png, sendfile-step-6.png, ...): ${ARTEFACTS}`);
  });
});

describe('export --format mermaid', () => {
  /** The diagram's messages: sender, receiver, text. */
  const messages = (diagram: string) => [...diagram.matchAll(/^ {4}(\w+)(-->>|->>)(\w+): (.*)$/gm)].map((m) => ({ from: m[1], to: m[3], text: m[4] }));

  test.each(Object.keys(COPIES))('%s: a sequenceDiagram with one message per step', (id) => {
    const lesson = lessonOf(id);
    const diagram = mermaid(input(lesson));
    expect(diagram.startsWith('sequenceDiagram\n')).toBe(true);
    expect(messages(diagram)).toHaveLength(lesson.steps.length);
    // Mermaid's statement end and entity start never appear raw in a message.
    for (const m of messages(diagram)) expect(m.text).toMatch(/^([^;#]|#\d+;)*$/);
  });

  test('program, kernel, DMA, disk and NIC take part in sendfile, and the counts close it (docs/MODEL.md: 1 CPU, 2 DMA, 2 switches, 1 call)', () => {
    const diagram = mermaid(input(lessonOf('sendfile')));
    expect([...diagram.matchAll(/^ {4}participant (\w+) as /gm)].map((m) => m[1])).toEqual(['Program', 'Kernel', 'DMA', 'Disk', 'NIC']);
    const note = diagram.trimEnd().split('\n').at(-1)!;
    expect(note).toMatch(/^ {4}Note over Program,NIC: /);
    for (const [k, v] of [['cpuCopies', 1], ['dmaCopies', 2], ['modeSwitches', 2], ['syscalls', 1]] as const) expect(note).toContain(`${MACHINE.en.counter[k]}: ${v}`);
    // The call goes in, its return comes back dotted.
    const m = messages(diagram);
    expect(m[0]).toMatchObject({ from: 'Program', to: 'Kernel' });
    expect(diagram).toMatch(/^ {4}Kernel-->>Program: /m);
  });

  test('names are escaped: ; and # end a statement or start an entity in mermaid', () => {
    expect(mermaidText('a;b#c<d>\ne')).toBe('a#59;b#35;c#60;d#62; e');
    const odd = { ...lessonOf('sendfile'), id: 'odd', title: { en: 'one; two #3', zh: 'one; two #3' } } as Lesson;
    expect(mermaid(input(odd)).split('\n')[1]).toBe('    title odd: one#59; two #35;3');
  });

  test('--step N draws the first N steps; Chinese labels in Chinese', () => {
    expect(messages(mermaid(input(lessonOf('sendfile'), { step: 4 })))).toHaveLength(4);
    const zh = mermaid(input(lessonOf('sendfile'), { lang: 'zh' }));
    expect(zh).toContain(`participant Kernel as ${EXPORT.zh.mermaid.kernel}`);
    expect(zh).toContain(`${MACHINE.zh.counter.cpuCopies}：1`);
  });
});

describe('export --format md', () => {
  test.each(LANGS)('%s: a handout with every section, the steps as a table, the diagram and three folded questions', (lang: Lang) => {
    const lesson = lessonOf('sendfile');
    const md = handout(input(lesson, { lang }));
    const h = UI[lang].heading;
    expect(md.split('\n')[0]).toBe(`# sendfile · ${mdText(lesson.title[lang])}`);
    for (const title of [h.api, h.steps, h.counts, h.limits, h.usedBy, EXPORT[lang].md.diagram, EXPORT[lang].md.check]) expect(md).toContain(`\n## ${title}\n`);
    // One table row per step, each of five cells: a | in the text is escaped, never a column.
    const rows = md.split('\n').filter((l) => /^\|\d+\|/.test(l));
    expect(rows).toHaveLength(lesson.steps.length);
    for (const r of rows) expect(r.split(/(?<!\\)\|/).length - 2).toBe(5);
    expect(md).toContain(`|${MACHINE[lang].counter.cpuCopies}|1|`);
    expect(md).toMatch(/```mermaid\nsequenceDiagram\n[\s\S]*?\n```/);
    expect(md.match(/<details><summary>/g)).toHaveLength(3);
    expect(md.match(/<\/details>/g)).toHaveLength(3);
    expect(handout(input(lesson, { lang }))).toBe(md);
  });

  test('a | or markup in a lesson\'s text stays text', () => {
    expect(mdText('a | b <c> *d*_e_')).toBe('a \\| b \\<c> \\*d\\*\\_e\\_');
    // What is no markup stays as written: a word's underscore, brackets, a lesson's `code`.
    expect(mdText('in_fd [A B] `sendfile on;` # 1')).toBe('in_fd [A B] `sendfile on;` # 1');
    expect(mdText('# not a heading')).toBe('\\# not a heading');
    expect(mdText('[x](y)')).toBe('[x\\](y)');
    const sendfile = lessonOf('sendfile');
    const odd = { ...sendfile, steps: sendfile.steps.map((s) => ({ ...s, text: { en: 'x | y', zh: 'x | y' } })) } as Lesson;
    const rows = handout(input(odd)).split('\n').filter((l) => /^\|\d+\|/.test(l));
    expect(rows).toHaveLength(sendfile.steps.length);
    for (const r of rows) expect(r.split(/(?<!\\)\|/).length - 2).toBe(5);
  });

  test('each lesson has its own questions, the same every time', () => {
    expect(seedOf('sendfile')).not.toBe(seedOf('splice'));
    expect(seedOf('sendfile')).toBe(seedOf('sendfile'));
    const a = handout(input(lessonOf('sendfile'))).split('## Check yourself')[1];
    const b = handout(input(lessonOf('splice'))).split('## Check yourself')[1];
    expect(a).not.toBe(b);
  });

  test('--size: the counts are the whole file\'s (docs/MODEL.md: read + write, 1 GiB in 64 KiB chunks, 32768 CPU copies)', () => {
    const r = zcopy(['export', 'traditional', '--size', '1G', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\|CPU copies\|32,768\|/m);
    expect(r.stdout).toContain('16,384 chunks');
    // The picture says so beside its counts, whatever else the subtitle says.
    const picture = zcopy(['export', 'traditional', '--size', '1G', '--cache', 'warm', '--format', 'svg']).stdout;
    expect(picture).toMatch(/<text x="40" y="84"[^>]*>1 GiB in 64 KiB chunks: 16,384 chunks/);
  });
});

describe('zcopy export', () => {
  test('the JSON contract: svg writes an <svg> root element, mermaid begins with sequenceDiagram', () => {
    const s = zcopy(['export', 'sendfile', '--format', 'svg']);
    expect(s).toMatchObject({ code: 0, stderr: '' });
    expect(s.stdout).toMatch(/^<svg /);
    const m = zcopy(['export', 'sendfile', '--format', 'mermaid']);
    expect(m).toMatchObject({ code: 0, stderr: '' });
    expect(m.stdout).toMatch(/^sequenceDiagram\n/);
  });

  test('--out writes the file, its ending naming the format; an existing file is replaced', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zcopy-out-'));
    const file = join(dir, 'slide.svg');
    writeFileSync(file, 'old');
    const r = zcopy(['export', 'sendfile', '--out', file]);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(file, 'utf8')).toBe(zcopy(['export', 'sendfile', '--format', 'svg']).stdout);
    expect(zcopy(['export', 'sendfile', '--out', join(dir, 'seq.mmd')]).code).toBe(0);
    expect(readFileSync(join(dir, 'seq.mmd'), 'utf8')).toMatch(/^sequenceDiagram\n/);
    expect(formatOfPath('Handout.MD')).toBe('md');
    expect(formatOfPath('x.txt')).toBeUndefined();
    expect(formatOfPath('lesson.html')).toBe('html');
    // A folder that is not there: one line, the file's exit code, nothing written.
    const missing = join(dir, 'no', 'such.svg');
    const bad = zcopy(['export', 'sendfile', '--out', missing]);
    expect(bad).toMatchObject({ code: 2, stdout: '', stderr: `zcopy: could not write ${missing}: ENOENT\n` });
    expect(existsSync(missing)).toBe(false);
    expect(statSync(file).size).toBeGreaterThan(1000);
  });

  test('bad input is one line in the learner\'s language, and a non-zero exit', () => {
    const one = (args: string[], lang = 'en') => {
      const r = zcopy(['--lang', lang, 'export', ...args]);
      expect({ args, stdout: r.stdout, lines: r.stderr.trim().split('\n').length }).toEqual({ args, stdout: '', lines: 1 });
      expect(r.code).toBe(1);
      return r.stderr;
    };
    expect(one(['sendfil', '--format', 'svg'])).toMatch(/sendfil.*sendfile/);
    const steps = lessonOf('sendfile').steps.length;
    expect(one(['sendfile', '--format', 'svg', '--step', String(steps + 1)])).toContain(`1 to ${steps}`);
    expect(one(['sendfile', '--format', 'svg', '--step', '0'])).toContain(`1 to ${steps}`);
    expect(one(['sendfile', '--format', 'pdf'])).toMatch(/"svg", "mermaid", "md" or "html"|svg, mermaid, md or html/);
    expect(one(['sendfile'])).toBe(`zcopy: ${EXPORT.en.needFormat(EXPORT_FORMATS)}\n`);
    expect(one(['sendfile', '--format', 'md', '--step', '2'])).toBe(`zcopy: ${EXPORT.en.stepNotHere('md', ['svg', 'mermaid', 'html'])}\n`);
    expect(one(['--format', 'svg'])).toContain('sendfile');
    expect(one(['sendfile', '--format', 'md', '--step', '2'], 'zh')).toBe(`zcopy: ${EXPORT.zh.stepNotHere('md', ['svg', 'mermaid', 'html'])}\n`);
    expect(one(['sendfile'], 'zh')).toBe(`zcopy: ${EXPORT.zh.needFormat(EXPORT_FORMATS)}\n`);
    // A knob the lesson does not answer to is refused, as explain refuses it.
    expect(one(['direct-io', '--readers', '3', '--format', 'svg'])).toContain('--readers 3');
  });

  test('--format completes to the formats there are', () => {
    const words = zcopy(['--get-yargs-completions', 'zcopy', 'export', 'sendfile', '--format', '']).stdout.split('\n').filter(Boolean);
    expect(words).toEqual(['svg', 'mermaid', 'md', 'html']);
    expect(zcopy(['--get-yargs-completions', 'zcopy', 'export', 'sendf']).stdout.split('\n')).toContain('sendfile');
  });
});
