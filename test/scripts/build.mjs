// `npm run build` for logs: runs `n8n-node build` as it is in a terminal, and elsewhere (CI, a
// file, a pipe) prints its result lines without the spinner's frames and escape codes.
//
//   node test/scripts/build.mjs
import { spawn } from 'node:child_process';

const tty = process.stdout.isTTY;
const build = spawn('npx', ['n8n-node', 'build'], { stdio: tty ? 'inherit' : ['ignore', 'pipe', 'pipe'] });

let output = '';
build.stdout?.on('data', (chunk) => (output += chunk));
build.stderr?.on('data', (chunk) => (output += chunk));

/** The last frame of each line (the spinner redraws its line after ESC[999D ESC[J), without escape codes or bare box lines. */
function plainLines(text) {
	return text
		.replace(/\x1b\[999D\x1b\[J/g, '\r')
		.split('\n')
		.map((line) => line.split('\r').pop().replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').trimEnd())
		.filter((line) => line && line !== '│');
}

build.on('close', (code) => {
	if (!tty) process.stdout.write(plainLines(output).map((line) => `${line}\n`).join(''));
	process.exit(code ?? 1);
});
