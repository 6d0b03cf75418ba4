// Pod and container security contexts.
import { d, type DocTable, type FieldDoc } from '../doc';

const profileTypes = {
  RuntimeDefault: "The container runtime's default profile (recommended).",
  Unconfined: 'No profile: nothing is filtered.',
  Localhost: 'A profile file on the node, named by localhostProfile.',
};
const runAs: Record<string, FieldDoc> = {
  runAsUser: d("User ID the processes run as. Default: the image's USER (often root, 0).", 'runAsUser: 1000'),
  runAsGroup: d("Primary group ID of the processes. Default: the image's group, usually 0.", 'runAsGroup: 3000'),
  runAsNonRoot: d(
    'When true, the kubelet refuses to start a container whose user would be root (UID 0). Default false.',
    'runAsNonRoot: true',
  ),
  seLinuxOptions: d(
    'SELinux label given to the container processes. Default: chosen by the runtime.',
    'seLinuxOptions: { level: "s0:c123,c456" }',
  ),
  seccompProfile: d(
    'Seccomp (system call filter) profile. Default: Unconfined unless the kubelet defaults to RuntimeDefault.',
    'seccompProfile: { type: RuntimeDefault }',
  ),
  appArmorProfile: d(
    'AppArmor profile for the processes. Default: the runtime default on nodes with AppArmor.',
    'appArmorProfile: { type: RuntimeDefault }',
  ),
  windowsOptions: d(
    'Windows-only settings (GMSA credentials, run-as user name, host process).',
    'windowsOptions: { runAsUserName: ContainerUser }',
  ),
};

export const SECURITY_TEXTS: DocTable = {
  SecurityContext: {
    ...runAs,
    allowPrivilegeEscalation: d(
      'Lets a process obtain privileges its parent lacks, e.g. through setuid binaries. Default true; always true when privileged or with CAP_SYS_ADMIN.',
      'allowPrivilegeEscalation: false',
    ),
    privileged: d(
      'Runs the container with nearly all host privileges (all capabilities, all devices). Default false.',
      'privileged: true',
    ),
    readOnlyRootFilesystem: d(
      "Mounts the container's root filesystem read-only; write to volumes instead. Default false.",
      'readOnlyRootFilesystem: true',
    ),
    capabilities: d(
      "Linux capabilities added to or dropped from the runtime's default set.",
      'capabilities: { drop: [ALL], add: [NET_BIND_SERVICE] }',
    ),
    procMount: d('How /proc is mounted. Default Default (masked paths).', 'procMount: Unmasked', {
      Default: 'Masks and read-only paths in /proc (the default).',
      Unmasked: 'No masking; needs hostUsers: false.',
    }),
  },
  PodSecurityContext: {
    ...runAs,
    fsGroup: d(
      'Group that owns mounted volumes (files are made group-writable for it) and is added to every process. Default: none.',
      'fsGroup: 2000',
    ),
    fsGroupChangePolicy: d(
      'When volume ownership is changed to fsGroup. Default Always.',
      'fsGroupChangePolicy: OnRootMismatch',
      {
        Always: 'Change ownership and permissions at every mount (slow for large volumes).',
        OnRootMismatch: 'Only when the volume root does not already match.',
      },
    ),
    supplementalGroups: d('Extra group IDs for every container process.', 'supplementalGroups: [4000]'),
    supplementalGroupsPolicy: d(
      "How supplementalGroups combine with the groups in the image's /etc/group. Default Merge.",
      'supplementalGroupsPolicy: Strict',
      {
        Merge: 'Also add the groups the image declares for the user (the default).',
        Strict: 'Only fsGroup, supplementalGroups and runAsGroup.',
      },
    ),
    sysctls: d(
      'Namespaced kernel parameters set for the pod (unsafe ones must be allowed on the kubelet).',
      'sysctls: [{ name: net.ipv4.ip_local_port_range, value: "1024 65000" }]',
    ),
    seLinuxChangePolicy: d(
      'How SELinux labels are applied to volumes. Default Recursive.',
      'seLinuxChangePolicy: MountOption',
      {
        Recursive: 'Relabel every file of the volume.',
        MountOption: 'Use a mount option (fast), when the volume supports it.',
      },
    ),
  },
  Capabilities: {
    add: d('Capabilities to add, e.g. NET_BIND_SERVICE (names without the CAP_ prefix).', 'add: [NET_BIND_SERVICE]'),
    drop: d('Capabilities to remove; `ALL` drops everything not added back.', 'drop: [ALL]'),
  },
  SeccompProfile: {
    type: d('Kind of seccomp profile. Required.', 'type: RuntimeDefault', profileTypes),
    localhostProfile: d(
      "Profile file under the kubelet's seccomp directory; only with type Localhost.",
      'localhostProfile: profiles/audit.json',
    ),
  },
  AppArmorProfile: {
    type: d('Kind of AppArmor profile. Required.', 'type: RuntimeDefault', profileTypes),
    localhostProfile: d(
      'Name of a profile loaded on the node; only with type Localhost.',
      'localhostProfile: k8s-apparmor-example',
    ),
  },
  SELinuxOptions: {
    user: d('SELinux user label.', 'user: system_u'),
    role: d('SELinux role label.', 'role: system_r'),
    type: d('SELinux type label.', 'type: container_t'),
    level: d('SELinux level (MCS) label.', 'level: "s0:c123,c456"'),
  },
  Sysctl: {
    name: d('Kernel parameter name. Required.', 'name: net.core.somaxconn'),
    value: d('Value, as a string. Required.', 'value: "1024"'),
  },
  WindowsSecurityContextOptions: {
    gmsaCredentialSpec: d('Inline GMSA credential spec (JSON).', 'gmsaCredentialSpec: "{…}"'),
    gmsaCredentialSpecName: d('Name of a GMSA credential spec resource.', 'gmsaCredentialSpecName: webapp-gmsa'),
    hostProcess: d('Runs the container as a Windows host process. Default false.', 'hostProcess: true'),
    runAsUserName: d(
      "Windows user name the entrypoint runs as. Default: the image's user.",
      'runAsUserName: ContainerUser',
    ),
  },
};
