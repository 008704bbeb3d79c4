/** One row per figure, printed as a table and saved as JSON and Markdown. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname } from 'node:path';

export interface Row {
  /** The benchmark (issue #6 numbering): "Idle cost", "Days of running", … */
  section: string;
  /** What was measured, as a maintainer would say it. */
  name: string;
  value: number;
  unit: string;
  baseline?: { name: string; value: number };
  /** value / baseline.value */
  ratio?: number;
  /** The target in words, e.g. "≤ 1.5× baseline". */
  target?: string;
  /** Whether the target was met; null when there is no target or in a smoke run. */
  met?: boolean | null;
  /** Samples, spread and anything else that explains the figure. */
  detail?: string;
}

export interface Report {
  mode: 'full' | 'smoke';
  startedAt: string;
  seconds: number;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    loadAverage: number[];
    node: string;
    chromium: string;
    platform: string;
  };
  rows: Row[];
  failures: string[];
}

export function machine(chromium: string): Report['machine'] {
  const list = cpus();
  return {
    cpus: list.length,
    cpuModel: list[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    loadAverage: loadavg().map((l) => Math.round(l * 100) / 100),
    node: process.version,
    chromium,
    platform: `${process.platform} ${process.arch}`,
  };
}

function figure(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '–';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`.trim();
}

function verdict(row: Row): string {
  if (row.met === true) return 'met';
  if (row.met === false) return 'MISSED';
  return row.target ? 'not judged' : '';
}

function cells(row: Row): string[] {
  return [
    row.section,
    row.name,
    figure(row.value, row.unit),
    row.baseline ? `${figure(row.baseline.value, row.unit)} (${row.baseline.name})` : '',
    row.ratio !== undefined && Number.isFinite(row.ratio) ? `${row.ratio.toFixed(2)}×` : '',
    row.target ?? '',
    verdict(row),
  ];
}

const HEADER = ['Benchmark', 'Measurement', 'Foyer', 'Baseline', 'Ratio', 'Target', 'Result'];

export function textTable(report: Report): string {
  const rows = [HEADER, ...report.rows.map(cells)];
  const widths = HEADER.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

const escapeCell = (text: string) => text.replace(/\|/g, '\\|');

export function markdown(report: Report): string {
  const m = report.machine;
  const out = [
    `# Foyer benchmark (${report.mode})`,
    '',
    `Run ${report.startedAt} in ${Math.round(report.seconds)} s on ${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, ` +
      `load average ${m.loadAverage.join(' / ')}; Node ${m.node}, ${m.chromium}, ${m.platform}.`,
    'Ratios compare Foyer with a baseline measured in the same run; figures are medians.',
    '',
    `| ${HEADER.join(' | ')} |`,
    `|${HEADER.map(() => '---').join('|')}|`,
    ...report.rows.map((r) => `| ${cells(r).map(escapeCell).join(' | ')} |`),
    '',
    '## Details',
    '',
    ...report.rows.filter((r) => r.detail).map((r) => `- **${r.section} — ${r.name}**: ${r.detail}`),
  ];
  if (report.failures.length > 0) out.push('', '## Failures', '', ...report.failures.map((f) => `- ${f}`));
  return `${out.join('\n')}\n`;
}

export function save(report: Report, jsonPath: string, mdPath: string): void {
  mkdirSync(dirname(jsonPath), { recursive: true });
  writeFileSync(jsonPath, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(mdPath, markdown(report));
}

/** A row comparing `value` with `baseline` against a maximum ratio. */
export function ratioRow(
  base: Omit<Row, 'ratio' | 'met' | 'baseline'>,
  baseline: { name: string; value: number },
  maxRatio: number,
  judged: boolean,
  extra?: (ratio: number) => boolean,
): Row {
  const ratio = base.value / baseline.value;
  const ok = ratio <= maxRatio && (extra ? extra(ratio) : true);
  return { ...base, baseline, ratio, met: judged && Number.isFinite(ratio) ? ok : null };
}
