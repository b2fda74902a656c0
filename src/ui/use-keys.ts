import { useInput, useStdin } from 'ink';
import { useRef, useState } from 'react';
import { keypresses, type Keypress } from './keypress.js';

/** What a key does to a screen: its next state, and what the world outside must do about it. */
export interface KeyResult<S, E> {
  state: S;
  effects?: E[];
}

export type Reducer<S, E> = (state: S, key: Keypress) => KeyResult<S, E>;

/** Hands an update from outside the keys (a report from the world) to the state the keys fold. */
export type Inbox<S, E> = (update: (state: S) => KeyResult<S, E>) => void;

/**
 * The one way a zcopy screen reads keys. Every keypress of every read is folded,
 * in order, through `reduce` against the state the previous key left (kept in a
 * ref: React's state would be a render behind within one read). Mount it once, at
 * the root of an app, so that moving between screens never drops a key typed
 * meanwhile. `reduce` and `run` are read afresh at each key, so they may close
 * over the latest props.
 */
export function useKeys<S, E>(initial: () => S, reduce: Reducer<S, E>, run: (effect: E) => void, inbox?: { current: Inbox<S, E> | null }): S {
  const { isRawModeSupported } = useStdin();
  const current = useRef<S | null>(null);
  if (current.current === null) current.current = initial();
  const [state, setState] = useState<S>(current.current);
  const latest = useRef({ reduce, run });
  latest.current = { reduce, run };
  // What the world reports between keys (the lab as it runs) goes through the same state, in the order it comes.
  if (inbox)
    inbox.current = (update) => {
      const step = update(current.current as S);
      current.current = step.state;
      for (const e of step.effects ?? []) latest.current.run(e);
      setState(current.current);
    };

  useInput(
    (input, key) => {
      for (const k of keypresses(input, key)) {
        const step = latest.current.reduce(current.current as S, k);
        current.current = step.state;
        for (const e of step.effects ?? []) latest.current.run(e);
      }
      setState(current.current as S);
    },
    { isActive: isRawModeSupported === true },
  );
  return state;
}
