// Server statements are prepared only for a bounded set of texts: a text built from varying
// input must not grow every connection's statement cache without end.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { customPlan, openDb, preparedTexts } from '../../api/src/db/client.ts';

describe('preparedTexts', () => {
  it('prepares the first texts seen, again and again, and no new text past the bound', () => {
    const may = preparedTexts(2);
    expect(may('SELECT 1')).toBe(true);
    expect(may('SELECT 2')).toBe(true);
    expect(may('SELECT 3')).toBe(false);
    expect(may('SELECT 1')).toBe(true);
    expect(may('SELECT 2')).toBe(true);
    expect(may('SELECT 4')).toBe(false);
  });

  it('never prepares a text marked for a plan per call (full-text search), however often it is seen', () => {
    const may = preparedTexts(10);
    const text = `SELECT 1 WHERE ${customPlan} true`;
    expect([may(text), may(text), may(text)]).toEqual([false, false, false]);
    expect(may('SELECT 1')).toBe(true);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'a server statement run twice is prepared once on its connection, and its errors keep the SQLSTATE but not the parameters',
    async () => {
      const db = await openDb({ databaseUrl: process.env.DATABASE_URL, poolSize: 1 });
      try {
        const marker = `prep-${process.pid}-${Date.now()}`;
        for (let i = 0; i < 3; i++) {
          const [row] = await db.rows<{ v: string }>(sql`SELECT ${marker}::text || 'x' AS v`);
          expect(row?.v).toBe(`${marker}x`);
        }
        // One connection: the prepared statements it holds are visible to itself.
        const prepared = await db.rows<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE ${"SELECT $1::text || 'x'%"}`,
        );
        expect(prepared[0]?.n).toBe(1);
        // Past the five runs after which PostgreSQL may keep a generic plan: still not prepared.
        for (let i = 0; i < 7; i++) await db.rows(sql`SELECT ${marker}::text || 'y' AS v ${sql.raw(customPlan)}`);
        const planned = await db.rows<{ n: number }>(
          sql`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE ${"SELECT $1::text || 'y'%"}`,
        );
        expect(planned[0]?.n).toBe(0);
        const secret = 'hidden-value-75001';
        const error = await db.rows(sql`SELECT ${secret}::int`).catch((e: unknown) => e as Error);
        expect((error as { cause?: { code?: string } }).cause?.code).toBe('22P02');
        expect((error as Error).message).not.toContain(secret);
        const [tx] = await db.transaction(async (t) => t.rows<{ n: number }>(sql`SELECT 41 + 1 AS n`));
        expect(tx?.n).toBe(42);
      } finally {
        await db.close();
      }
    },
  );
});
