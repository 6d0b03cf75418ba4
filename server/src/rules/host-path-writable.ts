// A container mounts a hostPath volume writable: what it writes lands on the node, outlives the pod, is seen
// by every other pod that mounts the same path, and can fill the node's disk (kube-linter's
// `writable-host-mount`). The sensitive paths are host-path-sensitive's finding; this is the milder rest.
import type { Finding, Rule } from './types';
import { containersOf, get, isObj, list, str } from './support/data';
import { fix } from '../../../simulator/src/index';
import { sensitiveHostPath } from './host-path-sensitive';

export const hostPathWritable: Rule = {
  id: 'host-path-writable',
  defaultSeverity: 'information',
  description: 'A container mounts a hostPath volume writable, so it can change files on the node',
  check(doc) {
    const out: Finding[] = [];
    for (const pod of doc.podSpecs()) {
      const hostPaths = new Map<string, string>();
      for (const v of list(pod.spec['volumes'])) {
        const path = isObj(v) ? str(get(v, ['hostPath', 'path'])) : undefined;
        const name = isObj(v) ? str(v['name']) : undefined;
        if (path !== undefined && name !== undefined && sensitiveHostPath(path) === undefined)
          hostPaths.set(name, path);
      }
      if (hostPaths.size === 0) continue;
      for (const c of containersOf(pod)) {
        list(c.c['volumeMounts']).forEach((m, j) => {
          if (!isObj(m) || m['readOnly'] === true) return;
          const name = str(m['name']);
          const hostPath = name === undefined ? undefined : hostPaths.get(name);
          if (hostPath === undefined) return;
          const mountPath = [...c.path, 'volumeMounts', j];
          out.push({
            range: doc.range([...mountPath, 'name']),
            message: `${c.label} mounts the node's ${hostPath} writable (volume "${name}"): what it writes stays on the node after the pod is gone and is shared with every pod that mounts that path`,
            fixes: [fix(`Mount "${name}" read-only`, { kind: 'set', path: [...mountPath, 'readOnly'], value: true })],
          });
        });
      }
    }
    return out;
  },
};
