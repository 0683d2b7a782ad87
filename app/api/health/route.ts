import { databaseIsHealthy } from "@/lib/db/health";

export const dynamic = "force-dynamic";

/** GET /api/health: 200 {"status":"ok","db":"ok"} after a real query, 503 when the database does not answer. */
export async function GET() {
  const healthy = await databaseIsHealthy();
  return Response.json(healthy ? { status: "ok", db: "ok" } : { status: "error", db: "unavailable" }, {
    status: healthy ? 200 : 503,
    headers: { "Cache-Control": "no-store" },
  });
}
