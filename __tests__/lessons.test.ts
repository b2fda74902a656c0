import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { LessonError, MAX_LESSON_BYTES, catalogOf, loadCatalog, loadLessonFile, parseLesson } from '../src/lessons/index.js';
import { ROOT } from './helpers/cli.js';

const LESSONS = join(ROOT, 'lessons');
const sendfileYaml = readFileSync(join(LESSONS, 'sendfile.yaml'), 'utf8');

/** The problems zcopy reports for a lesson text, as `file:line: field: message` lines. */
function problemsOf(text: string, file = 'broken.yaml'): string[] {
  try {
    parseLesson(text, file);
  } catch (error) {
    if (error instanceof LessonError) return error.message.split('\n');
    throw error;
  }
  throw new Error('the lesson was accepted');
}

describe('the shipped lessons', () => {
  test('all load, validate and run', () => {
    const catalog = loadCatalog(LESSONS);
    expect(catalog.lessons.length).toBeGreaterThanOrEqual(4);
    for (const id of ['traditional', 'mmap', 'sendfile', 'sendfile-sg']) expect(catalog.find(id)?.id).toBe(id);
  });
});

describe('the validator names the file, line, step and field', () => {
  test('a missing field', () => {
    const text = sendfileYaml.replace(/^summary:[\s\S]*?^api:/m, 'api:');
    expect(problemsOf(text)).toContainEqual(expect.stringMatching(/^broken\.yaml(:\d+)?: summary: must give the text in every language/));
  });

  test('a missing translation points at its line', () => {
    const text = sendfileYaml.replace('  zh: "sendfile()：在内核里把文件送进 socket"\n', '');
    const [line] = problemsOf(text);
    expect(line).toMatch(/^broken\.yaml:\d+: title\.zh: must be a non-empty string$/);
    const lineNo = Number(line.split(':')[1]);
    expect(text.split('\n')[lineNo - 1]).toMatch(/title:|en:/);
  });

  test('a step whose event names an unknown place', () => {
    const text = sendfileYaml.replace('{ type: cpuCopy, from: pageCache, to: socket }', '{ type: cpuCopy, from: pagecache, to: socket }');
    const [line] = problemsOf(text);
    expect(line).toMatch(/^broken\.yaml:\d+: steps\[5\]\.event\.from: "pagecache" is not a place/);
    expect(text.split('\n')[Number(line.split(':')[1]) - 1]).toContain('pagecache');
  });

  test('an unknown event type and an unknown event field', () => {
    expect(problemsOf(sendfileYaml.replace('{ type: dmaTransfer }', '{ type: dmaTransfr }'))[0]).toMatch(
      /steps\[2\]\.event\.type: must be one of syscall, sysret/,
    );
    expect(problemsOf(sendfileYaml.replace('{ type: dmaTransfer }', '{ type: dmaTransfer, speed: 3 }'))[0]).toMatch(
      /steps\[2\]\.event\.speed: is not a field of dmaTransfer \(it takes count\)/,
    );
  });

  test('an illegal step is reported with its number and the reason', () => {
    // Without programming the DMA first, the transfer is impossible.
    const text = sendfileYaml.replace('{ type: programDma, from: disk, to: pageCache, block: true }', '{ type: run }');
    const [line] = problemsOf(text);
    expect(line).toMatch(/steps\[1\]\.event: step 2 is illegal: the learner's program runs in user mode/);
    const userReadsCache = sendfileYaml.replace(
      '\nlimits:',
      '\n  - event: { type: cpuCopy, from: pageCache, to: user }\n    text: { en: peek, zh: 偷看 }\nlimits:',
    );
    // The step is named by its place in the file, which holds the warm variant's steps too.
    const inFile = loadLessonFile(join(LESSONS, 'sendfile.yaml')).variants!.steps.length;
    expect(problemsOf(userReadsCache)).toEqual([
      expect.stringMatching(new RegExp(`steps\\[${inFile}\\]\\.event: step ${inFile + 1} is illegal: user mode cannot touch the page cache`)),
    ]);
    const dmaNeverProgrammed = sendfileYaml.replace('{ type: programDma, from: socket, to: nic }', '{ type: sysret }');
    const nicProgrammed = loadLessonFile(join(LESSONS, 'sendfile.yaml')).variants!.steps.findIndex((st) => st.event.type === 'programDma' && st.event.from === 'socket');
    expect(problemsOf(dmaNeverProgrammed)[0]).toMatch(new RegExp(`steps\\[${nicProgrammed + 1}\\]\\.event: step ${nicProgrammed + 2} is illegal: DMA transfer with nothing programmed`));
  });

  test('a YAML syntax error carries the parser line', () => {
    const [line] = problemsOf('id: x\nsteps: [\n  {event: }\n  oops: [', 'syntax.yaml');
    expect(line).toMatch(/^syntax\.yaml:\d+: /);
  });

  test('custom tags are refused: nothing in a lesson is constructed or run', () => {
    const [line] = problemsOf(`${sendfileYaml}\nextra: !!js/function "function () { process.exit(9) }"\n`);
    expect(line).toMatch(/tag/i);
  });

  test("a step's when and a lesson's unaffected name knobs and their values", () => {
    const warmStep = sendfileYaml.replace('    when: { cache: cold }\n', '    when: { cache: tepid }\n');
    expect(problemsOf(warmStep)).toContainEqual(expect.stringMatching(/^broken\.yaml:\d+: steps\[1\]\.when\.cache: must be one of cold, warm/));
    expect(problemsOf(sendfileYaml.replace('    when: { cache: cold }\n', '    when: { disk: cold }\n'))).toContainEqual(expect.stringMatching(/steps\[1\]\.when\.disk: is not a knob \(cache, nic\)/));
    const unaffected = (block: string) => sendfileYaml.replace(/^unaffected:\n(?:  .*\n)+/m, block);
    // A knob cannot both change the steps and change nothing.
    expect(problemsOf(unaffected('unaffected:\n  cache: {en: "no", zh: "不"}\n'))).toContainEqual(expect.stringMatching(/^broken\.yaml:\d+: unaffected\.cache: names cache, but steps say how cache changes this lesson/));
    expect(problemsOf(unaffected('unaffected:\n  disk: {en: "no", zh: "不"}\n'))).toContainEqual(expect.stringMatching(/unaffected\.disk: is not a knob/));
    expect(problemsOf(unaffected('unaffected:\n  nic: {en: "no"}\n'))).toContainEqual(expect.stringMatching(/unaffected\.nic\.zh: must be a non-empty string/));
    expect(problemsOf(unaffected('unaffected: [nic]\n'))).toContainEqual(expect.stringMatching(/unaffected: must be a mapping of knobs/));
  });

  test("variantSummaries name a variant the steps make, never the lesson as written", () => {
    // The lesson's own variant summaries, if any, give way to the ones under test.
    const withSummaries = (block: string) => sendfileYaml.replace(/\nvariantSummaries:\n(?:  .*\n)+/, '\n').replace('\nsteps:\n', `\nvariantSummaries:\n${block}steps:\n`);
    expect(problemsOf(withSummaries('  - when: { cache: cold }\n    en: as written\n    zh: 原样\n'))).toContainEqual(expect.stringMatching(/variantSummaries\[0\]\.when: matches the lesson as written/));
    expect(problemsOf(withSummaries('  - when: { nic: nosg }\n    en: no gather\n    zh: 不收集\n'))).toContainEqual(expect.stringMatching(/variantSummaries\[0\]\.when\.nic: names nic, but no step says how nic changes this lesson/));
    expect(problemsOf(withSummaries('  - when: { cache: warm }\n    en: warm\n'))).toContainEqual(expect.stringMatching(/variantSummaries\[0\]\.zh: must be a non-empty string/));
    const warm = parseLesson(withSummaries('  - when: { cache: warm }\n    en: The pages are cached already.\n    zh: 页早已缓存。\n'), 'ok.yaml');
    expect(warm.variantSummaries).toEqual([{ when: { cache: 'warm' }, text: { en: 'The pages are cached already.', zh: '页早已缓存。' } }]);
    const titled = parseLesson(withSummaries('  - when: { cache: warm }\n    title: { en: Warm, zh: 热 }\n    en: Cached.\n    zh: 已缓存。\n'), 'ok.yaml');
    expect(titled.variantSummaries![0].title).toEqual({ en: 'Warm', zh: '热' });
    expect(problemsOf(withSummaries('  - when: { cache: warm }\n    title: { en: Warm }\n    en: Cached.\n    zh: 已缓存。\n'))).toContainEqual(expect.stringMatching(/variantSummaries\[0\]\.title\.zh: must be a non-empty string/));
  });

  test('a knob said to change nothing must still run: the engine runs the steps on its machine', () => {
    // sendfile-sg's NIC gathers; said to be unaffected by a NIC that cannot, its descriptor copy is refused.
    const data = parse(readFileSync(join(LESSONS, 'sendfile-sg.yaml'), 'utf8'));
    type Step = { when?: { cache?: string; nic?: string } };
    data.steps = (data.steps as Step[]).filter((st) => st.when?.nic !== 'nosg').map(({ when, ...st }) => (when?.cache ? { ...st, when: { cache: when.cache } } : st));
    data.unaffected = { nic: { en: 'it changes nothing', zh: '没有变化' } };
    // A summary for the variant that no longer exists would be refused first.
    delete data.variantSummaries;
    const sg = stringify(data);
    expect(problemsOf(sg)).toEqual([expect.stringMatching(/^broken\.yaml:\d+: steps\[\d+\]\.event: with --nic nosg: step \d+ is illegal: this NIC cannot gather/)]);
  });

  test('Chinese folded over lines reads as one line: no space between characters, nor beside full-width punctuation', () => {
    const folded = sendfileYaml.replace(
      '  zh: "sendfile()：在内核里把文件送进 socket"',
      '  zh: >-\n    合计：1 次系统调用、\n    3 次缺页，RocksDB\n    （use_direct_reads）。\n    zcopy 照常计数',
    );
    expect(parseLesson(folded, 'folded.yaml').title.zh).toBe('合计：1 次系统调用、3 次缺页，RocksDB（use_direct_reads）。zcopy 照常计数');
  });

  test('unknown top-level fields are refused', () => {
    expect(problemsOf(`${sendfileYaml}\ncount: 3\n`)[0]).toMatch(/count: is not a lesson field/);
  });

  test('a file over 1 MiB is refused before it is parsed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zcopy-'));
    const file = join(dir, 'huge.yaml');
    writeFileSync(file, `# ${'x'.repeat(MAX_LESSON_BYTES)}\n`);
    expect(() => loadLessonFile(file)).toThrow(/at most 1048576 \(1 MiB\)/);
  });

  test('a missing file is a one-line error naming it', () => {
    expect(() => loadLessonFile('/nonexistent/lesson.yaml')).toThrow('/nonexistent/lesson.yaml: no such file');
  });

  test('two lessons answering to one name collide', () => {
    const a = parseLesson(sendfileYaml, 'a.yaml');
    const b = parseLesson(sendfileYaml.replace('id: sendfile', 'id: other'), 'b.yaml');
    expect(() => catalogOf([a, b])).toThrow(/b\.yaml: aliases\[0\]: "send-file" is already taken by a\.yaml/);
  });
});

