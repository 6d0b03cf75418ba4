// Memoisation of pure functions of a string. The simulator asks the same questions of the same few strings for every
// pod (a CronJob's month of Jobs parses "busybox:1.36" for each of its 43,200 pods); the language server, which lives
// long and sees many edits, must not grow without bound, so a full table is simply emptied.

/** `fn` answered from a table of at most `limit` strings. The answers are shared: callers must not mutate them. */
export function memoByString<T>(fn: (s: string) => T, limit = 1024): (s: string) => T {
  const table = new Map<string, T>();
  return (s) => {
    const hit = table.get(s);
    if (hit !== undefined || table.has(s)) return hit as T;
    if (table.size >= limit) table.clear();
    const value = fn(s);
    table.set(s, value);
    return value;
  };
}
