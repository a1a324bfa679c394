import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');

interface Leg {
	leg: string;
	findings: Array<{ file: string; line: number; column: number; severity: string; rule: string; message: string }>;
}

/**
 * Runs test/scanner/scan.mjs (ESM, like the scanner it loads) on a package folder, without
 * jest's NODE_ENV=test: eslint-plugin-n8n-nodes-base then lints file names as in its own tests.
 */
function scan(packageDir: string): Leg[] {
	const { NODE_ENV: _jest, ...env } = process.env;
	const run = spawnSync(process.execPath, [join(__dirname, 'scan.mjs'), packageDir, '--json'], { encoding: 'utf8', env });
	if (run.stdout.trim() === '') throw new Error(`scan.mjs printed nothing (exit ${run.status}): ${run.stderr}`);
	return JSON.parse(run.stdout) as Leg[];
}

const count = (leg: Leg, severity: string) => leg.findings.filter((finding) => finding.severity === severity).length;

/** Each leg's counts, then its findings by file: what the failure shows. */
const findingLines = (legs: Leg[]) =>
	legs.flatMap((leg) =>
		leg.findings.length === 0
			? []
			: [
					`${leg.leg}: ${count(leg, 'error')} errors, ${count(leg, 'warning')} warnings`,
					...leg.findings.map((f) => `  ${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`),
				],
	);

describe("n8n's community package scan (@n8n/scan-community-package rule sets)", () => {
	it('finds nothing in the source or in the packed tarball', () => {
		expect(findingLines(scan(ROOT))).toEqual([]);
	}, 120_000);

	it('reports a bad package in both legs, so the check above can fail', () => {
		const dir = mkdtempSync(join(tmpdir(), 'lsq-scan-probe-'));
		try {
			mkdirSync(join(dir, 'dist'));
			writeFileSync(join(dir, 'dist', 'probe.js'), "require('fs');\n");
			const manifest = { name: 'n8n-nodes-scan-probe', version: '0.0.1', author: { name: 'Probe' }, files: ['dist'], overrides: { a: '1' } };
			writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));

			const [source, tarball] = scan(dir);

			const rules = (leg: Leg) => leg.findings.map((finding) => finding.rule);
			expect(rules(source)).toEqual(expect.arrayContaining(['@n8n/community-nodes/no-overrides-field', '@n8n/community-nodes/valid-author']));
			expect(rules(tarball)).toEqual(
				expect.arrayContaining(['@n8n/community-nodes/no-overrides-field', '@n8n/community-nodes/no-restricted-imports']),
			);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	}, 120_000);
});
