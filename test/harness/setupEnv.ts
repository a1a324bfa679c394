import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

// n8n-core and the package write under the n8n user folder: keep tests out of the real one.
process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'lsq-n8n-'));
process.env.N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS = 'false';
