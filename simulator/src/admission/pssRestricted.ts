// The restricted level's own checks of Pod Security Admission, in the registry's order (check IDs sorted): one
// object per k8s.io/pod-security-admission policy/check_*.go, `latest` policy version (pssHelpers.ts says how).
// At restricted, every baseline check applies too, except those a restricted check overrides.
import type { FixData } from '../model/fixes';
import {
  containerNames,
  containers,
  containersPhrase,
  explicitSeccomp,
  isObj,
  isWindows,
  items,
  joinQuote,
  pluralize,
  podSc,
  set,
  setters,
  sortedSet,
  validSeccomp,
  values,
  volumeNames,
  volumesOf,
  wordExplicitSeccomp,
  type PssCheck,
  type PssOffender,
} from './pssHelpers';

const allowPrivilegeEscalation: PssCheck = {
  id: 'allowPrivilegeEscalation',
  level: 'restricted',
  find(_meta, spec) {
    if (isWindows(spec)) return [];
    return containers(spec).flatMap((c) => {
      const v = c.sc?.['allowPrivilegeEscalation'];
      if (v === false) return [];
      const at = [...c.path, 'securityContext', 'allowPrivilegeEscalation'];
      return [
        {
          path: at,
          ...(v === undefined || v === null ? { missing: true } : {}),
          setter: { container: c.name },
          fixes: [set('Set allowPrivilegeEscalation: false', at, false, true)],
        },
      ];
    });
  },
  word: (offs) => ({
    reason: 'allowPrivilegeEscalation != false',
    detail: `${containersPhrase(containerNames(offs))} must set securityContext.allowPrivilegeEscalation=false`,
  }),
};

const capabilitiesRestricted: PssCheck = {
  id: 'capabilities_restricted',
  level: 'restricted',
  overrides: ['capabilities_baseline'],
  find(_meta, spec) {
    if (isWindows(spec)) return [];
    const out: PssOffender[] = [];
    for (const c of containers(spec)) {
      const capsPath = [...c.path, 'securityContext', 'capabilities'];
      const caps = c.sc?.['capabilities'];
      const drop = isObj(caps) ? caps['drop'] : undefined;
      if (!items(drop).includes('ALL')) {
        const dropFix: FixData = Array.isArray(drop)
          ? {
              title: 'Add ALL to capabilities.drop',
              changes: [{ kind: 'append', path: [...capsPath, 'drop'], value: 'ALL' }],
              preferred: true,
            }
          : set('Drop all capabilities (capabilities.drop: [ALL])', [...capsPath, 'drop'], ['ALL'], true);
        out.push({
          path: [...capsPath, 'drop'],
          ...(drop === undefined || drop === null ? { missing: true } : {}),
          setter: { container: c.name },
          part: 'drop',
          fixes: [dropFix],
        });
      }
      if (!isObj(caps)) continue;
      items(caps['add']).forEach((cap, k) => {
        const name = String(cap);
        if (name === 'NET_BIND_SERVICE') return;
        const at = [...capsPath, 'add', k];
        out.push({
          path: at,
          setter: { container: c.name },
          part: 'add',
          value: name,
          fixes: [{ title: `Remove ${name} from capabilities.add`, changes: [{ kind: 'delete', path: at }] }],
        });
      });
    }
    return out;
  },
  word(offs) {
    const details: string[] = [];
    const drop = containerNames(offs, 'drop');
    if (drop.length > 0) details.push(`${containersPhrase(drop)} must set securityContext.capabilities.drop=["ALL"]`);
    const add = containerNames(offs, 'add');
    if (add.length > 0)
      details.push(
        `${containersPhrase(add)} must not include ${joinQuote(sortedSet(values(offs.filter((o) => o.part === 'add'))))} in securityContext.capabilities.add`,
      );
    return { reason: 'unrestricted capabilities', detail: details.join('; ') };
  },
};

/** The volume types restricted allows (check_restrictedVolumes.go; `image` volumes are allowed from policy 1.33). */
const ALLOWED_VOLUMES = new Set([
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
  'image',
]);
/** The volume sources restricted names, as it spells them (the API's field names). */
const NAMED_VOLUMES = new Set([
  'hostPath',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'nfs',
  'iscsi',
  'glusterfs',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'fc',
  'azureFile',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'portworxVolume',
  'scaleIO',
  'storageos',
]);

