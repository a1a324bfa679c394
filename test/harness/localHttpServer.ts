import { createServer } from 'http';
import type { RequestListener } from 'http';
import type { AddressInfo, Socket } from 'net';

export interface LocalHttpServer {
	/** `http://127.0.0.1:<port>` */
	url: string;
	/** Stops listening and drops every open connection, so nothing keeps the test running. */
	close(): Promise<void>;
}

/** An HTTP server on a free port of 127.0.0.1. */
export async function startLocalHttpServer(handler: RequestListener): Promise<LocalHttpServer> {
	const sockets = new Set<Socket>();
	const server = createServer(handler);
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
