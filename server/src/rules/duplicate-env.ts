// An environment variable set twice in one container. The API accepts it with a warning ("hides previous
// definition"), the container sees the last value, `kubectl apply` (strategic merge, keyed by name) may drop
// one of them, and server-side apply rejects the list outright.
import type { Finding, Rule } from './types';
import { containersOf, isObj, list, str } from './support/data';
import { fix } from '../../../simulator/src/index';

export const duplicateEnv: Rule = {
  id: 'duplicate-env',
  defaultSeverity: 'warning',
  description:
    'An environment variable is defined twice in one container (the last one wins; kubectl apply may drop one)',
  check(doc) {
    const out: Finding[] = [];
    for (const pod of doc.podSpecs()) {
      for (const c of containersOf(pod)) {
        const env = list(c.c['env']);
        const last = new Map<string, number>();
        env.forEach((e, i) => {
          const name = isObj(e) ? str(e['name']) : undefined;
          if (name === undefined || name === '') return;
          const prev = last.get(name);
          last.set(name, i);
          if (prev === undefined) return;
          // `value: "$(FOO) more"` builds on the earlier definition on purpose (the API does not warn either).
          const value = isObj(e) ? str(e['value']) : undefined;
          if (value !== undefined && value.includes(`$(${name})`)) return;
          const path = [...c.path, 'env', i, 'name'];
          const prevPath = [...c.path, 'env', prev, 'name'];
          const prevLine = doc.range(prevPath).start.line + 1;
          out.push({
            range: doc.range(path),
            message: `Environment variable "${name}" is already set in ${c.label} on line ${prevLine}: the container sees only this last value, and kubectl apply may drop one of the two`,
            related: [{ range: doc.range(prevPath), message: `"${name}" is first set here` }],
            fixes: [
              fix(
                `Remove the earlier definition (line ${prevLine})`,
                { kind: 'delete', path: [...c.path, 'env', prev] },
                true,
              ),
            ],
          });
        });
      }
    }
    return out;
  },
};
