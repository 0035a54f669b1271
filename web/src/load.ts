// useLoad runs an API call when its dependencies change and exposes loading / ok / error. Answers that
// arrive after a newer call started are dropped, so a slow old search never overwrites a new one.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api';

export type Load<T> =
  | { status: 'loading' }
  | { status: 'ok'; data: T }
  | { status: 'error'; error: ApiError };

export function toApiError(cause: unknown): ApiError {
  if (cause instanceof ApiError) return cause;
  return new ApiError(0, 'Unknown', cause instanceof Error ? cause.message : String(cause));
}

export function useLoad<T>(
  loader: () => Promise<T>,
  deps: readonly unknown[],
  options: { keepPrevious?: boolean } = {},
): { state: Load<T>; pending: boolean; reload: () => void; set: (data: T) => void } {
  const [state, setState] = useState<Load<T>>({ status: 'loading' });
  const [pending, setPending] = useState(true);
  const generation = useRef(0);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    const mine = ++generation.current;
    setPending(true);
    // While a search pages, the old page stays on screen until the new one arrives (no flicker).
    setState((previous) => (options.keepPrevious && previous.status === 'ok' ? previous : { status: 'loading' }));
    loader().then(
      (data) => {
        if (generation.current !== mine) return;
        setState({ status: 'ok', data });
        setPending(false);
      },
      (cause) => {
        if (generation.current !== mine) return;
        setState({ status: 'error', error: toApiError(cause) });
        setPending(false);
      },
    );
    // The caller lists what the loader depends on, as with useEffect.
  }, [...deps, tick]);

  // After unmount, late answers are dropped too.
  useEffect(() => () => { generation.current++; }, []);

  const reload = useCallback(() => setTick((value) => value + 1), []);
  const set = useCallback((data: T) => setState({ status: 'ok', data }), []);
  return { state, pending, reload, set };
}
