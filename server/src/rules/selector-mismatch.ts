// A workload whose selector does not select its own pod template: the API server rejects it with
// "`selector` does not match template `labels`". Checked per requirement, on matchLabels and matchExpressions.
import type { Path } from '../../../simulator/src/index';
import type { Finding, Fix, Rule } from './types';
import { get, isObj, list, str, stringMap, templatePath } from './support/data';
import { deleteKey, insertNested, replaceValue, scalarText, setScalar } from './support/edits';

const SELECTOR_PATHS: Record<string, Path> = {
  Deployment: ['spec', 'selector'],
  ReplicaSet: ['spec', 'selector'],
  StatefulSet: ['spec', 'selector'],
  DaemonSet: ['spec', 'selector'],
  Job: ['spec', 'selector'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'selector'],
};

function pair(k: string, v: string): string {
  return `${k}=${v}`;
}

export const selectorMismatch: Rule = {
  id: 'selector-mismatch',
  defaultSeverity: 'error',
  description: "A workload's selector does not match its pod template labels (the API server rejects it)",
  check(doc) {
    const selPath = doc.kind ? SELECTOR_PATHS[doc.kind] : undefined;
    const tplPath = templatePath(doc.kind);
    if (!selPath || !tplPath) return [];
    const selector = get(doc.value, selPath);
    if (!isObj(selector)) return [];
    const template = get(doc.value, tplPath);
    if (!isObj(template)) return [];
    const labelsPath = [...tplPath, 'metadata', 'labels'];
    const rawLabels = get(doc.value, labelsPath);
    const labels = stringMap(rawLabels) ?? {};
    const labelsExist = isObj(rawLabels);
    const kind = doc.kind ?? 'workload';
    const rejects = `the API server rejects the ${kind} (selector does not match template labels)`;
    const related = labelsExist ? [{ range: doc.range(labelsPath), message: 'the pod template labels' }] : [];
    const out: Finding[] = [];
    const matchLabels = stringMap(selector['matchLabels']) ?? {};
    const missing = Object.entries(matchLabels).filter(([k]) => !Object.prototype.hasOwnProperty.call(labels, k));
    let createdLabels = false;

    /** Adds labels to the template (creating metadata/labels when absent; then all missing labels at once). */
    const addLabel = (k: string, v: string): Fix | undefined => {
      if (labelsExist) {
        const edit = setScalar(doc, labelsPath, k, v);
        return edit && { title: `Add ${k}: ${v} to the pod template labels`, edits: [edit], preferred: true };
      }
      if (createdLabels || !isObj(get(doc.value, tplPath))) return undefined;
      createdLabels = true;
      const all = Object.fromEntries(missing);
      const edit = insertNested(doc, tplPath, ['metadata', 'labels'], Object.keys(all).length > 0 ? all : { [k]: v });
      return edit && { title: `Add the labels ${Object.entries(all).map(([a, b]) => `${a}: ${b}`).join(', ') || `${k}: ${v}`} to the pod template`, edits: [edit], preferred: true };
    };

    for (const [k, v] of Object.entries(matchLabels)) {
      if (labels[k] === v) continue;
      const keyRange = doc.keyRange([...selPath, 'matchLabels'], k) ?? doc.range([...selPath, 'matchLabels', k]);
      const fixes: Fix[] = [];
      const rel = [...related];
      let message: string;
      if (!Object.prototype.hasOwnProperty.call(labels, k)) {
        message = `The selector requires ${pair(k, v)}, but the pod template has no "${k}" label: ${rejects}`;
        const f = addLabel(k, v);
        if (f) fixes.push(f);
      } else {
        const actual = labels[k] as string;
        message = `The selector requires ${pair(k, v)}, but the pod template has ${pair(k, actual)}: ${rejects}`;
        const setTpl = setScalar(doc, labelsPath, k, v);
        if (setTpl) fixes.push({ title: `Set the pod template label ${k} to ${v}`, edits: [setTpl], preferred: true });
        if (typeof get(doc.value, [...selPath, 'matchLabels', k]) === 'string') {
          fixes.push({ title: `Set the selector's ${k} to ${actual}`, edits: [replaceValue(doc, [...selPath, 'matchLabels', k], scalarText(actual))] });
        }
        rel.push({ range: doc.range([...labelsPath, k]), message: `the template sets ${pair(k, actual)} here` });
      }
      out.push({ range: keyRange, message, related: rel, fixes });
    }

    list(selector['matchExpressions']).forEach((e, i) => {
      if (!isObj(e)) return;
      const key = str(e['key']);
      const op = str(e['operator']);
      if (key === undefined || op === undefined) return;
      const values = list(e['values']).filter((x): x is string => typeof x === 'string');
      const has = Object.prototype.hasOwnProperty.call(labels, key);
      const value = labels[key];
      const ok = op === 'In' ? has && values.includes(value as string)
        : op === 'NotIn' ? !has || !values.includes(value as string)
        : op === 'Exists' ? has
        : op === 'DoesNotExist' ? !has
        : true; // unknown operators are the schema layer's business
      if (ok) return;
      const exprPath = [...selPath, 'matchExpressions', i];
      const want = op === 'In' || op === 'NotIn' ? `${key} ${op} (${values.join(', ')})` : `${key} ${op}`;
      const have = has ? pair(key, value as string) : `no "${key}" label`;
      const fixes: Fix[] = [];
      if (op === 'In' && !has && values[0] !== undefined) {
        const f = addLabel(key, values[0]);
        if (f) fixes.push(f);
      } else if (op === 'In' && has && values[0] !== undefined) {
        const edit = setScalar(doc, labelsPath, key, values[0]);
        if (edit) fixes.push({ title: `Set the pod template label ${key} to ${values[0]}`, edits: [edit], preferred: values.length === 1 });
      } else if (op === 'DoesNotExist' && has) {
        const edit = deleteKey(doc, labelsPath, key);
        if (edit) fixes.push({ title: `Remove the label ${key} from the pod template`, edits: [edit] });
      }
      out.push({
        range: doc.range(isObj(e) && e['key'] !== undefined ? [...exprPath, 'key'] : exprPath),
        message: `The selector requires ${want}, but the pod template has ${have}: ${rejects}`,
        related: [...related],
        fixes,
      });
    });
    return out;
  },
};
