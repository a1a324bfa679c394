const path = require('path');
const { src, dest, task, series } = require('gulp');

// n8n resolves `file:` icons next to the compiled node or credential file, so every
// folder that ships a node or credential gets its own copy of the shared icons.
const ICON_TARGETS = ['dist/credentials', 'dist/nodes/LeadSquared', 'dist/nodes/LeadSquaredTrigger', 'dist/nodes/LeadSquaredEventTrigger'];

function copyIconsTo(target) {
	const copy = () => src(path.resolve('icons', '*.svg')).pipe(dest(target));
	copy.displayName = `icons → ${target}`;
	return copy;
}

task('build:icons', series(...ICON_TARGETS.map(copyIconsTo)));
