import { execFileSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

const root = join(__dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('the published package', () => {
	it('has no runtime dependencies and n8n-workflow only as a peer', () => {
		expect(manifest.dependencies).toBeUndefined();
		expect(manifest.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(manifest.keywords).toContain('n8n-community-node-package');
		expect(manifest.license).toBe('MIT');
		expect(manifest.files).toEqual(['dist']);
		expect(manifest.n8n.n8nNodesApiVersion).toBe(1);
		expect(manifest.n8n.strict).toBe(true);
	});

	it('lists built files that exist for every node and credential', () => {
		for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials]) {
			expect(existsSync(join(root, file))).toBe(true);
		}
	});

	it('packs only dist, package.json, README and LICENSE', () => {
		const [pack] = JSON.parse(
			execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
		);
		const paths: string[] = pack.files.map((file: { path: string }) => file.path);
		expect(paths.filter((path) => !path.startsWith('dist/')).sort()).toEqual(['LICENSE', 'README.md', 'package.json']);
		expect(new Set(paths.map((path) => path.split('/')[1]).filter(Boolean))).toEqual(new Set(['credentials', 'icons', 'nodes']));
		expect(paths).toEqual(expect.arrayContaining(['dist/nodes/LeadSquared/LeadSquared.node.js', 'dist/icons/leadsquared.svg', 'dist/icons/leadsquared.dark.svg']));
	});

	// n8n 1.123 and 2.41 use a node's documentationUrl as it is, else the codex's first
	// primaryDocumentation URL + "?utm_source=…", which lands inside any #anchor.
	it.each(manifest.n8n.nodes as string[])('gives n8n a docs link for %s that keeps its #anchor', async (file) => {
		const built = (await import(join(root, file))) as Record<string, new () => { description: { documentationUrl?: string } }>;
		const { description } = new (Object.values(built)[0])();
		const codex = JSON.parse(readFileSync(join(root, file.replace(/\.js$/, '.json')), 'utf8'));
		const link = new URL(
			description.documentationUrl?.startsWith('http')
				? description.documentationUrl
				: `${codex.resources.primaryDocumentation[0].url}?utm_source=n8n_app&utm_medium=node_settings_modal-credential_link`,
		);
		expect(link.hash).not.toContain('?');
	});
});
