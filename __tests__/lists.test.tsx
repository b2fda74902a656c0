import { describe, expect, test } from '@jest/globals';
import { TERMS } from '../src/glossary/index.js';
import { GLOSSARY } from '../src/i18n/glossary.js';
import { KEYS } from '../src/i18n/keys.js';
import { SCREENS as WORDS } from '../src/i18n/screens.js';
import { openStore, recordAnswer, recordLessonFinished } from '../src/progress/index.js';
import { displayWidth, padEnd } from '../src/term/text.js';
import type { Route } from '../src/ui/app/route.js';
import type { Size } from '../src/ui/size.js';
import { driveApp } from './helpers/app.js';

const SIZES: Size[] = [
  { cols: 72, rows: 20 },
  { cols: 80, rows: 24 },
];
const LANGS = ['en', 'zh'] as const;
const home: Route = { screen: 'home' };
const ESC = '\u001b';
const PGDN = '\u001b[6~';
const PGUP = '\u001b[5~';

type App = ReturnType<typeof driveApp>;

/** The lists `/` filters: where each starts, the screen Enter opens, and a part of a name that keeps some items but not all. */
const LISTS: { name: string; start: Route; opens: string; part: string }[] = [
  { name: 'learn picker', start: { screen: 'picker', then: 'learn', back: home }, opens: 'learn', part: 'send' },
  { name: 'explain picker', start: { screen: 'picker', then: 'explain', back: home }, opens: 'explain', part: 'send' },
  { name: 'levels', start: { screen: 'levels', back: home }, opens: 'challenge', part: 'zero' },
  { name: 'glossary index', start: { screen: 'terms', back: home }, opens: 'glossary', part: 'copy' },
];

/** The ids of the items on a menu's frame, in order (the cursor's mark or a space, the id, two spaces). */
const ids = (frame: string) => [...frame.matchAll(/^[ ›] (\S+)  /gm)].map((m) => m[1]);
/** The id under the cursor. */
const cursor = (frame: string) => /^› (\S+)/m.exec(frame)?.[1];
/** Where the session is: the screen and, for one that shows a lesson or a level, which. */
const at = (app: App) => {
  const r = app.session().route;
  return { screen: r.screen, id: 'id' in r ? r.id : 'term' in r ? r.term : undefined };
};
/** Every item a list has, read off its frames from the first to the last. */
function everyId(app: App): string[] {
  app.type('g');
  const seen: string[] = [];
  for (let guard = 0; guard < 100; guard++) {
    const id = cursor(app.frame())!;
    if (seen.includes(id)) break;
    seen.push(id);
    app.type('j');
  }
  app.type('g');
  return seen;
}

/** Each list, opened afresh in each language at each size; `where` names the case in a failure. */
function eachListOpened(run: (c: { list: (typeof LISTS)[number]; lang: (typeof LANGS)[number]; size: Size; where: string; app: App }) => void): void {
  for (const lang of LANGS) {
    for (const size of SIZES) {
      for (const list of LISTS) run({ list, lang, size, where: `${list.name} ${lang} ${size.cols}x${size.rows}`, app: driveApp(list.start, { lang, size }) });
    }
  }
}

