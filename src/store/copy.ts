// vigie copy: a whole database moved between SQLite and PostgreSQL (either way), ids kept.
import { openAdapter } from './open.ts';
import { KyselyStore, type CopySummary } from './kysely-store.ts';

export async function copyDatabase(from: string, to: string): Promise<CopySummary> {
  const source = await openAdapter(from, { readonly: true });
  try {
    const target = new KyselyStore(await openAdapter(to));
    try {
      return await target.copyFrom(source);
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}
