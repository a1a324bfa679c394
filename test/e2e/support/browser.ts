import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import type { BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

/** Debian's Chromium: Playwright's own browser download cannot work on these machines. */
export const CHROMIUM = '/usr/bin/chromium';

/** Without the background-networking flags Chromium keeps dialling Google, which this network refuses. */
const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export interface Browser {
	page: Page;
	context: BrowserContext;
	close(): Promise<void>;
}

/** Chromium with a fresh profile. Fails, never skips, when Chromium is not installed. */
export async function launchChromium(): Promise<Browser> {
	if (!existsSync(CHROMIUM)) {
		throw new Error(`${CHROMIUM} is missing: run "bash test/e2e/ensureDebianPackages.sh" (installs Debian's chromium, postgresql and redis-server)`);
	}
	const profile = mkdtempSync(join(tmpdir(), 'lsq-e2e-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_FLAGS,
		viewport: { width: 1440, height: 900 },
	});
	const page = context.pages()[0] ?? (await context.newPage());
	return {
		page,
		context,
		close: async () => {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		},
	};
}