describe('/ filters the lists (issue 21)', () => {
  test('typing narrows the list by id, alias and title, the filter in sight; Backspace edits; Esc clears it, a second Esc goes back', () => {
    eachListOpened(({ list, lang, size, where, app }) => {
      const all = everyId(app);
      const before = app.frame();
      // In one read, as a terminal delivers a burst.
      app.type(`/${list.part}`);
      const narrowed = app.frame();
      const kept = ids(narrowed);
      expect({ where, kept: kept.length > 0 && kept.length < all.length, each: kept.every((id) => all.includes(id)) }).toEqual({ where, kept: true, each: true });
      expect({ where, filter: narrowed.split('\n').some((l) => l === ` / ${list.part}█`) }).toEqual({ where, filter: true });
      // The footer says what the keys do now.
      expect({ where, footer: narrowed.split('\n').at(-1)!.includes(`Esc ${KEYS[lang].filter.clear.brief}`) }).toEqual({ where, footer: true });
      const lines = narrowed.split('\n');
      expect({ where, rows: lines.length <= size.rows - 1, cols: lines.every((l) => displayWidth(l) <= size.cols) }).toEqual({ where, rows: true, cols: true });
      // Backspace takes back a character: the list widens again.
      app.type('\u007f');
      expect({ where, shorter: ids(app.frame()).length >= kept.length, filter: app.frame().includes(` / ${list.part.slice(0, -1)}█`) }).toEqual({ where, shorter: true, filter: true });
      // Esc clears the filter: every item is back, and the list is still open.
      app.type(ESC);
      expect({ where, screen: at(app).screen, filter: app.frame().includes('█') }).toEqual({ where, screen: list.start.screen, filter: false });
      expect({ where, all: everyId(app) }).toEqual({ where, all });
      expect({ where, frame: app.frame() }).toEqual({ where, frame: before });
      // A second Esc leaves, as it always did.
      app.type(ESC);
      expect({ where, screen: at(app).screen }).toEqual({ where, screen: 'home' });
    });
  });

  test('Backspace with nothing left to erase closes the filter, as in less; the list stays open', () => {
    const app = driveApp(LISTS[0].start);
    const before = app.frame();
    app.type('/s\u007f');
    expect(app.frame()).toContain(' / █');
    app.type('\u007f');
    expect(app.frame()).toBe(before);
    app.type('\u007f');
    expect(at(app).screen).toBe('picker');
  });

  test('a filter longer than the line shows its end, where the next key goes', () => {
    for (const lang of LANGS) {
      for (const size of SIZES) {
        const app = driveApp(LISTS[0].start, { lang, size });
        const typed = `${'页缓存'.repeat(20)}end`;
        app.type('/', typed);
        const line = app.frame().split('\n').find((l) => l.endsWith('end█'))!;
        expect({ lang, size, line: line.startsWith(' / …') && displayWidth(line) <= size.cols && displayWidth(line) >= size.cols - 1 }).toEqual({ lang, size, line: true });
      }
    }
  });

  test('q and ? are typed into the filter: neither leaves nor opens the help', () => {
    const app = driveApp(LISTS[0].start);
    app.type('/q?');
    expect(at(app).screen).toBe('picker');
    expect(app.frame()).toContain(' / q?█');
    expect(app.frame()).toContain(WORDS.en.noMatch('q?'));
  });

  test('a title in either language finds a lesson, whatever the learner reads', () => {
    for (const lang of LANGS) {
      const app = driveApp(LISTS[0].start, { lang });
      // English words in a Chinese session, Chinese words in an English one.
      app.type('/scatter-gather DMA');
      expect({ lang, kept: ids(app.frame()) }).toEqual({ lang, kept: ['sendfile-sg'] });
      app.type(ESC, '/', app.ctx.lookup('splice').title.zh);
      expect({ lang, kept: ids(app.frame()) }).toEqual({ lang, kept: ['splice'] });
    }
  });

  test('a filter that keeps nothing says so in words; no key there opens anything or fails, and Esc brings the list back', () => {
    eachListOpened(({ list, lang, where, app }) => {
      app.type('/zzqx');
      const empty = app.frame();
      expect({ where, ids: ids(empty), said: empty.includes(WORDS[lang].noMatch('zzqx')) }).toEqual({ where, ids: [], said: true });
      app.type('\r', '\u001b[B', '\u001b[A', PGDN, PGUP, '\u001bOH', '\u001b[4~', '\r');
      expect({ where, at: at(app), frame: app.frame() }).toEqual({ where, at: { screen: list.start.screen, id: undefined }, frame: empty });
      app.type(ESC, '\r');
      expect({ where, opened: at(app).screen }).toEqual({ where, opened: list.opens });
    });
  });
});

