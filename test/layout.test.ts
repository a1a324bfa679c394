import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';

/**
 * The code layout the README's "Code layout" describes: the three nodes share
 * nodes/LeadSquared/, and every folder imports only from its own layer or the ones below.
 */
const ROOT = resolve(__dirname, '..');
const HOME = 'nodes/LeadSquared';
const MAX_LINES = 250;

/** What each part of the package may import from (folders under nodes/LeadSquared, or a file's own folder). */
const MAY_IMPORT: Record<string, string[]> = {
	transport: ['transport'],
	helpers: ['transport', 'helpers'],
	methods: ['transport', 'helpers', 'methods'],
	actions: ['transport', 'helpers', 'methods', 'actions'],
	captureTrigger: ['transport', 'helpers', 'captureTrigger'],
	instantTrigger: ['transport', 'helpers', 'methods', 'instantTrigger'],
	credentials: ['transport'],
};

function sourceFiles(dir: string): string[] {
	return readdirSync(join(ROOT, dir)).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
		return path.endsWith('.ts') ? [path] : [];
	});
}

/** The part of the package a file or folder belongs to: a folder under nodes/LeadSquared, `credentials`, or '' for the node files. */
function partOf(path: string): string {
	if (path.startsWith('credentials/')) return 'credentials';
	const inHome = relative(HOME, path);
	const isFolder = existsSync(join(ROOT, path)) && statSync(join(ROOT, path)).isDirectory();
	return isFolder || inHome.includes('/') ? inHome.split('/')[0] : '';
}

function relativeImports(file: string): string[] {
	const source = readFileSync(join(ROOT, file), 'utf8');
	return [...source.matchAll(/(?:from|import)\s+'(\.[^']+)'/g)].map((match) => match[1]);
}

/** The rule an import of `file` breaks, if any. */
function importViolation(file: string, specifier: string): string | undefined {
	const target = relative(ROOT, resolve(ROOT, dirname(file), specifier));
	if (!target.startsWith(`${HOME}/`) && target !== HOME) return `${file} imports ${specifier}, outside ${HOME}`;
	const from = partOf(file);
	const to = partOf(target);
	if (from === '') return undefined;
	if (to === '') return `${file} imports ${specifier}: only the node files import a node file or packageDescription`;
	if (!MAY_IMPORT[from].includes(to)) return `${file} (${from}) imports ${specifier} (${to}); ${from} may import only ${MAY_IMPORT[from].join(', ')}`;
	return undefined;
}

describe('Code layout', () => {
	const files = [...sourceFiles('nodes'), ...sourceFiles('credentials')];

	it('keeps the three nodes in nodes/LeadSquared, beside the folders they share', () => {
		expect(readdirSync(join(ROOT, 'nodes'))).toEqual(['LeadSquared']);
		const nodeFiles = readdirSync(join(ROOT, HOME)).filter((name) => name.endsWith('.node.ts'));
		expect(nodeFiles.sort()).toEqual(['LeadSquared.node.ts', 'LeadSquaredEventTrigger.node.ts', 'LeadSquaredTrigger.node.ts']);
		const folders = readdirSync(join(ROOT, HOME)).filter((name) => statSync(join(ROOT, HOME, name)).isDirectory());
		expect(folders.sort()).toEqual(Object.keys(MAY_IMPORT).filter((part) => part !== 'credentials').sort());
	});

	it('has no import that climbs back up: each folder imports only its own layer or the ones below', () => {
		const violations = files.flatMap((file) => relativeImports(file).flatMap((specifier) => importViolation(file, specifier) ?? []));
		expect(violations).toEqual([]);
	});

	it('the rule catches what it should', () => {
		expect(importViolation(`${HOME}/transport/index.ts`, '../helpers/itemInput')).toMatch(/transport may import only transport/);
		expect(importViolation(`${HOME}/captureTrigger/properties.ts`, '../actions/common.descriptions')).toMatch(/captureTrigger/);
		expect(importViolation(`${HOME}/instantTrigger/events.ts`, '../LeadSquared.node')).toMatch(/only the node files/);
		expect(importViolation(`${HOME}/actions/router.ts`, '../../../test/harness/engine')).toMatch(/outside/);
		expect(importViolation(`${HOME}/actions/router.ts`, '../helpers/itemInput')).toBeUndefined();
	});

	it(`keeps every file at or under ${MAX_LINES} lines`, () => {
		const long = files
			.map((file) => ({ file, lines: readFileSync(join(ROOT, file), 'utf8').split('\n').length }))
			.filter(({ lines }) => lines > MAX_LINES);
		expect(long).toEqual([]);
	});
});
