// The ideas contract against the embedded store: a fresh SQLite file per test.
import path from 'node:path';
import { contractSuite } from './contract.mjs';
import { tempDir } from './helpers.mjs';

const dir = tempDir();
let n = 0;
contractSuite('SQLite', { fresh: async () => ({ dbFile: path.join(dir, `contract-${++n}.sqlite`) }) });
