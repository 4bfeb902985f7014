import { afterAll, beforeAll, describe } from 'vitest';
import { startEmbeddedForTest, type EmbeddedForTest } from '../kube/embedded-fixture.ts';
import { leaseCases } from './lease-cases.ts';

describe('run lease (embedded API server)', () => {
  let embedded: EmbeddedForTest;
  beforeAll(async () => {
    embedded = await startEmbeddedForTest({ referenceGateway: false });
  }, 60_000);
  afterAll(async () => embedded?.environment.stop());
  leaseCases(() => embedded.client);
});
