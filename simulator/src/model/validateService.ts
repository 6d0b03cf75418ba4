// ValidateService (pkg/apis/core/validation/validation.go): ports, names, types and the fields each type allows.
import { PORT_PROTOCOL_DEFAULT, SERVICE_DEFAULTS } from './defaultValues';
import type { Service } from './service';
import type { Issues, Path } from './issues';
import { dns1123LabelErrors, dns1123SubdomainErrors, portNameErrors, portNumberErrors } from './names';
import { validateLabels, validateObjectMeta } from './validateMeta';
import type { Incomplete } from './partialParse';

export function validateService(svc: Incomplete<Service>, issues: Issues): void {
  validateObjectMeta(svc.metadata, ['metadata'], 'dns1035', issues);
  const s = svc.spec;
  if (!s) return void issues.required(['spec', 'ports'], '', 'service-ports');
  const type = s.type ?? SERVICE_DEFAULTS.type;
  const ports = s.ports ?? [];
  const headless = s.clusterIP === 'None';
  if (type === 'ExternalName') {
    if (!s.externalName) issues.required(['spec', 'externalName'], '', 'service-external-name');
    else
      issues.names(
        ['spec', 'externalName'],
        s.externalName.replace(/\.$/, ''),
        dns1123SubdomainErrors,
        'service-external-name',
      );
  } else if (ports.length === 0 && !headless) {
    issues.required(['spec', 'ports'], '', 'service-ports');
  }
  const names = new Set<string>();
  const keys = new Set<string>();
  ports.forEach((p, i) => {
    const pp: Path = ['spec', 'ports', i];
    if (ports.length > 1 && !p.name) issues.required([...pp, 'name'], '', 'service-port-name');
    if (p.name) {
      issues.names([...pp, 'name'], p.name, dns1123LabelErrors, 'service-port-name');
      if (names.has(p.name)) issues.duplicate([...pp, 'name'], p.name, 'service-port-name');
      names.add(p.name);
    }
    // A missing port is a structural error; the port's other fields are still checked.
    if (p.port !== undefined) {
      for (const m of portNumberErrors(p.port)) issues.invalid([...pp, 'port'], p.port, m, 'port-number');
      const key = JSON.stringify({ port: p.port, protocol: p.protocol ?? PORT_PROTOCOL_DEFAULT });
      if (keys.has(key)) issues.duplicate(pp, JSON.parse(key), 'service-port-duplicate');
      keys.add(key);
    }
    if (typeof p.targetPort === 'number') {
      for (const m of portNumberErrors(p.targetPort))
        issues.invalid([...pp, 'targetPort'], p.targetPort, m, 'port-number');
    } else if (p.targetPort !== undefined)
      issues.names([...pp, 'targetPort'], p.targetPort, portNameErrors, 'port-name');
    if (p.nodePort !== undefined && p.nodePort !== 0) {
      if (type !== 'NodePort' && type !== 'LoadBalancer') {
        issues.forbidden([...pp, 'nodePort'], `may not be used when \`type\` is '${type}'`, 'service-node-port');
      } else if (p.nodePort < 30000 || p.nodePort > 32767) {
        issues.invalid(
          [...pp, 'nodePort'],
          p.nodePort,
          'provided port is not in the valid range. The range of valid ports is 30000-32767',
          'service-node-port',
        );
      }
    }
  });
  if (s.selector) validateLabels(s.selector, ['spec', 'selector'], issues);
  if (s.externalTrafficPolicy && type !== 'NodePort' && type !== 'LoadBalancer') {
    issues.invalid(
      ['spec', 'externalTrafficPolicy'],
      s.externalTrafficPolicy,
      "may only be set when `type` is 'NodePort' or 'LoadBalancer'",
      'service-traffic-policy',
    );
  }
  const t = s.sessionAffinityConfig?.clientIP?.timeoutSeconds;
  if (t !== undefined && (t <= 0 || t > 86400)) {
    issues.invalid(
      ['spec', 'sessionAffinityConfig', 'clientIP', 'timeoutSeconds'],
      t,
      'must be greater than 0 and less than 86400',
      'service-session-affinity',
    );
  }
  if (headless && (type === 'NodePort' || type === 'LoadBalancer')) {
    issues.invalid(
      ['spec', 'clusterIP'],
      'None',
      `may not be set to 'None' for ${type} services`,
      'service-cluster-ip',
    );
  }
}
