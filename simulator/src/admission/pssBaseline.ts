// The baseline level's checks of Pod Security Admission, in the registry's order (check IDs sorted): one object
// per k8s.io/pod-security-admission policy/check_*.go, `latest` policy version (pssHelpers.ts says how). The
// checks on the node's own resources (host namespaces, ports, paths, sysctls) are in pssHost.ts.
import {
  containerNames,
  containers,
  containersPhrase,
  contexts,
  isObj,
  items,
  joinQuote,
  pluralize,
  set,
  setters,
  sortedSet,
  text,
  explicitSeccomp,
  wordExplicitSeccomp,
  values,
  type PssCheck,
  type PssOffender,
} from './pssHelpers';
import { hostNamespaces, hostPathVolumes, hostPorts, hostProbesAndHostLifecycle, sysctls } from './pssHost';

const APPARMOR_ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';
const goQuote = (s: string): string => JSON.stringify(s);

const appArmorProfile: PssCheck = {
  id: 'appArmorProfile',
  level: 'baseline',
  find(meta, spec) {
    const out: PssOffender[] = [];
    for (const { sc, path, setter } of contexts(spec)) {
      const p = sc?.['appArmorProfile'];
      if (!isObj(p)) continue;
      const type = text(p['type']) ?? '';
      if (type === 'RuntimeDefault' || type === 'Localhost') continue;
      const at = [...path, 'appArmorProfile', 'type'];
      out.push({
        path: at,
        setter,
        value: type,
        fixes: [set('Use the RuntimeDefault AppArmor profile', at, 'RuntimeDefault', true)],
      });
    }
    const annotations = isObj(meta['annotations']) ? meta['annotations'] : {};
    for (const [k, v] of Object.entries(annotations)) {
      if (!k.startsWith(APPARMOR_ANNOTATION) || typeof v !== 'string') continue;
      if (v === '' || v === 'runtime/default' || v.startsWith('localhost/')) continue;
      out.push({
        path: ['metadata', 'annotations', k],
        setter: 'pod',
        part: 'annotation',
        value: `${k}=${goQuote(v)}`,
      });
    }
    return out;
  },
  word(offs) {
    const fields = offs.filter((o) => o.part !== 'annotation');
    const annotations = sortedSet(values(offs.filter((o) => o.part === 'annotation')));
    const bad = [...sortedSet(values(fields)), ...annotations];
    const who = setters(fields);
    const all = [
      ...(who ? [who] : []),
      ...(annotations.length > 0 ? [pluralize('annotation', 'annotations', annotations.length)] : []),
    ];
    return {
      reason: pluralize('forbidden AppArmor profile', 'forbidden AppArmor profiles', bad.length),
      detail: `${all.join(' and ')} must not set AppArmor profile type to ${joinQuote(bad)}`,
    };
  },
};

/** The capabilities a container may add at baseline (check_capabilities_baseline.go). */
const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID',
  'SETPCAP', 'SETUID', 'SYS_CHROOT',
]); // prettier-ignore

const capabilitiesBaseline: PssCheck = {
  id: 'capabilities_baseline',
  level: 'baseline',
  find(_meta, spec) {
    const out: PssOffender[] = [];
    for (const c of containers(spec)) {
      const caps = c.sc?.['capabilities'];
      if (!isObj(caps)) continue;
      items(caps['add']).forEach((cap, k) => {
        const name = String(cap);
        if (BASELINE_CAPABILITIES.has(name)) return;
        const at = [...c.path, 'securityContext', 'capabilities', 'add', k];
        out.push({
          path: at,
          setter: { container: c.name },
          value: name,
          fixes: [{ title: `Remove ${name} from capabilities.add`, changes: [{ kind: 'delete', path: at }] }],
        });
      });
    }
    return out;
  },
  word(offs) {
    return {
      reason: 'non-default capabilities',
      detail: `${containersPhrase(containerNames(offs))} must not include ${joinQuote(sortedSet(values(offs)))} in securityContext.capabilities.add`,
    };
  },
};

