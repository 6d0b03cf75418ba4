// core/v1 Service.
import { PORT_PROTOCOL_DEFAULT, SERVICE_DEFAULTS } from '../../../../simulator/src/index';
import { d, type DocTable } from '../doc';

export const SERVICE_TEXTS: DocTable = {
  ServiceSpec: {
    type: d(`How the Service is exposed. Default ${SERVICE_DEFAULTS.type}.`, 'type: NodePort', {
      ClusterIP: 'A virtual IP reachable inside the cluster only (the default).',
      NodePort: 'ClusterIP plus a port (30000–32767) opened on every node.',
      LoadBalancer: 'NodePort plus an external load balancer from the cloud provider.',
      ExternalName: 'A DNS CNAME to externalName; no proxying, no selector.',
    }),
    selector: d(
      'Labels of the pods that receive the traffic (every pair must match). Without a selector, endpoints are managed by hand.',
      'selector: { app: web }',
    ),
    ports: d(
      'Ports the Service exposes and where each one forwards in the pods.',
      'ports: [{ name: http, port: 80, targetPort: 8080 }]',
    ),
    clusterIP: d(
      'Virtual IP of the Service, allocated by the API server when left out; `None` makes a headless Service (DNS returns the pod IPs). Cannot be changed later.',
      'clusterIP: None',
    ),
    clusterIPs: d('All cluster IPs (one per IP family); allocated by the API server.', 'clusterIPs: [10.96.0.10]'),
    externalTrafficPolicy: d(
      `For NodePort and LoadBalancer: whether external traffic may hop to pods on other nodes. Default ${SERVICE_DEFAULTS.externalTrafficPolicy}.`,
      'externalTrafficPolicy: Local',
      {
        Cluster: 'Any node forwards to any ready pod; the client IP is hidden (the default).',
        Local: 'Only to pods on the receiving node; keeps the client IP, nodes without a pod fail the health check.',
      },
    ),
    internalTrafficPolicy: d(
      `Whether traffic from inside the cluster may go to pods on other nodes. Default ${SERVICE_DEFAULTS.internalTrafficPolicy}.`,
      'internalTrafficPolicy: Local',
      {
        Cluster: 'Any ready pod (the default).',
        Local: "Only pods on the client's node; dropped if there is none.",
      },
    ),
    sessionAffinity: d(
      `Whether a client keeps hitting the same pod. Default ${SERVICE_DEFAULTS.sessionAffinity}.`,
      'sessionAffinity: ClientIP',
      {
        None: 'Each connection may go to any pod (the default).',
        ClientIP: `Connections from one client IP go to the same pod (for sessionAffinityConfig.clientIP.timeoutSeconds, default ${SERVICE_DEFAULTS.clientIPTimeoutSeconds / 3600} h).`,
      },
    ),
    sessionAffinityConfig: d(
      'Settings of ClientIP session affinity.',
      'sessionAffinityConfig: { clientIP: { timeoutSeconds: 600 } }',
    ),
    externalName: d('DNS name the Service aliases (type ExternalName only).', 'externalName: db.example.com'),
    externalIPs: d(
      'Extra IPs, routed to a node by you, on which the Service also accepts traffic.',
      'externalIPs: [203.0.113.10]',
    ),
    loadBalancerIP: d(
      'Requested load balancer IP; deprecated and ignored by many providers — use their annotations.',
      'loadBalancerIP: 203.0.113.10',
    ),
    loadBalancerSourceRanges: d(
      'Client CIDRs allowed through the cloud load balancer.',
      'loadBalancerSourceRanges: [10.0.0.0/8]',
    ),
    loadBalancerClass: d(
      "Load balancer implementation to use instead of the cloud provider's default.",
      'loadBalancerClass: example.com/internal-lb',
    ),
    allocateLoadBalancerNodePorts: d(
      `Whether node ports are allocated for a LoadBalancer Service. Default ${SERVICE_DEFAULTS.allocateLoadBalancerNodePorts}.`,
      'allocateLoadBalancerNodePorts: false',
    ),
    healthCheckNodePort: d(
      "Node port for the load balancer's health check with externalTrafficPolicy Local; allocated by the API server.",
      'healthCheckNodePort: 32000',
    ),
    ipFamilies: d('IP families of the Service (IPv4, IPv6); filled in by the API server.', 'ipFamilies: [IPv4]'),
    ipFamilyPolicy: d(
      `Single- or dual-stack. Default ${SERVICE_DEFAULTS.ipFamilyPolicy}.`,
      'ipFamilyPolicy: PreferDualStack',
      {
        SingleStack: 'One IP family (the default).',
        PreferDualStack: 'Two families when the cluster supports it, else one.',
        RequireDualStack: 'Two families, or the Service is rejected.',
      },
    ),
    publishNotReadyAddresses: d(
      'Publishes the addresses of not-ready pods too (e.g. for peer discovery in StatefulSets). Default false.',
      'publishNotReadyAddresses: true',
    ),
    trafficDistribution: d(
      "Preference for routing, e.g. PreferClose (stay in the client's zone when possible).",
      'trafficDistribution: PreferClose',
    ),
  },
  ServicePort: {
    port: d('Port the Service listens on (on its cluster IP). Required.', 'port: 80'),
    targetPort: d(
      'Port on the pods the traffic goes to: a number, or the name of a container port (so pods may use different numbers). Default: the value of `port`.',
      'targetPort: http',
    ),
    nodePort: d(
      'Port opened on every node (NodePort/LoadBalancer), 30000–32767 by default; allocated by the API server when left out.',
      'nodePort: 30080',
    ),
    protocol: d(`Protocol of the port. Default ${PORT_PROTOCOL_DEFAULT}.`, 'protocol: UDP', {
      TCP: 'TCP (the default).',
      UDP: 'UDP.',
      SCTP: 'SCTP.',
    }),
    name: d(
      'Name of the port; required when the Service has more than one port. Lower case, digits and `-`.',
      'name: http',
    ),
    appProtocol: d(
      'Application protocol hint for proxies and load balancers (e.g. `http`, `kubernetes.io/h2c`).',
      'appProtocol: http',
    ),
  },
  SessionAffinityConfig: {
    clientIP: d('Settings of ClientIP affinity.', 'clientIP: { timeoutSeconds: 600 }'),
  },
  ClientIPConfig: {
    timeoutSeconds: d(
      `How long a client sticks to its pod. Default ${SERVICE_DEFAULTS.clientIPTimeoutSeconds} (${SERVICE_DEFAULTS.clientIPTimeoutSeconds / 3600} hours), at most 86400 (seconds).`,
      'timeoutSeconds: 600',
    ),
  },
};
