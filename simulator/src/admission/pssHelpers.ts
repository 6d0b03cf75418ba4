// What every Pod Security check is made of (pssBaseline.ts, pssRestricted.ts): find the offenders in a pod
// template, and word a set of offenders the way the check's ForbiddenDetail does (k8s.io/pod-security-admission
// policy/check_*.go, the `latest` policy). Wording the whole set gives the API server's message; wording one
// offender gives what it would say were that field the only problem (the language server shows that on the
// field). Plain data in (documents may be half written), nothing thrown. Facts and sources: docs/world-behaviour.md.
import type { FixData } from '../model/fixes';
import type { Path } from '../model/path';

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
export const items = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export type PssLevel = 'baseline' | 'restricted';

/** One field that breaks a check. */
export interface PssOffender {
  /** The field, from the pod template (`spec.…`, or `metadata.annotations.<key>`). */
  path: Path;
  /** The field is absent (the check wants it set): `path` is where it would go. */
  missing?: boolean;
  /** Who sets it, as the message names it: the pod, or a container by name. */
  setter: 'pod' | { container: string };
  /** What the check quotes (a capability, a port, a volume type, an annotation…). */
  value?: string;
  /** Which half of a two-part check (`explicit` / `implicit`, `drop` / `add`, `type` / `user` / `role`, `annotation`). */
  part?: string;
  /** A volume's name (volume checks). */
  volume?: string;
  fixes?: FixData[];
}

export interface PssCheck {
  id: string;
  level: PssLevel;
  /** Baseline checks this restricted check replaces (OverrideCheckIDs). */
  overrides?: readonly string[];
  find(meta: Obj, spec: Obj): PssOffender[];
  /** ForbiddenReason and ForbiddenDetail for these offenders (never called with none). */
  word(offenders: readonly PssOffender[]): { reason: string; detail: string };
}

// ---- the helpers of policy/helpers.go, and sets.String's sorted List() ---------------------------------------

export function joinQuote(list: readonly string[]): string {
  return list.length === 0 ? '' : `"${list.join('", "')}"`;
}
export const pluralize = (one: string, many: string, n: number): string => (n === 1 ? one : many);
/** sets.NewString(...).List(): unique, sorted by bytes. */
export const sortedSet = (list: readonly string[]): string[] =>
  [...new Set(list)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const unique = (list: readonly string[]): string[] => [...new Set(list)];

export const containerNames = (offs: readonly PssOffender[], part?: string): string[] =>
  unique(
    offs
      .filter((o) => typeof o.setter === 'object' && (part === undefined || o.part === part))
      .map((o) => (o.setter as { container: string }).container),
  );
export const containersPhrase = (names: readonly string[]): string =>
  `${pluralize('container', 'containers', names.length)} ${joinQuote(names)}`;
/** `pod and containers "a", "b"`: the setters of a pod-or-container check, pod first. */
export function setters(offs: readonly PssOffender[], part?: string): string {
  const chosen = part === undefined ? offs : offs.filter((o) => o.part === part);
  const out: string[] = chosen.some((o) => o.setter === 'pod') ? ['pod'] : [];
  const names = containerNames(chosen);
  if (names.length > 0) out.push(containersPhrase(names));
  return out.join(' and ');
}
export const values = (offs: readonly PssOffender[]): string[] =>
  offs.flatMap((o) => (o.value === undefined ? [] : [o.value]));

// ---- walking a pod template ------------------------------------------------------------------------------------

export interface ContainerAt {
  c: Obj;
  path: Path;
  name: string;
  sc: Obj | undefined;
}

/** visitContainers: init containers, containers, ephemeral containers. */
export function containers(spec: Obj): ContainerAt[] {
  const out: ContainerAt[] = [];
  for (const key of ['initContainers', 'containers', 'ephemeralContainers']) {
    items(spec[key]).forEach((c, i) => {
      if (!isObj(c)) return;
      const sc = isObj(c['securityContext']) ? c['securityContext'] : undefined;
      out.push({ c, path: ['spec', key, i], name: text(c['name']) ?? '', sc });
    });
  }
  return out;
}

export const podSc = (spec: Obj): Obj | undefined =>
  isObj(spec['securityContext']) ? spec['securityContext'] : undefined;
/** The contexts that may set a pod-or-container field: the pod's first, then each container's. */
export function contexts(spec: Obj): { sc: Obj | undefined; path: Path; setter: PssOffender['setter'] }[] {
  return [
    { sc: podSc(spec), path: ['spec', 'securityContext'], setter: 'pod' as const },
    ...containers(spec).map((c) => ({ sc: c.sc, path: [...c.path, 'securityContext'], setter: { container: c.name } })),
  ];
}
/** Linux-only checks skip pods that declare `os.name: windows` (policy version 1.25+). */
export const isWindows = (spec: Obj): boolean => isObj(spec['os']) && spec['os']['name'] === 'windows';

export const set = (title: string, path: Path, value: unknown, preferred = false): FixData =>
  preferred
    ? { title, changes: [{ kind: 'set', path, value }], preferred }
    : { title, changes: [{ kind: 'set', path, value }] };

export const volumesOf = (spec: Obj): { v: Obj; i: number; name: string }[] =>
  items(spec['volumes']).flatMap((v, i) => (isObj(v) ? [{ v, i, name: text(v['name']) ?? '' }] : []));
export const volumeNames = (offs: readonly PssOffender[]): string[] => unique(offs.map((o) => o.volume ?? ''));

export const validSeccomp = (t: string): boolean => t === 'RuntimeDefault' || t === 'Localhost';
export function explicitSeccomp(spec: Obj): PssOffender[] {
  return contexts(spec).flatMap(({ sc, path, setter }) => {
    const p = sc?.['seccompProfile'];
    if (!isObj(p)) return [];
    const type = text(p['type']) ?? '';
    if (validSeccomp(type)) return [];
    const at = [...path, 'seccompProfile', 'type'];
    return [
      {
        path: at,
        setter,
        part: 'explicit',
        value: type,
        fixes: [set('Use the RuntimeDefault seccomp profile', at, 'RuntimeDefault', true)],
      },
    ];
  });
}
export const wordExplicitSeccomp = (offs: readonly PssOffender[]): string =>
  `${setters(offs, 'explicit')} must not set securityContext.seccompProfile.type to ${joinQuote(sortedSet(values(offs.filter((o) => o.part === 'explicit'))))}`;
