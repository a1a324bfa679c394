import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { atItem } from '../../transport/atItem';
import type { CaptureStatusSummary } from '../../helpers/captureStatus';
import { fetchCaptureStatus } from '../../helpers/captureStatus';

const FIRST_CHECK_MS = 500;
const MAX_CHECK_INTERVAL_MS = 15_000;

/**
 * Checks a capture's status with growing pauses (0.5 s, 1 s, 2 s … up to 15 s), each
 * check through the account's rate governor, until Success or FAILURE or the timeout.
 * An ERROR is not final (LeadSquared retries system failures), so it is waited on too.
 */
export async function waitForCapture(
	this: IExecuteFunctions,
	requestId: string,
	wait: { timeoutMs: number; failOnTimeout: boolean },
	itemIndex: number,
): Promise<{ summary: CaptureStatusSummary; timedOut: boolean }> {
	const deadline = Date.now() + wait.timeoutMs;
	for (let pause = FIRST_CHECK_MS; ; pause = Math.min(pause * 2, MAX_CHECK_INTERVAL_MS)) {
		await sleep(Math.max(0, Math.min(pause, deadline - Date.now())));
		const summary = await fetchCaptureStatus.call(this, requestId, itemIndex);
		if (summary.final) return { summary, timedOut: false };
		if (Date.now() >= deadline) {
			if (wait.failOnTimeout) {
				throw new NodeOperationError(
					this.getNode(),
					atItem(`Capture ${requestId} was still ${summary.leadSquaredStatus ?? 'pending'} after ${wait.timeoutMs / 1000} s`, itemIndex),
					{ itemIndex, description: summary.reason ?? undefined },
				);
			}
			return { summary, timedOut: true };
		}
	}
}