describe('finding lessons', () => {
  const catalog = loadCatalog(LESSONS);

  test('by id, alias, any case', () => {
    expect(catalog.find('SENDFILE')?.id).toBe('sendfile');
    expect(catalog.find('sg-dma')?.id).toBe('sendfile-sg');
  });

  test('suggests the nearest name for a typo, nothing for gibberish', () => {
    expect(catalog.suggest('sendfil')).toBe('sendfile');
    expect(catalog.suggest('tradtional')).toBe('traditional');
    expect(catalog.suggest('qqqqqqq')).toBeUndefined();
  });

  test('suggests only what is close, by id, alias and title, and always says the id (issue 21)', () => {
    // Two letters of three wrong is no longer a guess: "foo" is not "cow", nor "nope" anything.
    for (const far of ['foo', 'x', 'nope', 'nic']) expect(catalog.suggest(far)).toBeUndefined();
    // A part of an id is the id, not an alias that begins with it.
    expect(catalog.suggest('zerocopy')).toBe('msg-zerocopy');
    // An alias's near miss is suggested as the id the list shows.
    expect(catalog.suggest('scater-gather')).toBe('sendfile-sg');
    expect(catalog.suggest('MSG_ZEROCOPY')).toBe('msg-zerocopy');
    // A beginning is the shortest id it begins, and a swap of two letters one slip.
    expect(catalog.suggest('trad')).toBe('traditional');
    expect(catalog.suggest('sendfiel')).toBe('sendfile');
    // A word of a title, nearly spelt: "Kernel bypass", "fast buffers".
    expect(catalog.suggest('byass')).toBe('kernel-bypass');
    expect(catalog.suggest('asynchronous')).toBe('aio-direct');
  });
});

