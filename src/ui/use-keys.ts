import { useInput, useStdin } from 'ink';
import { useRef, useState } from 'react';
import { keypresses, type Keypress } from './keypress.js';

/** What a key does to a screen: its next state, and what the world outside must do about it. */
export interface KeyResult<S, E> {
  state: S;
  effects?: E[];
}

export type Reducer<S, E> = (state: S, key: Keypress) => KeyResult<S, E>;

/**
 * The one way a zcopy screen reads keys. Every keypress of every read is folded,
 * in order, through `reduce` against the state the previous key left (kept in a
 * ref: React's state would be a render behind within one read). Mount it once, at
 * the root of an app, so that moving between screens never drops a key typed
 * meanwhile. `reduce` and `run` are read afresh at each key, so they may close
 * over the latest props.
 */
export function useKeys<S, E>(initial: () => S, reduce: Reducer<S, E>, run: (effect: E) => void): S {
  const { isRawModeSupported } = useStdin();
  const current = useRef<S | null>(null);
  if (current.current === null) current.current = initial();
  const [state, setState] = useState<S>(current.current);
  const latest = useRef({ reduce, run });
  latest.current = { reduce, run };

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
