import { desc, eq, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { ClaimRuleSetBody, ClaimRuleSetView } from '../../../contracts/compliance';
import type { Bus } from '../../infra/bus/bus';
import type { Clock } from '../../infra/clock';
import type { Db } from '../../infra/db/database';
import { isUniqueViolation } from '../../infra/db/pg-errors';
import { ConflictError, NotFoundError, ValidationError } from '../../infra/errors';
import {
  checkClaims,
  compileClaimRules,
  defaultClaimRuleSet,
  suggestRewrite,
  validateClaimRuleSet,
  type CertificateKind,
  type CompiledClaimRules,
} from './claims';
import { claimRuleSets } from './compliance.tables';

// Other nodes learn of a new rule version over the bus at once; the timed refresh only covers a lost message.
const refreshAfterMs = 60_000;

export type ClaimRulesService = ReturnType<typeof createClaimRulesService>;

/** The versioned banned-claims list and the compiled checker built from it, cached per node. */
export function createClaimRulesService(deps: { db: Db; clock: Clock; bus: Bus; log: Logger }) {
  const { db, clock, bus, log } = deps;
  let cached: { compiled: CompiledClaimRules; loadedAt: number } | undefined;
  let loading: Promise<CompiledClaimRules> | undefined;

  async function load(): Promise<CompiledClaimRules> {
    const [row] = await db.select().from(claimRuleSets).orderBy(desc(claimRuleSets.version)).limit(1);
    const ruleSet = row ? { version: row.version, rules: row.rules } : defaultClaimRuleSet;
    const compiled = compileClaimRules(ruleSet);
    cached = { compiled, loadedAt: Date.now() };
    return compiled;
  }

  async function current(): Promise<CompiledClaimRules> {
    if (cached && Date.now() - cached.loadedAt < refreshAfterMs) return cached.compiled;
    loading ??= load().finally(() => (loading = undefined));
    return cached?.compiled ?? loading;
  }

  bus.subscribe('claims.rules_changed', () => {
    cached = undefined;
  });

  const toView = (row: typeof claimRuleSets.$inferSelect): ClaimRuleSetView => ({
    version: row.version,
    rules: row.rules,
    note: row.note,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  });

  return {
    current,

    /** Writes the built-in list as version 1 on an empty database, so admins edit from a real baseline. */
    async ensureBaseline() {
      await db
        .insert(claimRuleSets)
        .values({ version: 1, rules: defaultClaimRuleSet.rules, note: 'built-in baseline', createdAt: clock.now() })
        .onConflictDoNothing();
    },

    async check(text: string, certificateKinds: ReadonlySet<CertificateKind>) {
      const compiled = await current();
      const violations = checkClaims(text, compiled, { certificateKinds });
      return { ruleSetVersion: compiled.version, violations, rewrite: suggestRewrite(text, violations) };
    },

    async getCurrentView(): Promise<ClaimRuleSetView> {
      const [row] = await db.select().from(claimRuleSets).orderBy(desc(claimRuleSets.version)).limit(1);
      if (row) return toView(row);
      return { version: defaultClaimRuleSet.version, rules: defaultClaimRuleSet.rules, note: null, createdBy: null, createdAt: new Date(0).toISOString() };
    },

    async getVersion(version: number): Promise<ClaimRuleSetView> {
      const [row] = await db.select().from(claimRuleSets).where(eq(claimRuleSets.version, version));
      if (!row) throw new NotFoundError();
      return toView(row);
    },

    async listVersions() {
      const rows = await db
        .select({
          version: claimRuleSets.version,
          note: claimRuleSets.note,
          createdAt: claimRuleSets.createdAt,
          ruleCount: sql<number>`jsonb_array_length(${claimRuleSets.rules})::int`,
        })
        .from(claimRuleSets)
        .orderBy(desc(claimRuleSets.version));
      return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
    },

    /** Publishes a new version; a list that would not compile is refused whole. */
    async publish(adminId: string, body: ClaimRuleSetBody): Promise<ClaimRuleSetView> {
      const [latest] = await db.select({ version: claimRuleSets.version }).from(claimRuleSets).orderBy(desc(claimRuleSets.version)).limit(1);
      // An edit begun on an older version would silently undo another admin's changes.
      if (body.baseVersion !== undefined && body.baseVersion !== (latest?.version ?? 1)) throw new ConflictError('CLAIM_RULES_CHANGED');
      const version = (latest?.version ?? 0) + 1;
      const problems = validateClaimRuleSet({ version, rules: body.rules });
      if (problems.length) throw new ValidationError(problems.map((message) => ({ path: '/rules', message })));
      try {
        compileClaimRules({ version, rules: body.rules });
      } catch (err) {
        log.info({ err }, 'claim rule set refused');
        throw new ValidationError([{ path: '/rules', message: err instanceof Error ? err.message : 'invalid' }]);
      }
      let row: typeof claimRuleSets.$inferSelect | undefined;
      try {
        [row] = await db
          .insert(claimRuleSets)
          .values({ version, rules: body.rules, note: body.note ?? null, createdBy: adminId, createdAt: clock.now() })
          .returning();
      } catch (err) {
        // Two admins publishing at once: the second must reload and decide again.
        if (isUniqueViolation(err)) throw new ConflictError('CLAIM_RULES_CHANGED');
        throw err;
      }
      cached = undefined;
      await bus.publish('claims.rules_changed', { version });
      return toView(row!);
    },
  };
}
