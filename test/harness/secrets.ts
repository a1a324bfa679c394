/** The ways a key could show up in text: as is, URL-encoded (both styles), JSON-escaped. */
export function secretForms(secret: string): string[] {
	return [
		...new Set([
			secret,
			encodeURIComponent(secret),
			new URLSearchParams({ k: secret }).toString().slice(2),
			encodeURI(secret),
			JSON.stringify(secret).slice(1, -1),
		]),
	];
}

/**
 * Every place in `value` where one of `secrets` appears, in any of its forms: walks own
 * properties enumerable or not (an Error's message, stack, cause, description, context…),
 * arrays, Maps, Sets and Buffers, never calling a getter.
 */
export function findSecrets(value: unknown, secrets: string[], where = '$'): string[] {
	const forms = secrets.flatMap((secret) => secretForms(secret).map((form) => ({ secret, form })));
	const hits: string[] = [];
	const seen = new WeakSet<object>();
	const visit = (current: unknown, path: string, depth: number): void => {
		if (typeof current === 'string') {
			for (const { secret, form } of forms) {
				if (current.includes(form))
					hits.push(`${path} holds ${form === secret ? 'the key' : `the key as "${form}"`} (${secret.slice(0, 6)}…)`);
			}
			return;
		}
		if (current === null || typeof current !== 'object' || depth > 40 || seen.has(current)) return;
		seen.add(current);
		if (Buffer.isBuffer(current)) return visit(current.toString('utf8'), path, depth);
		if (current instanceof Map)
			return [...current].forEach(([k, v], i) => (visit(k, `${path}<key ${i}>`, depth + 1), visit(v, `${path}<${String(k)}>`, depth + 1)));
		if (current instanceof Set) return [...current].forEach((v, i) => visit(v, `${path}<${i}>`, depth + 1));
		if (current instanceof Error) visit(current.stack, `${path}.stack`, depth + 1);
		for (const key of Reflect.ownKeys(current)) {
			const descriptor = Object.getOwnPropertyDescriptor(current, key);
			if (descriptor && 'value' in descriptor) visit(descriptor.value, `${path}.${String(key)}`, depth + 1);
		}
	};
	visit(value, where, 0);
	return hits;
}
