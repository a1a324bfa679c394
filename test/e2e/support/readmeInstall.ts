import { readFileSync } from 'fs';
import { join } from 'path';

import { PACKAGE_NAME, REPO_ROOT } from './builtNode';

/**
 * The command the README gives under "With npm", with the package name replaced by
 * `packageSpec` (a tarball, as the package is not on the registry yet).
 */
export function readmeInstallCommand(packageSpec: string): string {
	const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
	const section = readme.slice(readme.indexOf('**With npm**'));
	const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
	const commands = block.split('\n').filter((line) => line.startsWith('npm install'));
	if (commands.length !== 1 || !commands[0].endsWith(` ${PACKAGE_NAME}`)) {
		throw new Error(`README.md: expected one "npm install … ${PACKAGE_NAME}" line in the sh block after **With npm**, found: ${block}`);
	}
	return `${commands[0].slice(0, -PACKAGE_NAME.length)}${packageSpec}`;
}
