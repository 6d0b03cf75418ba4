// `podlab lint FILE...`: the language server's diagnostics, for CI (text, json or sarif). Exit 1 on errors.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { diagnosticMessage, type DiagnosticData } from '../features/diagnosticData';
import { diagnoseText } from '../features/diagnostics';
import { DEFAULT_SETTINGS, POD_SECURITY_SETTINGS } from '../settings';
import type { PodSecuritySetting } from '../rules/types';
import { flag, parseArgs, UsageError } from './args';
import { readInput, readScenario } from './files';
import { declared } from '../features/declaredWorld';
import type { Output } from './run';

const FORMATS = ['text', 'json', 'sarif'] as const;
const NAMES: Record<number, 'error' | 'warning' | 'information' | 'hint'> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

interface LintDiagnostic {
  range: Diagnostic['range'];
  severity: 'error' | 'warning' | 'information' | 'hint';
  code: string;
  source: 'podlab';
  message: string;
  /** The rule findings this diagnostic stands for too (one diagnostic per cause: a prediction and its cause). */
  merged?: string[];
}

interface FileResult {
  file: string;
  diagnostics: LintDiagnostic[];
}

export function lint(argv: readonly string[], io: Output): number {
  const args = parseArgs(argv, ['format', 'pod-security', 'scenario'], ['no-predictions']);
  const level = flag(args, 'pod-security') ?? DEFAULT_SETTINGS.podSecurity;
  if (!(POD_SECURITY_SETTINGS as readonly string[]).includes(level))
    throw new UsageError(`--pod-security must be one of ${POD_SECURITY_SETTINGS.join(', ')}, not "${level}"`);
  const settings = {
    ...DEFAULT_SETTINGS,
    predictions: !args.flags.has('no-predictions'),
    podSecurity: level as PodSecuritySetting,
  };
  const format = flag(args, 'format') ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
  if (args.positionals.length === 0) throw new UsageError('podlab lint needs at least one FILE');
  // The scenario's cluster, objects and worldComplete; its events are what-ifs of one run (`podlab run`).
  const scenario = readScenario(flag(args, 'scenario'), io);
  if (scenario === null) return 2;
  const world = declared(scenario ?? {});
  const results: FileResult[] = args.positionals.map((file) => ({
    file,
    diagnostics: diagnoseText(readInput(file), settings, file, world)
      .map((d) => ({
        range: d.range,
        severity: NAMES[d.severity ?? DiagnosticSeverity.Error] ?? 'error',
        code: String(d.code ?? ''),
        source: 'podlab' as const,
        message: diagnosticMessage(d),
        ...mergedOf(d),
      }))
      .sort(byPosition),
  }));
  const errors = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'error').length, 0);
  if (format === 'json') io.out(JSON.stringify(results, null, 2));
  else if (format === 'sarif') io.out(JSON.stringify(sarif(results), null, 2));
  else {
    for (const r of results) {
      for (const d of r.diagnostics)
        io.out(
          `${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity}: ${d.message} [${d.code}]`,
        );
    }
    const warnings = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'warning').length, 0);
    io.out(
      `${results.length} file${results.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
    );
  }
  return errors > 0 ? 1 : 0;
}

function mergedOf(d: Diagnostic): Pick<LintDiagnostic, 'merged'> {
  const merged = (d.data as DiagnosticData | undefined)?.merged;
  return merged && merged.length > 0 ? { merged } : {};
}

/** Files in the order given, each file's problems in line, then column order (the diagnostics come document by
 *  document and rule by rule; a reader and a diff of two CI runs want them where they are in the file). */
function byPosition(a: LintDiagnostic, b: LintDiagnostic): number {
  const [s, t] = [a.range.start, b.range.start];
  return s.line - t.line || s.character - t.character;
}

function sarif(results: FileResult[]): unknown {
  const level = (s: string) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'podlab',
            version: '0.1.0',
            rules: [...new Set(results.flatMap((r) => r.diagnostics.map((d) => d.code)))].map((id) => ({ id })),
          },
        },
        results: results.flatMap((r) =>
          r.diagnostics.map((d) => ({
            ruleId: d.code,
            level: level(d.severity),
            message: { text: d.message },
            ...(d.merged ? { properties: { merged: d.merged } } : {}),
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: r.file },
                  region: {
                    startLine: d.range.start.line + 1,
                    startColumn: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}
