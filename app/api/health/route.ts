import { databaseHealth } from "@/lib/db/health";

export const dynamic = "force-dynamic";

/**
 * GET /api/health: 200 `{"status":"ok","db":"ok","database":"sqlite"|"postgresql","migrations":"current"}` when the
 * database answers a real query and every migration this code ships is applied (a reverse proxy or orchestrator can
 * route to the instance); 503 with `db: "unavailable"` when the database does not answer, or `db: "migrations
 * pending"` when this code expects a schema the database does not have yet. `migrations: "unknown"` (still 200): the
 * migrations folder is not deployed beside the server, so it cannot tell.
 */
export async function GET() {
  const health = await databaseHealth();
  const ok = health.reachable && health.migrations !== "pending";
  const db = !health.reachable ? "unavailable" : ok ? "ok" : "migrations pending";
  return Response.json(
    { status: ok ? "ok" : "error", db, database: health.database, migrations: health.migrations },
    { status: ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