describe('typing an id jumps to it (issue 21)', () => {
  test('/ and a whole id or alias, then Enter, opens it, even where the filter keeps others before it', () => {
    for (const list of LISTS) {
      const app = driveApp(list.start);
      const names =
        list.opens === 'challenge'
          ? app.ctx.levels().levels.map((l) => [l.id, l.id])
          : list.opens === 'glossary'
            ? TERMS.flatMap((t) => [t.id, ...t.aliases].map((n) => [n, t.id]))
            : app.ctx.lessons().lessons.flatMap((l) => [l.id, ...l.aliases].map((n) => [n, l.id]));
      for (const [name, id] of names) {
        const one = driveApp(list.start);
        one.type(`/${name}\r`);
        expect({ list: list.name, name, at: at(one) }).toEqual({ list: list.name, name, at: { screen: list.opens, id } });
      }
    }
    // `traditional` is kept after `traditional-nodma`, and still the one opened.
    const app = driveApp(LISTS[0].start);
    app.type('/traditional');
    expect(ids(app.frame())).toEqual(['traditional-nodma', 'traditional']);
    expect(cursor(app.frame())).toBe('traditional');
    app.type('\r');
    expect(at(app)).toEqual({ screen: 'learn', id: 'traditional' });
  });

  test('Enter opens the item under the cursor, once the learner has moved it', () => {
    const app = driveApp(LISTS[0].start);
    app.type('/send', '\u001b[B', '\r');
    expect(at(app)).toEqual({ screen: 'learn', id: 'sendfile-sg' });
  });
});

describe('PgDn and PgUp page the lists (issue 21)', () => {
  test('a page at a time, never past either end; Home and End still go to the ends', () => {
    eachListOpened(({ list, where, app }) => {
      const all = everyId(app);
      // Each PgDn moves the cursor by as many items as were in sight (none is skipped unseen), and stops at the last; PgUp the same way back.
      const inSight = () => ids(app.frame()).length;
      let pages = 0;
      for (let i = 0; i < all.length; i++) {
        const [from, page] = [all.indexOf(cursor(app.frame())!), inSight()];
        app.type(PGDN);
        const to = all.indexOf(cursor(app.frame())!);
        expect({ where, from, to }).toEqual({ where, from, to: Math.min(from + page, all.length - 1) });
        if (to > from) pages++;
      }
      for (let i = 0; i < all.length; i++) {
        const [from, page] = [all.indexOf(cursor(app.frame())!), inSight()];
        app.type(PGUP);
        expect({ where, from, to: all.indexOf(cursor(app.frame())!) }).toEqual({ where, from, to: Math.max(from - page, 0) });
      }
      // The lessons are more than a screen holds: they took pages; the levels and the terms at least one.
      expect({ where, pages: pages >= (list.start.screen === 'picker' ? 2 : 1), page: inSight() > 1 }).toEqual({ where, pages: true, page: true });
      for (let i = 0; i < all.length; i++) app.type(PGUP);
      expect({ where, top: cursor(app.frame()) }).toEqual({ where, top: all[0] });
      app.type('\u001b[4~');
      expect({ where, end: cursor(app.frame()) }).toEqual({ where, end: all.at(-1) });
      app.type('\u001bOH');
      expect({ where, home: cursor(app.frame()) }).toEqual({ where, home: all[0] });
      // Within a filter, they page the items it keeps.
      app.type(`/${list.part}`, '\u001b[4~');
      expect({ where, filtered: cursor(app.frame()) }).toEqual({ where, filtered: ids(app.frame()).at(-1) });
      app.type(PGUP);
      expect({ where, filtered: cursor(app.frame()) }).toEqual({ where, filtered: ids(app.frame())[0] });
    });
  });

  test('the help lists the new keys, in both languages', () => {
    for (const lang of LANGS) {
      const app = driveApp(LISTS[0].start, { lang });
      app.type('?');
      for (const words of [KEYS[lang].menu.pageDown, KEYS[lang].menu.pageUp, KEYS[lang].menu.filter]) expect(app.frame()).toContain(words.does);
    }
  });
});

