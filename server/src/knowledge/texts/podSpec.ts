// PodSpec and its small parts.
import { ADMISSION_DEFAULTS, POD_DEFAULTS, POD_SPEC_DEFAULTS } from '../../../../simulator/src/index';
import { d, type DocTable } from '../doc';

export const POD_SPEC_TEXTS: DocTable = {
  PodSpec: {
    containers: d(
      'The app containers of the pod; they start together once the init containers are done. At least one. Required.',
      'containers: [{ name: web, image: nginx:1.27 }]',
    ),
    initContainers: d(
      'Containers run one by one, in order, before the app containers; each must exit 0 before the next starts. With `restartPolicy: Always` an init container is a sidecar that keeps running.',
      'initContainers: [{ name: migrate, image: app:1.0, command: [./migrate] }]',
    ),
    ephemeralContainers: d(
      'Debug containers added to a running pod by `kubectl debug`; not written in manifests.',
      'ephemeralContainers: [{ name: debug, image: busybox }]',
    ),
    restartPolicy: d(
      `When the kubelet restarts containers that exit. Default ${POD_SPEC_DEFAULTS.restartPolicy}. Deployments, StatefulSets and DaemonSets only allow Always; Jobs need OnFailure or Never.`,
      'restartPolicy: OnFailure',
      {
        Always:
          'Restart every container that exits, whatever its exit code (with back-off: CrashLoopBackOff). The pod never completes.',
        OnFailure: 'Restart containers that exit with a non-zero code; the pod Succeeds once all exit 0.',
        Never: 'Never restart; the pod ends Succeeded or Failed when its containers have exited.',
      },
    ),
    terminationGracePeriodSeconds: d(
      `Time between the stop signal (SIGTERM) and SIGKILL when the pod is deleted, preStop hooks included. Default ${POD_SPEC_DEFAULTS.terminationGracePeriodSeconds} (seconds); 0 kills at once.`,
      'terminationGracePeriodSeconds: 60',
    ),
    activeDeadlineSeconds: d(
      'Maximum run time of the pod, counted from its start; then the kubelet kills it and it fails with DeadlineExceeded. Default: none (seconds).',
      'activeDeadlineSeconds: 3600',
    ),
    volumes: d(
      'Volumes the containers can mount (by `name` in volumeMounts): emptyDir, configMap, secret, persistentVolumeClaim and more.',
      'volumes: [{ name: cache, emptyDir: {} }]',
    ),
    nodeSelector: d(
      'Node labels the node must have (all of them) for the pod to be scheduled there.',
      'nodeSelector: { kubernetes.io/os: linux }',
    ),
    nodeName: d(
      'Binds the pod to this node directly, bypassing the scheduler. Normally set by the scheduler — leave it out.',
      'nodeName: worker-1',
    ),
    affinity: d(
      'Rules that attract or repel the pod to nodes (node affinity) or to other pods (pod affinity and anti-affinity).',
      'affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: disktype, operator: In, values: [ssd] }] }] } } }',
    ),
    tolerations: d(
      'Taints this pod tolerates, so it may be scheduled on (or stay on) tainted nodes.',
      'tolerations: [{ key: dedicated, operator: Equal, value: db, effect: NoSchedule }]',
    ),
    topologySpreadConstraints: d(
      'Spreads matching pods evenly over zones, nodes or other topology domains.',
      'topologySpreadConstraints: [{ maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway }]',
    ),
    schedulerName: d(
      `Scheduler that places the pod. Default \`${POD_SPEC_DEFAULTS.schedulerName}\`.`,
      'schedulerName: my-scheduler',
    ),
    priorityClassName: d(
      'PriorityClass giving the pod its priority (higher may preempt lower). Default: the cluster default, usually 0.',
      'priorityClassName: high-priority',
    ),
    priority: d(
      'Numeric priority, filled in from priorityClassName by the admission controller — do not write it.',
      'priority: 1000',
    ),
    preemptionPolicy: d(
      'Whether this pod may evict lower-priority pods to fit. Default PreemptLowerPriority (from the PriorityClass).',
      'preemptionPolicy: Never',
      {
        PreemptLowerPriority: 'May preempt lower-priority pods (the default).',
        Never: 'Waits for room instead of preempting.',
      },
    ),
    serviceAccountName: d(
      `ServiceAccount whose identity and API token the pod uses. Default \`${ADMISSION_DEFAULTS.serviceAccountName}\`.`,
      'serviceAccountName: app',
    ),
    serviceAccount: d('Old alias of serviceAccountName. Deprecated: write serviceAccountName.', 'serviceAccount: app'),
    automountServiceAccountToken: d(
      "Whether an API token is mounted at /var/run/secrets/kubernetes.io/serviceaccount. Default: the ServiceAccount's setting (true).",
      'automountServiceAccountToken: false',
    ),
    imagePullSecrets: d(
      'Secrets (type kubernetes.io/dockerconfigjson) used to pull images from private registries.',
      'imagePullSecrets: [{ name: regcred }]',
    ),
    securityContext: d(
      "Security settings for every container of the pod (user, group, fsGroup, seccomp …); a container's own securityContext wins.",
      'securityContext: { runAsNonRoot: true, fsGroup: 2000 }',
    ),
    hostNetwork: d(
      "Uses the node's network namespace: the pod sees the node's interfaces and its ports are node ports. Default false.",
      'hostNetwork: true',
    ),
    hostPID: d("Shares the node's process namespace. Default false.", 'hostPID: true'),
    hostIPC: d("Shares the node's IPC namespace. Default false.", 'hostIPC: true'),
    hostUsers: d(
      'false runs the pod in its own user namespace (root in the pod is unprivileged on the node). Default true.',
      'hostUsers: false',
    ),
    shareProcessNamespace: d(
      "Puts all containers in one process namespace, so they can see and signal each other's processes. Default false.",
      'shareProcessNamespace: true',
    ),
    hostname: d("Host name of the pod. Default: the pod's name.", 'hostname: web-0'),
    subdomain: d(
      'With a headless Service of this name, gives the pod the DNS name `<hostname>.<subdomain>.<namespace>.svc`.',
      'subdomain: web',
    ),
    setHostnameAsFQDN: d(
      'Sets the kernel host name to the fully qualified domain name. Default false.',
      'setHostnameAsFQDN: true',
    ),
    hostAliases: d("Extra lines for the pod's /etc/hosts.", 'hostAliases: [{ ip: 10.0.0.5, hostnames: [db.local] }]'),
    dnsPolicy: d(
      `How the pod resolves DNS names. Default ${POD_SPEC_DEFAULTS.dnsPolicy}.`,
      'dnsPolicy: ClusterFirstWithHostNet',
      {
        ClusterFirst: 'Cluster DNS first; other names are forwarded upstream (the default).',
        ClusterFirstWithHostNet: 'Cluster DNS for a pod with hostNetwork: true.',
        Default: "The node's resolver configuration (not the cluster DNS, despite the name).",
        None: 'Only what dnsConfig says.',
      },
    ),
    dnsConfig: d(
      'Extra resolver settings (nameservers, search domains, options) merged with dnsPolicy.',
      'dnsConfig: { options: [{ name: ndots, value: "2" }] }',
    ),
    enableServiceLinks: d(
      `Whether the Services of the namespace are injected as environment variables (FOO_SERVICE_HOST …). Default ${POD_DEFAULTS.enableServiceLinks}.`,
      'enableServiceLinks: false',
    ),
    os: d('Operating system the pod runs on; tightens validation of OS-specific fields.', 'os: { name: linux }'),
    overhead: d(
      'Resources the runtime class adds per pod; filled in by admission — do not write it.',
      'overhead: { cpu: 100m }',
    ),
    readinessGates: d(
      'Extra pod conditions, set by other controllers; the pod only becomes Ready once each of them is True.',
      'readinessGates: [{ conditionType: example.com/lb-ready }]',
    ),
    resourceClaims: d(
      "Dynamic resource claims (devices such as GPUs) the pod's containers may use.",
      'resourceClaims: [{ name: gpu, resourceClaimTemplateName: gpu-template }]',
    ),
    resources: d(
      'Pod-level requests and limits shared by all containers (newer clusters, PodLevelResources gate).',
      'resources: { limits: { cpu: "2", memory: 1Gi } }',
    ),
    runtimeClassName: d(
      "RuntimeClass (container runtime configuration, e.g. gVisor or Kata) to run the pod with. Default: the node's default runtime.",
      'runtimeClassName: gvisor',
    ),
    schedulingGates: d(
      'While any gate is listed, the pod is not scheduled (status SchedulingGated); controllers remove them.',
      'schedulingGates: [{ name: example.com/quota }]',
    ),
  },
  PodTemplateSpec: {
    metadata: d(
      'Labels and annotations of the pods created from this template; the labels must match the selector.',
      'metadata: { labels: { app: web } }',
    ),
    spec: d(
      'The pod spec of the pods created from this template.',
      'spec: { containers: [{ name: web, image: nginx:1.27 }] }',
    ),
  },
  PodDNSConfig: {
    nameservers: d("DNS server IPs added to the pod's resolv.conf.", 'nameservers: [1.1.1.1]'),
    searches: d("Search domains added to the pod's resolv.conf.", 'searches: [svc.example.com]'),
    options: d('resolv.conf options such as ndots.', 'options: [{ name: ndots, value: "2" }]'),
  },
  PodDNSConfigOption: {
    name: d('Option name. Required.', 'name: ndots'),
    value: d('Option value (a string). Default: none.', 'value: "2"'),
  },
  HostAlias: {
    ip: d('IP address of the /etc/hosts entry. Required.', 'ip: 10.0.0.5'),
    hostnames: d('Host names for that IP.', 'hostnames: [db.local]'),
  },
  PodOS: {
    name: d('Operating system: linux or windows. Required.', 'name: linux', {
      linux: 'Linux nodes.',
      windows: 'Windows nodes.',
    }),
  },
  PodReadinessGate: {
    conditionType: d(
      'Pod condition type that must be True for readiness. Required.',
      'conditionType: example.com/lb-ready',
    ),
  },
  PodResourceClaim: {
    name: d('Name the containers use in resources.claims. Required.', 'name: gpu'),
    resourceClaimName: d('An existing ResourceClaim to use.', 'resourceClaimName: shared-gpu'),
    resourceClaimTemplateName: d(
      'A ResourceClaimTemplate from which a claim is made per pod.',
      'resourceClaimTemplateName: gpu-template',
    ),
  },
  PodSchedulingGate: {
    name: d('Name of the gate. Required.', 'name: example.com/quota'),
  },
  LocalObjectReference: {
    name: d('Name of the object in the same namespace.', 'name: regcred'),
  },
};
