// Names that must be unique, which the API server rejects when repeated: container names (containers,
// initContainers and ephemeralContainers share one namespace), port names within a container, volume names.
import type { Path } from '../../../simulator/src/index';
import type { DocContext, Finding, Fix, Rule } from './types';
import { containersOf, deepEqual, isObj, list, str, type ContainerAt } from './support/data';
import { deleteSeqItem, replaceValue, scalarText } from './support/edits';

/** The first free `name-2`, `name-3`, … (undefined when it would exceed `maxLength`). */
function freeName(name: string, taken: ReadonlySet<string>, maxLength: number): string | undefined {
  for (let i = 2; i < 100; i++) {
    const candidate = `${name}-${i}`;
    if (candidate.length > maxLength) return undefined;
    if (!taken.has(candidate)) return candidate;
  }
  return undefined;
}

function renameFix(doc: DocContext, path: Path, name: string, taken: ReadonlySet<string>, maxLength: number): Fix[] {
  const next = freeName(name, taken, maxLength);
  return next === undefined ? [] : [{ title: `Rename to "${next}"`, edits: [replaceValue(doc, path, scalarText(next))], preferred: true }];
}

function line(doc: DocContext, path: Path): number {
  return doc.range(path).start.line + 1;
}

function where(c: ContainerAt): string {
  return c.kind === 'regular' ? 'container' : c.kind === 'ephemeral' ? 'ephemeral container' : c.kind === 'sidecar' ? 'sidecar (init) container' : 'init container';
}

export const duplicateName: Rule = {
  id: 'duplicate-name',
  defaultSeverity: 'error',
  description: 'A container, port or volume name is used twice where it must be unique',
  check(doc) {
    const out: Finding[] = [];
    for (const pod of doc.podSpecs()) {
      const containers = containersOf(pod);
      // Container names: one namespace for init, regular and ephemeral containers.
      const allNames = new Set(containers.map((c) => c.name).filter((n): n is string => n !== undefined));
      const seen = new Map<string, ContainerAt>();
      for (const c of containers) {
        if (c.name === undefined || c.name === '') continue;
        const first = seen.get(c.name);
        if (!first) {
          seen.set(c.name, c);
          continue;
        }
        const namePath = [...c.path, 'name'];
        out.push({
          range: doc.range(namePath),
          message: `Container name "${c.name}" is already used by the ${where(first)} on line ${line(doc, [...first.path, 'name'])}: names must be unique across containers, initContainers and ephemeralContainers`,
          related: [{ range: doc.range([...first.path, 'name']), message: `"${c.name}" is first used here` }],
          fixes: renameFix(doc, namePath, c.name, allNames, 63),
        });
      }
      // Port names within a container.
      for (const c of containers) {
        const ports = list(c.c['ports']);
        const names = new Set(ports.map((p) => (isObj(p) ? str(p['name']) : undefined)).filter((n): n is string => n !== undefined));
        const firstAt = new Map<string, number>();
        ports.forEach((p, i) => {
          const name = isObj(p) ? str(p['name']) : undefined;
          if (name === undefined || name === '') return;
          const first = firstAt.get(name);
          if (first === undefined) return void firstAt.set(name, i);
          const path = [...c.path, 'ports', i, 'name'];
          const firstPath = [...c.path, 'ports', first, 'name'];
          out.push({
            range: doc.range(path),
            message: `Port name "${name}" is used twice in ${c.label} (first on line ${line(doc, firstPath)}): port names must be unique within a container`,
            related: [{ range: doc.range(firstPath), message: `"${name}" is first used here` }],
            fixes: renameFix(doc, path, name, names, 15),
          });
        });
      }
      // Volume names.
      const volumes = list(pod.spec['volumes']);
      const firstVolume = new Map<string, number>();
      volumes.forEach((v, i) => {
        const name = isObj(v) ? str(v['name']) : undefined;
        if (name === undefined || name === '') return;
        const first = firstVolume.get(name);
        if (first === undefined) return void firstVolume.set(name, i);
        const path = [...pod.path, 'volumes', i, 'name'];
        const firstPath = [...pod.path, 'volumes', first, 'name'];
        const remove = deepEqual(v, volumes[first]) ? deleteSeqItem(doc, [...pod.path, 'volumes'], i) : undefined;
        out.push({
          range: doc.range(path),
          message: `Volume name "${name}" is used twice (first on line ${line(doc, firstPath)}): volume names must be unique in a pod${remove ? '; both definitions are identical' : ''}`,
          related: [{ range: doc.range(firstPath), message: `"${name}" is first defined here` }],
          fixes: remove ? [{ title: 'Remove this duplicate volume', edits: [remove], preferred: true }] : [],
        });
      });
    }
    return out;
  },
};
