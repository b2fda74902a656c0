import type { ChalkInstance } from 'chalk';
import { useApp } from 'ink';
import { useState } from 'react';
import { Menu } from '../Menu.js';
import type { MenuItem } from '../menu-lines.js';
import { runFullScreen, type Terminal } from '../screen.js';
import type { Judge, Leaving } from './controller.js';
import { LearnScreen } from './LearnScreen.js';
import type { LearnView } from './view.js';

/** What the home menu offers; the first two stay on screen, the rest leave it for the command line. */
export type HomeChoice = 'learn' | 'predict' | 'quiz' | 'explain' | 'compare' | 'lab';

/** Where the session is. `back` is where q returns to; without one, q ends the session. */
export type Route =
  | { screen: 'home' }
  | { screen: 'picker'; then: 'learn' | 'predict' | 'explain'; back: Route | null; at?: string }
  | { screen: 'learn'; id: string; predict: boolean; back: Route | null };

/** Why the session ended: nothing more to do, or a choice the command line carries out. */
export type Outcome = { kind: 'done' } | { kind: 'quiz' | 'compare' | 'lab' } | { kind: 'explain'; id: string };

export interface SessionProps {
  start: Route;
  paint: ChalkInstance;
  home: { title: string; footer: string; items: MenuItem<HomeChoice>[] };
  /** The scenarios to pick from, asked again each time (finished marks change). */
  picker: { title: string; footer: string; items: () => MenuItem<string>[] };
  view: (id: string) => LearnView;
  judge: Judge;
  onFinish: (id: string) => void;
}

export type SessionOptions = SessionProps & Terminal;

/**
 * One full-screen session: home menu, picker and lessons in one ink app, so that
 * moving between them neither flashes the terminal nor drops keys typed meanwhile.
 */
export async function runSession(options: SessionOptions): Promise<Outcome> {
  let outcome: Outcome = { kind: 'done' };
  const { stdin, stdout, ...props } = options;
  await runFullScreen(<Session {...props} onEnd={(o) => (outcome = o)} />, { stdin, stdout });
  return outcome;
}

export function Session({ start, paint, home, picker, view, judge, onFinish, onEnd }: SessionProps & { onEnd: (o: Outcome) => void }) {
  const { exit } = useApp();
  const [route, setRoute] = useState<Route>(start);
  const end = (o: Outcome) => {
    onEnd(o);
    exit();
  };
  const quit = (back: Route | null) => (leaving: Leaving) => (leaving === 'screen' && back ? setRoute(back) : end({ kind: 'done' }));

  switch (route.screen) {
    case 'home':
      return (
        <Menu
          key="home"
          {...home}
          paint={paint}
          onQuit={quit(null)}
          onChoose={(choice) =>
            choice === 'learn' || choice === 'predict' || choice === 'explain'
              ? setRoute({ screen: 'picker', then: choice, back: route })
              : end({ kind: choice })
          }
        />
      );
    case 'picker':
      return (
        <Menu
          key="picker"
          title={picker.title}
          footer={picker.footer}
          items={picker.items()}
          initial={route.at}
          paint={paint}
          onQuit={quit(route.back)}
          onChoose={(id) =>
            route.then === 'explain' ? end({ kind: 'explain', id }) : setRoute({ screen: 'learn', id, predict: route.then === 'predict', back: { ...route, at: id } })
          }
        />
      );
    case 'learn':
      return (
        <LearnScreen
          key={`learn-${route.id}`}
          view={view(route.id)}
          paint={paint}
          predict={route.predict}
          judge={judge}
          onFinish={() => onFinish(route.id)}
          onQuit={quit(route.back)}
        />
      );
  }
}
