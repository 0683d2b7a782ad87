/**
 * Fuzz: every server action called with malformed, oversized, wrongly typed and unicode-heavy input, as a learner and
 * as an admin. Each must refuse (a message or a redirect/404), never throw anything else, and change nothing.
 * (Actions that take no input — fit/reset parameters — have nothing to fuzz.)
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import type { UserSummary } from "@/lib/db/users";
import { makeUser } from "@/tests/factories";
import { cookieStoreFor } from "@/tests/session-cookie";

let session: { user: { id: string } } | null = null;
// The persona's session arrives as a real session cookie (a Session row and a JWT naming it).
vi.mock("next/headers", async (original) => ({
  ...(await original<object>()),
  cookies: () => cookieStoreFor(session?.user.id),
}));
vi.mock("next/server", async (original) => ({ ...(await original<object>()), connection: async () => {} }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const NO_INPUT = new Set(["fitParametersAction", "resetParametersAction"]);
const TABLES = [
  "User",
  "Document",
  "Item",
  "Card",
  "ReviewLog",
  "UserSettings",
  "QuizAttempt",
  "QuizAnswer",
  "Class",
  "ClassMember",
  "ItemSet",
  "ItemSetItem",
  "Assignment",
  "ItemFlag",
  "PasswordReset",
  "DeckClass",
  "StudyDeck",
  // Garbage is refused before any limiter counts it (sign-up, password change): no counter may move. (Session is
  // left out: the cookie stub records a session per call.)
  "RateLimit",
  "Preset",
  "DeckPreset",
];

const big = "𝔉".repeat(300_000);
const weird = "\u0000\u202e<script>alert(1)</script>' OR 1=1 --\uFFFF\uD800";
function formOf(fields: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}
const FIELDS = [
  "name",
  "email",
  "password",
  "code",
  "classId",
  "userId",
  "setId",
  "mode",
  "dueAt",
  "deckId",
  "itemId",
  "count",
  "topic",
  "role",
  "assignmentId",
  "desiredRetention",
  "newPerDay",
  "maxReviewsPerDay",
  "learningSteps",
  "relearningSteps",
  "timeZone",
  "description",
  "maxAttempts",
  "token",
  "newPassword",
  "title",
  "visibility",
  "classIds",
  "status",
  "confirm",
  "how",
  "presetId",
  "maximumIntervalDays",
  "loadBalance",
  "easyDay0",
];
const GARBAGE: unknown[] = [
  undefined,
  null,
  42,
  "text",
  [],
  {},
  { itemId: 7, response: { nested: true }, rating: "perfect", reviewId: "x", version: -1 },
  { text: 12, title: ["a"], excludedKeys: "all" },
  { deckIds: "everything", minDifficulty: "hard" },
  { name: big, itemIds: Array.from({ length: 5000 }, (_, i) => `i${i}`) },
  { attemptId: weird, answerId: weird, itemId: weird, response: weird, responseMs: Number.NaN },
  formOf(Object.fromEntries(FIELDS.map((f) => [f, weird]))),
  formOf(Object.fromEntries(FIELDS.map((f) => [f, big]))),
  formOf(Object.fromEntries(FIELDS.map((f) => [f, ""]))),
];

const modules = import.meta.glob<Record<string, unknown>>("/app/**/actions.ts");
const users = {} as Record<"learner" | "admin", UserSummary>;

async function counts() {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT COUNT(*) AS n FROM "${table}"`);
    out[table] = Number(row!.n);
  }
  return out;
}

beforeAll(async () => {
  users.learner = await makeUser({ role: "learner" });
  users.admin = await makeUser({ role: "admin" });
});

describe("server actions under malformed input", () => {
  for (const [file, load] of Object.entries(modules)) {
    it(`${file}: refuses garbage and changes nothing`, async () => {
      const mod = await load();
      for (const [name, action] of Object.entries(mod)) {
        if (typeof action !== "function" || NO_INPUT.has(name)) continue;
        for (const persona of ["learner", "admin"] as const) {
          session = { user: { id: users[persona].id } };
          for (const [g, garbage] of GARBAGE.entries()) {
            const before = await counts();
            const label = `${name} as ${persona} with garbage #${g}`;
            try {
              // Both shapes: (input) and (prevState, input) as useActionState calls them.
              await (action as (...args: unknown[]) => Promise<unknown>)(garbage, garbage);
            } catch (error) {
              const digest = String((error as { digest?: string }).digest ?? "");
              if (!digest.startsWith("NEXT_REDIRECT") && !digest.startsWith("NEXT_HTTP_ERROR_FALLBACK")) {
                throw new Error(`${label} threw: ${(error as Error).message}`);
              }
            }
            expect(await counts(), label).toEqual(before);
          }
        }
      }
    }, 60_000);
  }
});
