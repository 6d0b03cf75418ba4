// Posting the panel's current time to the extension (the editor's inline facts follow it): throttled to at
// most ~5 per second while playing or scrubbing, with a trailing post so the last time always arrives.
import type { FromWebview } from '../../src/panel/protocol';
import { TimeThrottle } from '../model/throttle';

export function createTimePoster(
  post: (m: FromWebview) => void,
  persist: () => void,
  current: () => number,
): (final: boolean) => void {
  const throttle = new TimeThrottle(200);
  let trailing: number | undefined;
  /** `final` (pause, step, scrub end, chart click) posts at once. */
  return (final) => {
    const now = performance.now();
    const t = Math.round(current() * 1000) / 1000;
    const sent = final ? throttle.flush(t, now) : throttle.offer(t, now);
    if (sent !== null) {
      post({ type: 'time', t: sent });
      persist();
    } else if (!final && trailing === undefined) {
      const at = throttle.dueAt();
      if (at !== null) {
        trailing = window.setTimeout(
          () => {
            trailing = undefined;
            const due = throttle.due(performance.now());
            if (due !== null) {
              post({ type: 'time', t: due });
              persist();
            }
          },
          Math.max(0, at - now) + 1,
        );
      }
    }
    if (final) persist();
  };
}
