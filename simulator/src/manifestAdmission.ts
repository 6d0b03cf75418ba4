// Pod Security Admission at apply time (docs/world-behaviour.md, "Pod Security Admission"): a bare Pod created
// in a namespace of the file that enforces a level it breaks is rejected by the API server, like any other
// API-server error — it is an error of the manifest and is not simulated. Workloads are accepted; the
// simulation shows their controllers' FailedCreate (engine/admission.ts).
import { enforced, namespacesOf, rejection } from './engine/admission';
import { parsePath } from './model/path';
import { rangeOf } from './sourceRanges';
import type { LoadedManifest } from './manifestTypes';

export function rejectEnforcedPods(out: LoadedManifest): void {
  if (out.namespaces.length === 0) return;
  const namespaces = namespacesOf(out.namespaces);
  out.objects = out.objects.filter((o) => {
    if (o.kind !== 'Pod') return true;
    const meta = o.value.metadata ?? {};
    const verdict = enforced(namespaces, meta.namespace ?? 'default', o.value);
    if (verdict === undefined) return true;
    // The first field that breaks the level (inside a List item: below the item's path, `items[3].`).
    const first = verdict.violations[0]?.offenders[0]?.offender;
    let field = first?.path ?? [];
    // A missing field is shown on the name of the container that should set it (as the language server does).
    const container = field.findIndex((p) => typeof p === 'number');
    if (first?.missing === true && container > 0) field = [...field.slice(0, container + 1), 'name'];
    const path = [...parsePath((o.at ?? '').replace(/\.$/, '')), ...field];
    out.issues.push({
      doc: o.doc,
      path,
      range: rangeOf(out, o.doc, path),
      severity: 'error',
      code: 'pod-security',
      message: rejection(verdict, meta.name ?? ''),
    });
    return false;
  });
}
