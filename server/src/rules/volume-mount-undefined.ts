// A volumeMount (or volumeDevice) that names no volume of the pod: the API server rejects the pod ("Not
// found"). A StatefulSet's volumeClaimTemplates count as volumes.
import type { Finding, Fix, Rule } from './types';
import { containersOf, editDistance, get, isObj, list, str } from './support/data';
import { appendSeqItem, insertEntry, replaceValue, scalarText } from './support/edits';

export const volumeMountUndefined: Rule = {
  id: 'volume-mount-undefined',
  defaultSeverity: 'error',
  description: 'A volumeMount refers to a volume name that the pod does not define',
  check(doc) {
    const out: Finding[] = [];
    for (const pod of doc.podSpecs()) {
      const volumes = new Map<string, (string | number)[]>();
      list(pod.spec['volumes']).forEach((v, i) => {
        const name = isObj(v) ? str(v['name']) : undefined;
        if (name !== undefined && !volumes.has(name)) volumes.set(name, [...pod.path, 'volumes', i, 'name']);
      });
      if (doc.kind === 'StatefulSet') {
        list(get(doc.value, ['spec', 'volumeClaimTemplates'])).forEach((t, i) => {
          const name = str(get(t, ['metadata', 'name']));
          if (name !== undefined && !volumes.has(name)) volumes.set(name, ['spec', 'volumeClaimTemplates', i, 'metadata', 'name']);
        });
      }
      const added = new Set<string>();
      for (const c of containersOf(pod)) {
        for (const field of ['volumeMounts', 'volumeDevices'] as const) {
          list(c.c[field]).forEach((m, i) => {
            const name = isObj(m) ? str(m['name']) : undefined;
            if (name === undefined || name === '' || volumes.has(name)) return;
            const path = [...c.path, field, i, 'name'];
            const names = [...volumes.keys()];
            const close = names
              .map((n) => ({ n, d: n.toLowerCase() === name.toLowerCase() ? 0 : editDistance(n, name, 2) }))
              .filter((x) => x.d <= 2)
              .sort((a, b) => a.d - b.d)[0];
            const fixes: Fix[] = [];
            if (close) fixes.push({ title: `Rename to "${close.n}"`, edits: [replaceValue(doc, path, scalarText(close.n))], preferred: true });
            if (field === 'volumeMounts' && !added.has(name)) {
              const vols = pod.spec['volumes'];
              const item = { name, emptyDir: {} };
              const edit = Array.isArray(vols) ? appendSeqItem(doc, [...pod.path, 'volumes'], item) : vols === undefined ? insertEntry(doc, pod.path, 'volumes', [item]) : undefined;
              if (edit) fixes.push({ title: `Add an emptyDir volume named "${name}"`, edits: [edit], ...(close ? {} : { preferred: true }) });
            }
            added.add(name);
            const known = names.length > 0 ? `the pod's volumes: ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''}` : 'the pod defines no volumes';
            out.push({
              range: doc.range(path),
              message: `${field === 'volumeMounts' ? 'Volume mount' : 'Volume device'} "${name}" in ${c.label} refers to no volume (${known})${close ? `; did you mean "${close.n}"?` : ''}`,
              related: close ? [{ range: doc.range(volumes.get(close.n) ?? pod.path), message: `volume "${close.n}" is defined here` }] : [],
              fixes,
            });
          });
        }
      }
    }
    return out;
  },
};