const restrictedVolumes: PssCheck = {
  id: 'restrictedVolumes',
  level: 'restricted',
  overrides: ['hostPathVolumes'],
  find(_meta, spec) {
    return volumesOf(spec).flatMap(({ v, i, name }) => {
      const keys = Object.keys(v).filter((k) => k !== 'name' && v[k] !== null && v[k] !== undefined);
      if (keys.some((k) => ALLOWED_VOLUMES.has(k))) return [];
      const type = keys.find((k) => NAMED_VOLUMES.has(k));
      return [
        {
          path: ['spec', 'volumes', i, ...(type !== undefined ? [type] : [])],
          setter: 'pod' as const,
          volume: name,
          value: type ?? 'unknown',
        },
      ];
    });
  },
  word(offs) {
    const names = volumeNames(offs);
    const types = sortedSet(values(offs));
    return {
      reason: 'restricted volume types',
      detail: `${pluralize('volume', 'volumes', names.length)} ${joinQuote(names)} ${pluralize('uses', 'use', names.length)} ${pluralize('restricted volume type', 'restricted volume types', types.length)} ${joinQuote(types)}`,
    };
  },
};

const runAsNonRoot: PssCheck = {
  id: 'runAsNonRoot',
  level: 'restricted',
  find(_meta, spec) {
    const out: PssOffender[] = [];
    const pod = podSc(spec)?.['runAsNonRoot'];
    const podPath = ['spec', 'securityContext', 'runAsNonRoot'];
    if (pod === false)
      out.push({
        path: podPath,
        setter: 'pod',
        part: 'explicit',
        fixes: [set('Set runAsNonRoot: true', podPath, true)],
      });
    for (const c of containers(spec)) {
      const v = c.sc?.['runAsNonRoot'];
      const at = [...c.path, 'securityContext', 'runAsNonRoot'];
      if (v === false)
        out.push({
          path: at,
          setter: { container: c.name },
          part: 'explicit',
          fixes: [set('Set runAsNonRoot: true', at, true)],
        });
      else if (typeof v !== 'boolean' && pod !== true)
        // Not preferred: the kubelet then refuses an image that runs as root (CreateContainerConfigError).
        out.push({
          path: at,
          missing: true,
          setter: { container: c.name },
          part: 'implicit',
          fixes: [set('Set runAsNonRoot: true for the pod (the images must run as a non-root user)', podPath, true)],
        });
    }
    return out;
  },
  word(offs) {
    if (offs.some((o) => o.part === 'explicit'))
      return {
        reason: 'runAsNonRoot != true',
        detail: `${setters(offs, 'explicit')} must not set securityContext.runAsNonRoot=false`,
      };
    return {
      reason: 'runAsNonRoot != true',
      detail: `pod or ${containersPhrase(containerNames(offs, 'implicit'))} must set securityContext.runAsNonRoot=true`,
    };
  },
};

const runAsUser: PssCheck = {
  id: 'runAsUser',
  level: 'restricted',
  find(_meta, spec) {
    const out: PssOffender[] = [];
    if (podSc(spec)?.['runAsUser'] === 0) out.push({ path: ['spec', 'securityContext', 'runAsUser'], setter: 'pod' });
    for (const c of containers(spec))
      if (c.sc?.['runAsUser'] === 0)
        out.push({ path: [...c.path, 'securityContext', 'runAsUser'], setter: { container: c.name } });
    return out;
  },
  word: (offs) => ({ reason: 'runAsUser=0', detail: `${setters(offs)} must not set runAsUser=0` }),
};

const seccompProfileRestricted: PssCheck = {
  id: 'seccompProfile_restricted',
  level: 'restricted',
  overrides: ['seccompProfile_baseline'],
  find(_meta, spec) {
    if (isWindows(spec)) return [];
    const out = explicitSeccomp(spec);
    const pod = podSc(spec)?.['seccompProfile'];
    // A valid pod profile covers the containers that set none; a bad one is an offender of its own (explicit).
    if (isObj(pod) && validSeccomp(typeof pod['type'] === 'string' ? pod['type'] : '')) return out;
    const podType = ['spec', 'securityContext', 'seccompProfile', 'type'];
    for (const c of containers(spec)) {
      if (isObj(c.sc?.['seccompProfile'])) continue;
      out.push({
        path: [...c.path, 'securityContext', 'seccompProfile', 'type'],
        missing: true,
        setter: { container: c.name },
        part: 'implicit',
        fixes: [set('Use the RuntimeDefault seccomp profile for the pod', podType, 'RuntimeDefault', true)],
      });
    }
    return out;
  },
  word(offs) {
    if (offs.some((o) => o.part === 'explicit')) return { reason: 'seccompProfile', detail: wordExplicitSeccomp(offs) };
    return {
      reason: 'seccompProfile',
      detail: `pod or ${containersPhrase(containerNames(offs, 'implicit'))} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
    };
  },
};

/**
 * procMount_restricted (1.35) says what procMount_baseline says while user-namespace relaxation is off (the
 * default), so the baseline one (pssBaseline.ts) stands for both and the message names it once.
 */
export const RESTRICTED_CHECKS: readonly PssCheck[] = [
  allowPrivilegeEscalation,
  capabilitiesRestricted,
  restrictedVolumes,
  runAsNonRoot,
  runAsUser,
  seccompProfileRestricted,
];