describe('the in-app glossary has an index (issue 21)', () => {
  test('home opens the terms; each opens the glossary at its own entry, and q comes back to the index on it', () => {
    for (const lang of LANGS) {
      for (const size of SIZES) {
        const where = `${lang} ${size.cols}x${size.rows}`;
        const app = driveApp(home, { lang, size });
        app.type('jjjjjjj\r');
        expect({ where, at: at(app) }).toEqual({ where, at: { screen: 'terms', id: undefined } });
        expect({ where, all: everyId(app) }).toEqual({ where, all: TERMS.map((t) => t.id) });
        for (const [i, term] of TERMS.entries()) {
          app.type('g', ...Array(i).fill('j'), '\r');
          const page = app.frame().split('\n');
          const name = GLOSSARY[lang].terms[term.id].name;
          // At its entry: the first line, or, for the last terms, in the last full page of the glossary.
          const line = page.indexOf(name);
          const last = /(\d+)-(\d+)\D+(\d+)/.exec(page.at(-1)!)!;
          expect({ where, term: term.id, first: line === 0 || (line > 0 && last[2] === last[3]) }).toEqual({ where, term: term.id, first: true });
          app.type('q');
          expect({ where, back: cursor(app.frame()) }).toEqual({ where, back: term.id });
        }
        // q from the index goes home, to the glossary item.
        app.type('q');
        expect({ where, home: at(app).screen, on: /^› \S+ +\S/m.test(app.frame()) }).toEqual({ where, home: 'home', on: true });
      }
    }
  });

  test('/ finds a term by its name in either language', () => {
    for (const lang of LANGS) {
      const app = driveApp({ screen: 'terms', back: home }, { lang });
      app.type('/', GLOSSARY.zh.terms['page-cache'].name.slice(0, 3));
      expect({ lang, kept: ids(app.frame()) }).toEqual({ lang, kept: ['page-cache'] });
      app.type('\u001b', '/socket buffer\r');
      expect({ lang, at: at(app) }).toEqual({ lang, at: { screen: 'glossary', id: 'socket-buffer' } });
    }
  });
});

describe('the lists give the titles the room the ids leave (issue 21)', () => {
  test('the id column is as wide as the longest id kept; a title is cut with … only where the whole line would not fit', () => {
    let cut = 0;
    let whole = 0;
    let marks = 0;
    for (const lang of LANGS) {
      for (const size of SIZES) {
        for (const list of LISTS) {
          for (const filter of ['', list.part]) {
            const where = `${list.name} ${lang} ${size.cols}x${size.rows} /${filter}`;
            // One lesson finished, so that the learn picker has its marks' column.
            const { state } = driveApp(home, { lang });
            recordLessonFinished(openStore({ env: { XDG_STATE_HOME: state }, lang, warn: () => {} }), 'sendfile');
            const app = driveApp(list.start, { lang, size, state });
            expect({ where, at: at(app).screen }).toEqual({ where, at: list.start.screen });
            if (filter) app.type(`/${filter}`);
            const { items } = app.session().state as unknown as { items: { label: string; hint?: string; mark?: string }[] };
            const kept = ids(app.frame());
            const shown = new Map<string, string>();
            for (let i = 0; i < items.length + 1; i++) {
              for (const l of app.frame().split('\n')) {
                const id = /^[ ›] (\S+)  /.exec(l)?.[1];
                if (id) shown.set(id, l);
              }
              app.type('\u001b[B');
            }
            const keptItems = items.filter((it) => shown.has(it.label));
            if (filter) expect({ where, kept: keptItems.length }).toEqual({ where, kept: kept.length });
            const idWidth = Math.max(...keptItems.map((it) => displayWidth(it.label)));
            const marked = keptItems.some((it) => (it.mark ?? ' ').trim());
            if (marked) marks++;
            for (const it of keptItems) {
              const line = shown.get(it.label)!;
              const full = `${line[0]} ${padEnd(it.label, idWidth)}  ${marked ? `${padEnd(it.mark ?? '', 1)} ` : ''}${it.hint ?? ''}`.trimEnd();
              const fits = displayWidth(full) <= size.cols;
              expect({ where, line, width: displayWidth(line) <= size.cols }).toEqual({ where, line, width: true });
              if (fits) expect({ where, line }).toEqual({ where, line: full });
              else expect({ where, line: line.endsWith('…') && full.startsWith(line.slice(0, -1)) && displayWidth(line) >= size.cols - 1 }).toEqual({ where, line: true });
              if (fits) whole++;
              else cut++;
            }
          }
        }
      }
    }
    // Both kinds were met: some titles fit whole, some truly do not; and the learn picker had its marks.
    expect({ cut: cut > 0, whole: whole > 0, marked: marks > 0 }).toEqual({ cut: true, whole: true, marked: true });
  });
});

