// The image catalogue lookup (docs/image-behaviour.md): which catalogue entry (imageEntries.ts) an image reference is, as
// an ImageProfile, and the set of tools that some catalogued image has.
import type { ImageProfile } from './imageProfile';
import { parseImageRef } from '../model/imageRef';
import { memoByString } from '../model/memo';
import { ENTRIES } from './imageEntries';
import { BUILDPACK, BUSYBOX, UBUNTU } from './toolSets';

export type { ImageProfile } from './imageProfile';

/**
 * Every tool some catalogued image has (plus common probe clients). A command outside this set is assumed to exist
 * (a mounted script, an application binary); one inside it but missing from the image's list is "not found".
 */
export function knownTools(): ReadonlySet<string> {
  if (knownTools_ === undefined) {
    const all = new Set<string>([
      'grpc_health_probe',
      'telnet',
      'zsh',
      'dig',
      'nmap',
      'tcpdump',
      'socat',
      'jq',
      'ss',
      'iptables',
    ]);
    const dummy = parseImageRef('podlab/dummy:latest')!;
    for (const e of ENTRIES) for (const t of e.build(dummy).tools) all.add(t);
    for (const t of [...BUILDPACK, ...UBUNTU, ...BUSYBOX]) all.add(t);
    for (const generic of ['server', 'entrypoint.sh', 'run.sh']) all.delete(generic);
    knownTools_ = all;
  }
  return knownTools_;
}
let knownTools_: Set<string> | undefined;

export function lookupImage(image: string | undefined): ImageProfile | undefined {
  return image === undefined ? undefined : profiles(image);
}
// Pure, and asked about the same image for every pod a run makes (memo.ts): the profiles are shared, never mutated.
const profiles = memoByString(lookupImageOnce);

function lookupImageOnce(image: string): ImageProfile | undefined {
  const ref = parseImageRef(image);
  if (ref === undefined) return undefined;
  for (const e of ENTRIES) {
    if (!e.match(ref)) continue;
    const b = e.build(ref);
    return {
      key: e.key,
      ref,
      title: ref.tagGiven ? `${ref.path}:${ref.tag}` : ref.path,
      entrypoint: b.entrypoint ?? [],
      env: b.env ?? {},
      workingDir: b.workingDir ?? '/',
      params: b.params ?? {},
      notes: b.notes ?? [],
      ...b,
    };
  }
  return undefined;
}