describe('the prebuilt catalogue', () => {
  test('is used while fresh, and an edited lesson is read again', async () => {
    const { writeCatalogCache } = await import('../src/lessons/index.js');
    const { copyFileSync, utimesSync, mkdirSync } = await import('node:fs');
    const dir = mkdtempSync(join(tmpdir(), 'zcopy-catalog-'));
    const lessons = join(dir, 'lessons');
    mkdirSync(lessons);
    copyFileSync(join(LESSONS, 'sendfile.yaml'), join(lessons, 'sendfile.yaml'));
    const cache = join(dir, 'prebuilt');
    writeCatalogCache(lessons, cache);

    // The same size, older than the cache: the cache answers (a parse would see "Linux 9.9").
    const file = join(lessons, 'sendfile.yaml');
    writeFileSync(file, sendfileYaml.replace('since: Linux 2.2', 'since: Linux 9.9'));
    const past = new Date(Date.now() - 60_000);
    utimesSync(file, past, past);
    expect(loadCatalog(lessons, cache).find('sendfile')!.since).toBe('Linux 2.2');
    expect(loadCatalog(lessons, cache).find('sendfile')!.source).toBe(file);

    // Edited after the cache was written: parsed again.
    const future = new Date(Date.now() + 60_000);
    utimesSync(file, future, future);
    expect(loadCatalog(lessons, cache).find('sendfile')!.since).toBe('Linux 9.9');
  });

  test('holds what parsing the files gives: every lesson, in teaching order, found and suggested by the same names', async () => {
    const { writeCatalogCache } = await import('../src/lessons/index.js');
    const cache = join(mkdtempSync(join(tmpdir(), 'zcopy-catalog-')), 'prebuilt');
    const parsed = loadCatalog(LESSONS);
    expect(writeCatalogCache(LESSONS, cache)).toBe(parsed.lessons.length);
    const prebuilt = loadCatalog(LESSONS, cache);
    expect(prebuilt.lessons).toEqual(parsed.lessons);
    for (const name of parsed.lessons.flatMap((l) => [l.id, ...l.aliases, l.id.toUpperCase()])) expect(prebuilt.find(name)).toEqual(parsed.find(name));
    for (const typo of ['sendfil', 'tradtional', 'mmmap', 'splic', 'qqqqqqq', 'direct', 'zerocopy', 'byass']) expect(prebuilt.suggest(typo)).toBe(parsed.suggest(typo));
  });

  test('reads only the lesson asked for, and knows its own lessons from a copy', async () => {
    const { writeCatalogCache } = await import('../src/lessons/index.js');
    const { readdirSync, rmSync } = await import('node:fs');
    const cache = join(mkdtempSync(join(tmpdir(), 'zcopy-catalog-')), 'prebuilt');
    writeCatalogCache(LESSONS, cache);
    // Every other lesson gone from the catalogue: finding sendfile cannot have needed them.
    for (const f of readdirSync(cache)) if (f !== 'index.json' && f !== 'sendfile.json') rmSync(join(cache, f));
    const catalog = loadCatalog(LESSONS, cache);
    const sendfile = catalog.find('sendfile')!;
    expect(sendfile.source).toBe(join(LESSONS, 'sendfile.yaml'));
    expect(catalog.find('SEND-FILE')).toBe(sendfile);
    expect(catalog.suggest('sendfil')).toBe('sendfile');
    expect(catalog.has(sendfile)).toBe(true);
    expect(catalog.has(loadLessonFile(join(LESSONS, 'sendfile.yaml')))).toBe(false);
    expect(() => catalog.lessons).toThrow(/ENOENT/);
  });
});
