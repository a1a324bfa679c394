import { Container } from '@n8n/di';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';

// n8n-core starts an SSH-connection sweeper (a 60 s interval) with the first node it
// runs; n8n's server stops it at shutdown, and so does each test file here.
afterAll(() => {
	if (Container.has(SSHClientsManager)) Container.get(SSHClientsManager).onShutdown();
});
