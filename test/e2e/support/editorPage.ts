import type { Locator, Page } from 'playwright-core';

/**
 * The n8n editor, driven through the data-test-id attributes that n8n 1.123 and 2.41
 * share. Differences between the two are handled here, not in the tests.
 */
export class EditorPage {
	constructor(
		readonly page: Page,
		readonly baseUrl: string,
	) {}

	testId(id: string): Locator {
		return this.page.locator(`[data-test-id="${id}"]`);
	}

	async login(email: string, password: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}/signin`);
		await this.page.locator('input[name=emailOrLdapLoginId]').fill(email);
		await this.page.locator('input[name=password]').fill(password);
		await this.testId('form-submit-button').click();
		await this.page.waitForURL((url) => !url.pathname.startsWith('/signin'));
	}

	async openNewWorkflow(): Promise<void> {
		await this.page.goto(`${this.baseUrl}/workflow/new`);
		await this.testId('canvas-add-button').waitFor();
	}

	/** Opens the nodes panel from the empty canvas and searches it. */
	async searchNodesPanel(text: string): Promise<void> {
		await this.testId('canvas-add-button').click();
		await this.testId('node-creator-search-bar').waitFor();
		await this.page.keyboard.type(text);
	}

	nodeCreatorItem(name: string): Locator {
		return this.testId('node-creator-item-name').filter({ hasText: new RegExp(`^\\s*${escapeRegExp(name)}\\s*$`) });
	}

	/**
	 * In the trigger-first panel of an empty canvas the node's actions are folded
	 * away when the package also has a trigger: unfold them.
	 */
	async showNodeActions(firstAction: string): Promise<void> {
		const action = this.nodeCreatorItem(firstAction);
		const header = this.testId('node-creator-category-item').filter({ hasText: /^\s*Actions/ });
		await action.or(header).first().waitFor();
		if (!(await action.isVisible())) await header.click();
		await action.waitFor();
	}

	async nodeCreatorItemNames(): Promise<string[]> {
		return (await this.testId('node-creator-item-name').allInnerTexts()).map((text) => text.trim());
	}

	/** The choices of an options parameter in the open node, as shown (first line of each). */
	async dropdownChoices(parameter: string): Promise<string[]> {
		await this.testId(`parameter-input-${parameter}`).click();
		const items = this.page.locator('.el-select-dropdown__item:visible');
		await items.first().waitFor();
		const texts = await items.allInnerTexts();
		await this.page.keyboard.press('Escape');
		await items.first().waitFor({ state: 'hidden' });
		return texts.map((text) => text.split('\n')[0].trim());
	}

	async choose(parameter: string, choice: string): Promise<void> {
		await this.testId(`parameter-input-${parameter}`).click();
		const items = this.page.locator('.el-select-dropdown__item:visible');
		await items.first().waitFor();
		const texts = (await items.allInnerTexts()).map((text) => text.split('\n')[0].trim());
		const index = texts.indexOf(choice);
		if (index === -1) throw new Error(`"${choice}" is not among the ${parameter} choices: ${texts.join(', ')}`);
		await items.nth(index).click();
		await items.first().waitFor({ state: 'hidden' });
	}

	async placeholderOf(parameter: string): Promise<string | null> {
		return await this.testId(`parameter-input-${parameter}`).locator('input, textarea').first().getAttribute('placeholder');
	}

	async fill(parameter: string, value: string, scope: Locator | Page = this.page): Promise<void> {
		await scope.locator(`[data-test-id="parameter-input-${parameter}"]`).locator('input, textarea').first().fill(value);
	}

	/** The open node's credential fields: label and the chosen credential's name ('' when none is chosen). */
	async nodeCredentials(): Promise<Array<{ label: string; chosen: string }>> {
		const labels = this.testId('ndv').locator('[data-test-id="credentials-label"]');
		const fields: Array<{ label: string; chosen: string }> = [];
		for (const field of await labels.all()) {
			const label = (await field.locator('label, .n8n-input-label').first().innerText()).split('\n')[0].trim();
			const chosen = await field.locator('[data-test-id="node-credentials-select"] input').first().inputValue();
			fields.push({ label, chosen });
		}
		return fields;
	}

	/** Chooses a stored credential in the open node's credential field with this label. */
	async chooseNodeCredential(label: string, credentialName: string): Promise<void> {
		const field = this.testId('ndv').locator('[data-test-id="credentials-label"]').filter({ hasText: label });
		await field.locator('[data-test-id="node-credentials-select"]').click();
		const option = this.page.locator('[data-test-id^="node-credentials-select-item-"]:visible').filter({ hasText: credentialName });
		await option.first().click();
		await option.first().waitFor({ state: 'hidden' });
	}

	credentialModal(): Locator {
		return this.testId('editCredential-modal');
	}

	async openNewCredentialFromNode(): Promise<void> {
		await this.testId('node-credentials-select').click();
		await this.testId('node-credentials-select-item-new').click();
		await this.credentialModal().waitFor();
	}

	/**
	 * Saves the credential and waits for the editor's connection test. 1.x keeps the
	 * dialog open with the result; 2.x closes it on success, so it is reopened to see it.
	 */
	async saveCredentialAndTest(): Promise<{ status: string; message: string }> {
		const tested = this.page.waitForResponse((response) => response.url().endsWith('/rest/credentials/test'));
		await this.credentialModal().locator('[data-test-id="credential-save-button"]').click();
		const result = ((await (await tested).json()) as { data: { status: string; message: string } }).data;
		await this.page.waitForTimeout(500);
		if (!(await this.credentialModal().isVisible())) {
			await this.testId('credential-edit-button').click();
			await this.credentialModal().waitFor();
		}
		return result;
	}

	credentialTestSuccess(): Locator {
		return this.credentialModal().locator('[data-test-id="credentials-config-container-test-success"]');
	}

	async closeCredentialModal(): Promise<void> {
		await this.credentialModal().locator('button[aria-label="Close this dialog"]').click();
		await this.credentialModal().waitFor({ state: 'hidden' });
	}

	async executeStep(): Promise<void> {
		await this.testId('node-execute-button').click();
	}

	outputPanel(): Locator {
		return this.testId('output-panel');
	}

	/** Closes n8n's notifications (they cover the output table in screenshots); they may also close by themselves. */
	async dismissToasts(): Promise<void> {
		const close = this.page.locator('.el-notification .el-notification__closeBtn:visible');
		for (let tries = 0; tries < 5 && (await close.count()) > 0; tries++) {
			await close
				.first()
				.click({ timeout: 2_000 })
				.catch(() => undefined);
		}
		await this.page.locator('.el-notification:visible').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
	}

	async screenshot(path: string): Promise<void> {
		await this.page.screenshot({ path });
	}
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
