"use client";

import { useCallback, useTransition } from "react";

/**
 * A transition for server actions whose result changes the screen: `act(request, apply)` runs the request and applies
 * its result inside the same transition. React does not count state set after an `await` as part of the transition,
 * so without the inner startTransition the verdict or the next card would render while `pending` still disabled the
 * controls, and a key pressed on seeing it would be lost. `pending` is true from the request until the result shows.
 */
export function useAction() {
  const [pending, startTransition] = useTransition();
  const act = useCallback(<T>(request: () => Promise<T>, apply: (result: T) => void) => {
    startTransition(async () => {
      const result = await request();
      startTransition(() => apply(result));
    });
  }, []);
  return { pending, act };
}
