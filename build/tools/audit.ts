/**
 * `npm run audit:electron`: Electronegativity over the kiosk (electron/) and
 * the board (renderer/), scanned together so that global checks (CSP) see
 * both. It fails on ANY finding, whatever its severity: each one must be fixed,
 * or silenced on its line with `// eng-disable CHECK_ID` under a comment that
 * says why it is safe. "Review required" findings count too: a review that
 * happened leaves such a comment.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY, withContentSecurityPolicy } from '../../core/csp.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

interface SarifResult {
  ruleId: string;
  message: { text: string };
  locations?: {
    physicalLocation?: { artifactLocation?: { uri?: string }; region?: { startLine?: number; startColumn?: number } };
  }[];
}

interface CspFinding {
  severity: number;
  directive: string;
  value?: string;
  description: string;
}
interface CspEvaluatorModule {
  CspParser: new (policy: string) => { csp: unknown };
  CspEvaluator: new (csp: unknown, version: unknown) => { evaluate(): CspFinding[] };
  Version: { CSP3: unknown };
  severities: Record<'HIGH' | 'MEDIUM' | 'HIGH_MAYBE' | 'MEDIUM_MAYBE', number>;
}

/**
 * The CSP weaknesses csp-evaluator (Electronegativity's engine) finds in `policy`,
 * except one accepted here: "script-src 'self' can be problematic if you host
 * JSONP, Angular or user uploaded files". The board's origin serves only its own
 * build (app://foyer/ or the hub's static files): no JSONP, no Angular, no
 * uploads; program text is rendered as text, never served as script.
 */
function cspWeaknesses(policy: string): string[] {
  const engine = join(require.resolve('@doyensec/electronegativity/package.json'), '..');
  const csp = createRequire(join(engine, 'package.json'))('@doyensec/csp-evaluator') as CspEvaluatorModule;
  const serious = new Set([csp.severities.HIGH, csp.severities.MEDIUM, csp.severities.HIGH_MAYBE, csp.severities.MEDIUM_MAYBE]);
  return new csp.CspEvaluator(new csp.CspParser(policy).csp, csp.Version.CSP3)
    .evaluate()
    .filter((f) => serious.has(f.severity))
    .filter((f) => !(f.directive === 'script-src' && /JSONP/.test(f.description)))
    .map((f) => `${f.directive}: ${f.description}`);
}

/** Electronegativity flags a "maybe weak" CSP for any script-src 'self'; accept it only when that is the sole weakness. */
function accepted(finding: SarifResult, file: string, scan: string): boolean {
  if (finding.ruleId !== 'CSP_GLOBAL_CHECK' || !file.endsWith('.html')) return false;
  const html = readFileSync(join(scan, file), 'utf8');
  const policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1];
  return policy !== undefined && cspWeaknesses(policy).length === 0;
}

function main(): number {
  const electronVersion = (
    JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }
  ).version;
  const cli = join(require.resolve('@doyensec/electronegativity/package.json'), '..', 'dist', 'index.js');
  const scan = mkdtempSync(join(tmpdir(), 'foyer-audit-'));
  try {
    for (const dir of ['electron', 'renderer']) {
      cpSync(join(ROOT, dir), join(scan, dir), { recursive: true, filter: (source) => !source.includes('node_modules') });
    }
    // The page as the build writes it: with the one CSP in its <meta>.
    const page = join(scan, 'renderer', 'index.html');
    writeFileSync(page, withContentSecurityPolicy(readFileSync(page, 'utf8')));
    const report = join(scan, 'report.sarif');
    const run = spawnSync(
      process.execPath,
      [cli, '--input', scan, '--electron-version', electronVersion, '--relative', '--verbose', 'false', '--output', report],
      {
        encoding: 'utf8',
      },
    );
    let sarif: { runs: { results: SarifResult[] }[] };
    try {
      sarif = JSON.parse(readFileSync(report, 'utf8')) as typeof sarif;
    } catch {
      console.error(
        `audit:electron: Electronegativity did not produce a report (exit ${run.status}):\n${run.stdout}${run.stderr}`,
      );
      return 2;
    }
    const findings: string[] = [];
    for (const finding of sarif.runs.flatMap((r) => r.results)) {
      const where = finding.locations?.[0]?.physicalLocation;
      const file = where?.artifactLocation?.uri?.replace(/^file:\/\//, '').replace(`${scan}/`, '') ?? 'N/A';
      const line = where?.region?.startLine ?? 0;
      const text = `${file}:${line}: ${finding.ruleId}: ${finding.message.text}`;
      if (accepted(finding, file, scan)) console.log(`accepted: ${text} (only script-src 'self', see cspWeaknesses)`);
      else findings.push(text);
    }
    // The same string is the kiosk's and the hub's response header, which the scanner cannot see.
    for (const weakness of cspWeaknesses(CONTENT_SECURITY_POLICY))
      findings.push(`core/csp.ts: CONTENT_SECURITY_POLICY: ${weakness}`);
    for (const finding of findings) console.log(finding);
    if (findings.length > 0) {
      console.log(
        `audit:electron: ${findings.length} finding(s); fix each, or explain it and add // eng-disable <CHECK_ID> on its line`,
      );
      return 1;
    }
    console.log(`audit:electron: no findings in electron/ and renderer/ (Electron ${electronVersion})`);
    return 0;
  } finally {
    rmSync(scan, { recursive: true, force: true });
  }
}

process.exit(main());
