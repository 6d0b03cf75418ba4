// The Volumes section of `kubectl describe pod` (describe.go describeVolumes and its per-source printers).

export interface DescribeVolume {
  name: string;
  emptyDir?: { medium?: string | null; sizeLimit?: string | number | null } | null;
  configMap?: { name?: string | null; optional?: boolean | null } | null;
  secret?: { secretName?: string | null; optional?: boolean | null } | null;
  hostPath?: { path: string; type?: string | null } | null;
  persistentVolumeClaim?: { claimName: string; readOnly?: boolean | null } | null;
  downwardAPI?: {
    items?:
      | readonly {
          path: string;
          fieldRef?: { fieldPath: string } | null;
          resourceFieldRef?: { resource: string } | null;
        }[]
      | null;
  } | null;
  projected?: {
    sources?:
      | readonly {
          secret?: { name?: string | null; optional?: boolean | null } | null;
          configMap?: { name?: string | null; optional?: boolean | null } | null;
          downwardAPI?: unknown;
          serviceAccountToken?: { expirationSeconds: number } | null;
        }[]
      | null;
  } | null;
}

/** describe.go describeVolumes: one block per volume, by the kind of source it has. */
export function volumeLines(volumes: readonly DescribeVolume[]): string[] {
  if (volumes.length === 0) return ['Volumes:\t<none>'];
  const out = ['Volumes:'];
  for (const v of volumes) {
    out.push(`  ${v.name}:`);
    if (v.hostPath) {
      out.push(
        '    Type:\tHostPath (bare host directory volume)',
        `    Path:\t${v.hostPath.path}`,
        `    HostPathType:\t${v.hostPath.type || '<none>'}`,
      );
    } else if (v.emptyDir) {
      const limit = v.emptyDir.sizeLimit ? String(v.emptyDir.sizeLimit) : '<unset>';
      out.push(
        "    Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)",
        `    Medium:\t${v.emptyDir.medium ?? ''}`,
        `    SizeLimit:\t${limit}`,
      );
    } else if (v.secret) {
      out.push(
        '    Type:\tSecret (a volume populated by a Secret)',
        `    SecretName:\t${v.secret.secretName ?? ''}`,
        `    Optional:\t${v.secret.optional === true}`,
      );
    } else if (v.configMap) {
      out.push(
        '    Type:\tConfigMap (a volume populated by a ConfigMap)',
        `    Name:\t${v.configMap.name ?? ''}`,
        `    Optional:\t${v.configMap.optional === true}`,
      );
    } else if (v.persistentVolumeClaim) {
      const c = v.persistentVolumeClaim;
      out.push(
        '    Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)',
        `    ClaimName:\t${c.claimName}`,
        `    ReadOnly:\t${c.readOnly === true}`,
      );
    } else if (v.downwardAPI) {
      out.push('    Type:\tDownwardAPI (a volume populated by information about the pod)', '    Items:');
      for (const item of v.downwardAPI.items ?? []) {
        if (item.fieldRef) out.push(`      ${item.fieldRef.fieldPath} -> ${item.path}`);
        if (item.resourceFieldRef) out.push(`      ${item.resourceFieldRef.resource} -> ${item.path}`);
      }
    } else if (v.projected) {
      out.push('    Type:\tProjected (a volume that contains injected data from multiple sources)');
      for (const s of v.projected.sources ?? []) {
        if (s.secret)
          out.push(`    SecretName:\t${s.secret.name ?? ''}`, `    Optional:\t${s.secret.optional === true}`);
        else if (s.downwardAPI) out.push('    DownwardAPI:\ttrue');
        else if (s.configMap)
          out.push(`    ConfigMapName:\t${s.configMap.name ?? ''}`, `    Optional:\t${s.configMap.optional === true}`);
        else if (s.serviceAccountToken)
          out.push(`    TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds}`);
      }
    } else out.push('  <unknown>');
  }
  return out;
}
