/**
 * A measurement probe for docs/decisions/008: the study API served outside Next's request pipeline. The same code as
 * app/api/study/* (session cookie → user, ReviewSchema, recordReview, nextStep) on bare node:http, without Next's
 * routing, request/response adaptation and render context. Not used by the app.
 *   DATABASE_URL=file:/path/app.db NEXTAUTH_SECRET=… npx tsx bench/study-server.ts --port 3302
 */
import { createServer, type IncomingMessage } from "node:http";
import { userFromSessionToken } from "@/lib/auth/session";
import { recordReview } from "@/lib/db/reviews";
import { nextStep } from "@/lib/db/study";
import { ReviewSchema } from "@/lib/validations/study";
import { readBody, send } from "./lib/http";

const port = Number(process.argv[process.argv.indexOf("--port") + 1]);
const STATUS = { not_found: 404, stale: 409, suspended: 409, in_quiz: 409 } as const;

async function currentUser(req: IncomingMessage) {
  const cookie = req.headers.cookie ?? "";
  const token = /(?:^|;\s*)next-auth\.session-token=([^;]+)/.exec(cookie)?.[1];
  return token ? userFromSessionToken(token) : null;
}

const server = createServer(async (req, res) => {
  try {
    const user = await currentUser(req);
    if (!user) return send(res, 401, { error: { code: "unauthenticated" } });
    if (req.method === "GET" && req.url?.startsWith("/api/study/next")) {
      return send(res, 200, await nextStep({ userId: user.id }, new Date()));
    }
    if (req.method === "POST" && req.url === "/api/study/reviews") {
      const parsed = ReviewSchema.safeParse(JSON.parse(await readBody(req)));
      if (!parsed.success) return send(res, 400, { error: { code: "invalid" } });
      const { deckId, ...answer } = parsed.data;
      const now = new Date();
      const result = await recordReview({ userId: user.id, ...answer, now });
      if (!result.ok) return send(res, STATUS[result.reason], { error: { code: result.reason } });
      const next = await nextStep({ userId: user.id, deckId }, now);
      return send(res, 200, { duplicate: result.duplicate, leech: result.leech, next });
    }
    send(res, 404, { error: { code: "not_found" } });
  } catch (error) {
    console.error(error);
    send(res, 500, { error: { code: "internal" } });
  }
});
server.listen(port, "127.0.0.1");
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
