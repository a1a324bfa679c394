// n8n's verification scan (@n8n/scan-community-package) on this package before it is on the
// registry: the scanner lints the provenance-attested source and the published tarball; here
// the source is the working tree and the tarball is `npm pack` of it. Same rule sets, same
// file patterns, same ESLint options as its analyzePackage; unlike analyzePackage, warnings
// count too.
//
//   node test/scanner/scan.mjs [packageDir] [--json]
//
// Exits 1 when either leg has a finding. Build first (the tarball ships dist/).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import glob from 'fast-glob';

const require = createRequire(import.meta.url);
const { packTarball } = require('../e2e/packTarball.js');
const scannerPackage = require.resolve('@n8n/scan-community-package/package.json');
// The scanner makes a temp dir when loaded; let its tmp library remove it at exit.
createRequire(scannerPackage)('tmp').setGracefulCleanup();
const { buildScanConfig, SOURCE_FILE_PATTERNS } = await import('@n8n/scan-community-package/scanner/scanner.mjs');

/** The tarball leg's patterns, as in the scanner's analyzePackageByName. */
const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

/** analyzePackage's ESLint run, returning every message instead of pass/fail on errors. */
async function lint(dir, patterns) {
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await buildScanConfig(),
	});
	const files = glob.sync(patterns, { cwd: dir, absolute: true, ignore: ['node_modules/**', '**/package-lock.json'] });
	const results = await eslint.lintFiles(files.sort());
	return results.flatMap((result) =>
		result.messages.map((message) => ({
			file: relative(dir, result.filePath),
			line: message.line ?? 0,
			column: message.column ?? 0,
			severity: message.severity === 2 ? 'error' : 'warning',
			rule: message.ruleId ?? '(parse)',
			message: message.message,
		})),
	);
}

function packAndExtract(packageDir, workDir) {
	const tarball = packTarball(packageDir, workDir);
	execFileSync('tar', ['-xzf', tarball, '-C', workDir]);
	return { tarball: basename(tarball), extracted: join(workDir, 'package') };
}

export async function scan(packageDir) {
	const workDir = mkdtempSync(join(tmpdir(), 'lsq-scan-'));
	try {
		const { tarball, extracted } = packAndExtract(packageDir, workDir);
		return [
			{ leg: 'source', files: SOURCE_FILE_PATTERNS.join(', '), findings: await lint(packageDir, SOURCE_FILE_PATTERNS) },
			{ leg: `tarball ${tarball}`, files: TARBALL_FILE_PATTERNS.join(', '), findings: await lint(extracted, TARBALL_FILE_PATTERNS) },
		];
	} finally {
		rmSync(workDir, { recursive: true, force: true });
	}
}

const count = (findings, severity) => findings.filter((finding) => finding.severity === severity).length;

export function report(legs) {
	const lines = [];
	for (const { leg, files, findings } of legs) {
		lines.push(`${leg} (${files}): ${count(findings, 'error')} errors, ${count(findings, 'warning')} warnings`);
		let file;
		for (const finding of findings) {
			if (finding.file !== file) lines.push(`  ${(file = finding.file)}`);
			lines.push(`    ${finding.line}:${finding.column}  ${finding.severity}  ${finding.rule}  ${finding.message}`);
		}
	}
	return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const args = process.argv.slice(2);
	const packageDir = resolve(args.find((arg) => !arg.startsWith('--')) ?? join(fileURLToPath(import.meta.url), '..', '..', '..'));
	const legs = await scan(packageDir);
	console.log(args.includes('--json') ? JSON.stringify(legs) : report(legs));
	process.exitCode = legs.some((leg) => leg.findings.length > 0) ? 1 : 0;
}
