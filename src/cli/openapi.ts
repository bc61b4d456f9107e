import fs from 'node:fs';
import path from 'node:path';
import { buildOpenApiDocument } from '../http/openapi/build-document.js';
import { PROJECT_ROOT } from '../lib/version.js';

/** `npm run openapi` — writes docs/openapi.json from the route schemas (a test fails when it is stale). */
const target = path.join(PROJECT_ROOT, 'docs/openapi.json');
const document = buildOpenApiDocument();
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
process.stdout.write(`✅ Wrote ${path.relative(process.cwd(), target)} (${Object.keys(document.paths ?? {}).length} paths)\n`);
