import type { MikroORM } from '@mikro-orm/postgresql';
import { generateDemoCity } from '@county/demo-data';
import { bulkInsert, type DemoSeedOptions } from '@county/kit';
import { PetitionBureau } from '../petition/petition-bureau.entity';
import { demoCounties } from './county';
import { demoPetitionBureau, demoPetitions, type FailedDispute } from './petitions';

/**
 * Loads each county's petitions bureau and two years of petitions when the database has no bureau yet: apart
 * from the rest of the governance demo, so a database seeded before petitions existed gets them too.
 */
export async function seedPetitionDemo(orm: MikroORM, options: DemoSeedOptions): Promise<number> {
  const em = orm.em.fork();
  if ((await em.count(PetitionBureau, {})) > 0) return 0;
  // the province's further counties too (provinceCities): each keyed by its own code, the demo city's unchanged
  const city = generateDemoCity(options);
  let written = 0;
  // one county at a time, so a city of many counties never builds one huge statement
  await em.transactional(async (tx) => {
    for (const county of demoCounties(city)) {
      const failed = await tx.getConnection().execute<FailedDispute[]>(
        `select id, region_code, to_char(reported_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as reported_at
             from dispute where status = 'FAILED' and region_code like ? order by id limit 200`,
        [`${county.code}%`],
        'all',
        tx.getTransactionContext(),
      );
      const petitions = demoPetitions(county, failed);
      await bulkInsert(tx, 'petition_bureau', [demoPetitionBureau(county)]);
      await bulkInsert(tx, 'petition', petitions);
      written += 1 + petitions.length;
    }
  });
  return written;
}
