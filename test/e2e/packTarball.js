'use strict';
// `npm pack` of a package folder: the tarball that would be published.
const path = require('path');
const { execFileSync } = require('child_process');

/** Packs packageDir into destDir (no lifecycle scripts) and returns the tarball's absolute path. */
function packTarball(packageDir, destDir) {
	const output = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destDir], {
		cwd: packageDir,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	return path.join(destDir, JSON.parse(output)[0].filename);
}

module.exports = { packTarball };
