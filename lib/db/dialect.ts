import {
  OperationNodeTransformer,
  sql,
  type KyselyPlugin,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  type PrimitiveValueListNode,
  type QueryResult,
  type RawBuilder,
  type RootOperationNode,
  type UnknownRow,
  type ValueNode,
} from "kysely";

// What differs between SQLite and PostgreSQL for the queries built with Kysely (lib/db/query.ts), in one place:
// how a Date or boolean parameter is stored, how a stored one reads back, and how a timestamp is cut into buckets.
// No other module writes strftime or to_char.

export type DatabaseKind = "sqlite" | "postgres";

/** DateTime as Prisma's SQLite adapter stores it ("2026-03-02T09:00:00.000+00:00"): text that compares in order. */
const sqliteDate = (date: Date) => date.toISOString().replace("Z", "+00:00");

/** A parameter as the database stores it (Date and boolean differ; everything else unchanged). */
export function storedValue(kind: DatabaseKind, value: unknown): unknown {
  if (value instanceof Date) {
    // PostgreSQL: Prisma's DateTime is `timestamp(3)` (without time zone) holding UTC. A literal's zone is ignored
    // for that type, so the UTC text is the stored value whatever the server's or the process's zone.
    return kind === "sqlite" ? sqliteDate(value) : value.toISOString();
  }
  if (typeof value === "boolean" && kind === "sqlite") return value ? 1 : 0;
  return value;
}

class StoredValues extends OperationNodeTransformer {
  constructor(private readonly kind: DatabaseKind) {
    super();
  }
  protected override transformValue(node: ValueNode): ValueNode {
    return { ...node, value: storedValue(this.kind, node.value) };
  }
  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    return { ...node, values: node.values.map((value) => storedValue(this.kind, value)) };
  }
}

/** Binds Date and boolean parameters as the database stores them, in every query and `sql` fragment. */
export function storedValuesPlugin(kind: DatabaseKind): KyselyPlugin {
  const transformer = new StoredValues(kind);
  return {
    transformQuery: (args: PluginTransformQueryArgs): RootOperationNode => transformer.transformNode(args.node),
    transformResult: async (args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> => args.result,
  };
}

/** A DateTime column as read back (SQLite: ISO text; PostgreSQL: Date). */
export function toDate(value: Date | string): Date;
export function toDate(value: Date | string | null): Date | null;
export function toDate(value: Date | string | null): Date | null {
  return value === null ? null : value instanceof Date ? value : new Date(value);
}

/** A Boolean column as read back (SQLite: 0/1; PostgreSQL: boolean). */
export const toBool = (value: boolean | number | bigint): boolean => Boolean(Number(value));

/**
 * A timestamp column cut into UTC hour ("YYYY-MM-DDTHH") and quarter of the hour (0–3), the buckets lib/progress/days
 * maps onto a learner's study days.
 * @example const { hour, quarter } = quarterHourOf("sqlite", sql.ref("r.reviewedAt"))
 */
export function quarterHourOf(kind: DatabaseKind, column: RawBuilder<unknown> | ReturnType<typeof sql.ref>) {
  if (kind === "sqlite") {
    return {
      hour: sql<string>`strftime('%Y-%m-%dT%H', ${column})`,
      quarter: sql<number>`CAST(strftime('%M', ${column}) AS INTEGER) / 15`,
    };
  }
  return {
    hour: sql<string>`to_char(${column}, 'YYYY-MM-DD"T"HH24')`,
    quarter: sql<number>`CAST(EXTRACT(MINUTE FROM ${column}) AS INTEGER) / 15`,
  };
}

/** Whole days of a non-negative Float column (CAST truncates in SQLite but rounds in PostgreSQL). */
export function wholeDays(kind: DatabaseKind, column: RawBuilder<unknown> | ReturnType<typeof sql.ref>) {
  return kind === "sqlite" ? sql<number>`CAST(${column} AS INTEGER)` : sql<number>`CAST(FLOOR(${column}) AS INTEGER)`;
}

/**
 * True when a unique index or primary key refused a row: better-sqlite3's SQLITE_CONSTRAINT_UNIQUE/_PRIMARYKEY, or
 * PostgreSQL's unique_violation (SQLSTATE 23505).
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "23505";
}
