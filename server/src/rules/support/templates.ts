// The pod templates of a file, as Services see them: labels (with the labels controllers add to the pods
// they create), namespace and pod spec.
import type { Path } from '../../../../simulator/src/index';
import type { DocContext, PodSpecAt } from '../types';
import { docTitle, get, str, stringMap, templatePath } from './data';

export interface PodTemplate {
  doc: DocContext;
  /** `Deployment web` */
  title: string;
  labels: Record<string, string>;
  labelsPath: Path;
  namespace: string;
  /** The pod spec; undefined while a workload has its template labels but no `spec` yet. */
  pod: PodSpecAt | undefined;
}

export function namespaceOf(doc: DocContext): string {
  const ns = str(get(doc.value, ['metadata', 'namespace']));
  return ns === undefined || ns === '' ? 'default' : ns;
}

/**
 * Every pod-carrying document of the file whose pod labels are known: it has a pod spec, or at least its
 * template labels (a half-written workload: the labels alone decide what a selector matches).
 */
export function podTemplates(docs: readonly DocContext[]): PodTemplate[] {
  const out: PodTemplate[] = [];
  for (const doc of docs) {
    let t = templates.get(doc);
    if (t === undefined) templates.set(doc, (t = podTemplate(doc) ?? null));
    if (t !== null) out.push(t);
  }
  return out;
}

/**
 * Each document's template (null: none), kept per context: five file rules ask for the templates of every
 * document of the file on each keystroke, and the contexts of the documents a keystroke did not change are the
 * same objects from one pass to the next (features/diagnostics.ts).
 */
const templates = new WeakMap<DocContext, PodTemplate | null>();

function podTemplate(doc: DocContext): PodTemplate | undefined {
  const tpl = templatePath(doc.kind);
  if (tpl === undefined) return undefined;
  const pod = doc.podSpecs()[0];
  const labelsPath = [...tpl, 'metadata', 'labels'];
  const labels = stringMap(get(doc.value, labelsPath));
  if (pod === undefined && labels === undefined) return undefined;
  return { doc, title: docTitle(doc), labels: labels ?? {}, labelsPath, namespace: namespaceOf(doc), pod };
}

/**
 * Namespaces holding a pod-carrying document whose pod labels are not written yet (neither labels nor a pod
 * spec): a selector there may still come to match it, so "selects nothing" cannot be judged.
 */
export function undecidedNamespaces(docs: readonly DocContext[]): Set<string> {
  const out = new Set<string>();
  for (const doc of docs) {
    const tpl = templatePath(doc.kind);
    if (tpl === undefined || doc.podSpecs().length > 0) continue;
    if (stringMap(get(doc.value, [...tpl, 'metadata', 'labels'])) === undefined) out.add(namespaceOf(doc));
  }
  return out;
}

const ANY = () => true;
const DIGITS = (v: string) => /^\d+$/.test(v);

/** Whether a label that the controller adds to the pods it creates can have this value (undefined: not such a label). */
function generated(t: PodTemplate, key: string, value: string): boolean | undefined {
  const name = str(get(t.doc.value, ['metadata', 'name'])) ?? '';
  const byKind: Record<string, Record<string, (v: string) => boolean>> = {
    Deployment: { 'pod-template-hash': ANY },
    ReplicaSet: {},
    StatefulSet: {
      'statefulset.kubernetes.io/pod-name': (v) => v.startsWith(`${name}-`) && DIGITS(v.slice(name.length + 1)),
      'apps.kubernetes.io/pod-index': DIGITS,
      'controller-revision-hash': ANY,
    },
    DaemonSet: { 'controller-revision-hash': ANY, 'pod-template-generation': DIGITS },
    Job: {
      'job-name': (v) => v === name,
      'batch.kubernetes.io/job-name': (v) => v === name,
      'controller-uid': ANY,
      'batch.kubernetes.io/controller-uid': ANY,
      'batch.kubernetes.io/job-completion-index': DIGITS,
    },
    CronJob: {
      'job-name': (v) => v.startsWith(`${name}-`),
      'batch.kubernetes.io/job-name': (v) => v.startsWith(`${name}-`),
      'controller-uid': ANY,
      'batch.kubernetes.io/controller-uid': ANY,
      'batch.kubernetes.io/job-completion-index': DIGITS,
    },
  };
  const check = byKind[t.doc.kind ?? '']?.[key];
  return check ? check(value) : undefined;
}

/** Whether the pods of the template carry `key=value`. */
export function hasLabel(t: PodTemplate, key: string, value: string): boolean {
  if (Object.prototype.hasOwnProperty.call(t.labels, key)) return t.labels[key] === value;
  return generated(t, key, value) ?? false;
}

/** Whether a map selector (Service spec.selector) selects the template's pods. */
export function selects(selector: Record<string, string>, t: PodTemplate): boolean {
  return Object.entries(selector).every(([k, v]) => hasLabel(t, k, v));
}