describe('PgDn and PgUp page the pages of text in the app (issue 21)', () => {
  /** The lines a page's footer says are shown, in either language: "lines 1-18 of 189", "第 1-18 行，共 167 行". */
  const shown = (app: App) => {
    const m = /(\d+)-(\d+)\D+(\d+)/.exec(app.frame().split('\n').at(-1)!)!;
    return { from: Number(m[1]), to: Number(m[2]), of: Number(m[3]) };
  };
  const PAGES: Route[] = [
    { screen: 'explain', id: 'sendfile', back: home },
    { screen: 'compare', back: home },
    { screen: 'glossary', back: home },
    { screen: 'glossary', term: 'zero-copy', back: { screen: 'terms', back: home } },
    { screen: 'progress', back: home },
  ];

  test('a page at a time to the end and back, End and Home to the ends, at 72x20 and 80x24 in both languages', () => {
    let paged = 0;
    for (const lang of LANGS) {
      for (const size of SIZES) {
        for (const route of PAGES) {
          const where = `${route.screen} ${'term' in route ? route.term : ''} ${lang} ${size.cols}x${size.rows}`;
          // Progress with every lesson finished and a quiz answer for each: longer than a screen.
          const { state, ctx } = driveApp(home, { lang });
          const store = openStore({ env: { XDG_STATE_HOME: state }, lang, warn: () => {} });
          for (const l of ctx.lessons().lessons) {
            recordLessonFinished(store, l.id);
            recordAnswer(store, l.id, 'mover', true);
          }
          const app = driveApp(route, { lang, size, state });
          const start = shown(app);
          const page = start.to - start.from + 1;
          for (let i = 0; i < 100 && shown(app).to < start.of; i++) {
            const before = shown(app);
            app.type(PGDN);
            // compare keeps a table's title, legend and header above its rows: a page there is the rows
            // left below them, and the test below checks that no line goes by unseen.
            if (route.screen === 'compare') expect({ where, movedOn: shown(app).from > before.from }).toEqual({ where, movedOn: true });
            else expect({ where, from: shown(app).from }).toEqual({ where, from: Math.min(before.from + page, start.of - page + 1) });
            paged++;
          }
          expect({ where, to: shown(app).to }).toEqual({ where, to: start.of });
          const end = shown(app);
          app.type(PGUP);
          if (route.screen === 'compare') {
            const back = shown(app);
            expect({ where, movedBack: back.from < end.from, gap: back.to < end.from - 1 }).toEqual({ where, movedBack: true, gap: false });
          } else expect({ where, from: shown(app).from }).toEqual({ where, from: Math.max(1, start.of - 2 * page + 1) });
          app.type('\u001bOH');
          expect({ where, from: shown(app).from }).toEqual({ where, from: 1 });
          app.type('\u001b[4~');
          expect({ where, to: shown(app).to }).toEqual({ where, to: start.of });
        }
      }
    }
    expect(paged).toBeGreaterThan(40);
  });
});
describe('paging compare, whose tables keep their heads in sight (issue 21)', () => {
  test('PgDn shows every line that stepping down a line at a time shows, at 72x20 and 80x24 in both languages', () => {
    const body = (app: App) => app.frame().split('\n').slice(0, -1);
    for (const lang of LANGS) {
      for (const size of SIZES) {
        const where = `${lang} ${size.cols}x${size.rows}`;
        const collect = (key: string) => {
          const app = driveApp({ screen: 'compare', back: home }, { lang, size });
          const seen = new Set(body(app));
          for (let i = 0; i < 200; i++) {
            app.type(key);
            for (const line of body(app)) seen.add(line);
          }
          return seen;
        };
        const byLine = collect('j');
        const byPage = collect(PGDN);
        expect({ where, unseen: [...byLine].filter((line) => !byPage.has(line)) }).toEqual({ where, unseen: [] });
      }
    }
  });
});

