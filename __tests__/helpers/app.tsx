import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sessionWorld, type SessionOptions } from '../../src/app/session.js';
import { makeContext, type Io } from '../../src/cli/context.js';
import type { Lang } from '../../src/i18n/lang.js';
import type { Answered } from '../../src/quiz/index.js';
import type { Outcome, Route } from '../../src/ui/app/route.js';
import { Session } from '../../src/ui/app/session.js';
import type { Size } from '../../src/ui/size.js';
import { ROOT } from './cli.js';
import { mount } from './screen.js';

/** A pipe's stdout: no colour, 80 columns, as a command run in a test prints. */
const pipe = { isTTY: false, columns: 0, write: () => true } as unknown as NodeJS.WriteStream;

/** The command line's context, with a progress store of its own, in a fresh directory. */
export function testContext(lang: Lang = 'en', stdout: NodeJS.WriteStream = pipe) {
  const state = mkdtempSync(join(tmpdir(), 'zcopy-app-'));
  const io: Io = {
    argv: [],
    env: { XDG_STATE_HOME: state },
    stdin: process.stdin,
    stdout,
    stderr: pipe,
    lessonsDir: join(ROOT, 'lessons'),
    version: '0.0.0',
  };
  return { ctx: makeContext(io, lang), state };
}

export interface AppOptions extends Pick<SessionOptions, 'quiz'> {
  lang?: Lang;
  size?: Size;
}

/**
 * The whole app as `zcopy` opens it, wired to the world the way the command
 * line wires it (the same presenters, the same store), with what it recorded.
 */
export async function openApp(start: Route = { screen: 'home' }, { lang = 'en', size = { cols: 80, rows: 24 }, quiz }: AppOptions = {}) {
  const { ctx, state } = testContext(lang);
  const answers: Answered[] = [];
  const finished: string[] = [];
  const ended: Outcome[] = [];
  const warnings: string[] = [];
  const world = sessionWorld(ctx, { quiz, onAnswer: (a) => answers.push(a) }, (line) => warnings.push(line));
  const onFinish = (id: string) => {
    finished.push(id);
    world.onFinish(id);
  };
  const screen = await mount(<Session {...world} start={start} size={size} onFinish={onFinish} onEnd={(o) => ended.push(o)} />);
  const ids = ctx.lessons().lessons.map((l) => l.id);
  return { ...screen, ctx, state, ids, answers, finished, ended, warnings };
}
