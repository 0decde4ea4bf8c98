// The ideas contract against PostgreSQL, in a throwaway cluster of its own (a fresh database per test). Where
// PostgreSQL is not installed the suite is reported as skipped, with the reason.
import { after, before } from 'node:test';
import { contractSuite } from './contract.mjs';
import { postgresMissing, startPostgres } from './postgres.mjs';

const missing = postgresMissing();
let cluster;
if (!missing) {
  before(async () => {
    cluster = await startPostgres();
  });
  after(() => cluster?.stop());
}
contractSuite('PostgreSQL', {
  fresh: async () => ({ databaseUrl: await cluster.createDatabase() }),
  skip: missing || false,
});