const privileged: PssCheck = {
  id: 'privileged',
  level: 'baseline',
  find(_meta, spec) {
    return containers(spec)
      .filter((c) => c.sc?.['privileged'] === true)
      .map((c) => {
        const at = [...c.path, 'securityContext', 'privileged'];
        return { path: at, setter: { container: c.name }, fixes: [set('Set privileged: false', at, false, true)] };
      });
  },
  word: (offs) => ({
    reason: 'privileged',
    detail: `${containersPhrase(containerNames(offs))} must not set securityContext.privileged=true`,
  }),
};

/** procMount_baseline and procMount_restricted say the same while user-namespace relaxation is off (the default). */
const procMount: PssCheck = {
  id: 'procMount_baseline',
  level: 'baseline',
  find(_meta, spec) {
    return containers(spec).flatMap((c) => {
      const v = c.sc?.['procMount'];
      if (typeof v !== 'string' || v === 'Default') return [];
      const at = [...c.path, 'securityContext', 'procMount'];
      return [
        {
          path: at,
          setter: { container: c.name },
          value: v,
          fixes: [set('Set procMount: Default', at, 'Default', true)],
        },
      ];
    });
  },
  word: (offs) => ({
    reason: 'procMount',
    detail: `${containersPhrase(containerNames(offs))} must not set securityContext.procMount to ${joinQuote(sortedSet(values(offs)))}`,
  }),
};

const SELINUX_TYPES = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);

const seLinuxOptions: PssCheck = {
  id: 'seLinuxOptions',
  level: 'baseline',
  find(_meta, spec) {
    const out: PssOffender[] = [];
    for (const { sc, path, setter } of contexts(spec)) {
      const o = sc?.['seLinuxOptions'];
      if (!isObj(o)) continue;
      const type = text(o['type']) ?? '';
      const at = [...path, 'seLinuxOptions'];
      if (!SELINUX_TYPES.has(type)) out.push({ path: [...at, 'type'], setter, part: 'type', value: type });
      for (const k of ['user', 'role'])
        if ((text(o[k]) ?? '') !== '')
          out.push({
            path: [...at, k],
            setter,
            part: k,
            fixes: [{ title: `Remove seLinuxOptions.${k}`, changes: [{ kind: 'delete', path: [...at, k] }] }],
          });
    }
    return out;
  },
  word(offs) {
    const types = sortedSet(values(offs.filter((o) => o.part === 'type')));
    const data = [
      ...(types.length > 0 ? [`${pluralize('type', 'types', types.length)} ${joinQuote(types)}`] : []),
      ...(offs.some((o) => o.part === 'user') ? ['user may not be set'] : []),
      ...(offs.some((o) => o.part === 'role') ? ['role may not be set'] : []),
    ];
    return {
      reason: 'seLinuxOptions',
      detail: `${setters(offs)} set forbidden securityContext.seLinuxOptions: ${data.join('; ')}`,
    };
  },
};

const seccompProfileBaseline: PssCheck = {
  id: 'seccompProfile_baseline',
  level: 'baseline',
  find: (_meta, spec) => explicitSeccomp(spec),
  word: (offs) => ({ reason: 'seccompProfile', detail: wordExplicitSeccomp(offs) }),
};

const windowsHostProcess: PssCheck = {
  id: 'windowsHostProcess',
  level: 'baseline',
  find(_meta, spec) {
    return contexts(spec).flatMap(({ sc, path, setter }) => {
      const w = sc?.['windowsOptions'];
      return isObj(w) && w['hostProcess'] === true
        ? [{ path: [...path, 'windowsOptions', 'hostProcess'], setter }]
        : [];
    });
  },
  word: (offs) => ({
    reason: 'hostProcess',
    detail: `${setters(offs)} must not set securityContext.windowsOptions.hostProcess=true`,
  }),
};

export const BASELINE_CHECKS: readonly PssCheck[] = [
  appArmorProfile,
  capabilitiesBaseline,
  hostNamespaces,
  hostPathVolumes,
  hostPorts,
  hostProbesAndHostLifecycle,
  privileged,
  procMount,
  seLinuxOptions,
  seccompProfileBaseline,
  sysctls,
  windowsHostProcess,
];
