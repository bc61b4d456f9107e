import type supertest from 'supertest';

type Agent = ReturnType<typeof supertest.agent>;

/** Sets the business's identity through the API (as the owner does in Settings), keeping what is not given. */
export async function setBusiness(master: Agent, changes: Partial<{ name: string; legalName: string; address: string; nif: string; phone: string; email: string }>) {
  const current = (await master.get('/api/business/details')).body.data as Record<string, unknown>;
  const body = {
    version: current.version,
    name: current.name,
    legalName: current.legalName,
    address: current.address,
    nif: current.nif,
    phone: current.phone,
    email: current.email,
    ...changes,
  };
  const res = await master.put('/api/business').send(body);
  if (res.status !== 200) throw new Error(`setting the business failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as Record<string, unknown> & { version: number };
}
