// How Kubernetes reads YAML: kubectl and the API server use sigs.k8s.io/yaml (go-yaml v2), i.e. YAML 1.1
// scalars: `0644` is octal (420), `yes`/`no`/`on`/`off` are booleans. Time stamps stay strings.
// Use these options with the `yaml` package so that parsed documents mean what they mean to the cluster.
import type { DocumentOptions, ParseOptions, SchemaOptions } from 'yaml';

export const KUBERNETES_YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  customTags: (tags) =>
    tags.filter((t) => (typeof t === 'string' ? t !== 'timestamp' : t.tag !== 'tag:yaml.org,2002:timestamp')),
};
