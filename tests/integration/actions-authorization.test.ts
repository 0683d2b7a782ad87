/**
 * Every server action called as each kind of user. The session is the only thing stubbed (next/headers' cookies()
 * carries a real session cookie for the persona); the real requireUser/requireAbility, zod schemas, queries and
 * database run. A new action without a row here fails the "covers every action" test.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { GeneratedItem } from "@/lib/content/types";
import { db } from "@/lib/db/client";
import { createAssignment } from "@/lib/db/assignments";
import { createClass } from "@/lib/db/classes";
import { publishDocument } from "@/lib/db/content";
import { createPreset } from "@/lib/db/presets";
import { createQuiz } from "@/lib/db/quiz";
import { answerItem } from "@/lib/db/reviews";
import { createSet } from "@/lib/db/sets";
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

type Persona = "anonymous" | "learner" | "otherLearner" | "instructor" | "otherInstructor" | "admin";
const PERSONAS: Persona[] = ["anonymous", "learner", "otherLearner", "instructor", "otherInstructor", "admin"];
/** login: sent to sign in · 404: not found · refused: a message, nothing changed · ok: done */
type Outcome = "login" | "404" | "refused" | "ok";

const users = {} as Record<Exclude<Persona, "anonymous">, UserSummary>;
const NOW = new Date();

function item(i: number): GeneratedItem {
  return {
    key: `k${i}`,
    factKey: `f${i}`,
    kind: "multiple_choice",
    prompt: `Q${i}?`,
    answer: `A${i}`,
    accepted: [],
    options: [`A${i}`, "B", "C", "D"],
    answerType: "text",
    topic: "dates",
    difficulty: 0.5,
    // Sentences of their own: items of one sentence are siblings, and an open quiz hides its items' siblings too.
    source: { text: `A${i}.`, start: i * 10, end: i * 10 + 3 },
  };
}

/** A fresh world per call: the instructor's class (learner in it) with a quiz assignment, a set, a deck, an attempt. */
async function world() {
  const slug = `w-${crypto.randomUUID()}`;
  const { documentId } = await publishDocument({ slug, title: slug, body: "Body." }, [item(1), item(2)]);
  const itemIds = (await db.item.findMany({ where: { documentId }, select: { id: true } })).map((i) => i.id);
  const set = (await createSet(users.instructor, { name: "Set", itemIds }))!;
  const klass = await createClass(users.instructor, { name: "Class", description: "" }, NOW);
  await db.classMember.create({ data: { classId: klass.id, userId: users.learner.id } });
  const assignment = await createAssignment(
    users.instructor,
    { classId: klass.id, setId: set.id, mode: "quiz", dueAt: new Date(NOW.getTime() + 86_400_000), maxAttempts: 2 },
    NOW,
  );
  const attempt = (await createQuiz({
    userId: users.learner.id,
    deckId: documentId,
    count: 1,
    updatesSchedule: false,
  }))!;
  const code = (await db.class.findUniqueOrThrow({ where: { id: klass.id } })).joinCode;
  // A preset of the learner's own (presets are per learner: everyone else must get "not found").
  const preset = await createPreset(users.learner.id, `P-${slug}`);
  // The instructor's own draft deck, for the owner's lifecycle actions.
  const owned = await publishDocument(
    { slug: `o-${crypto.randomUUID()}`, title: "Owned", body: "Body.", ownerId: users.instructor.id, status: "draft" },
    [item(3)],
  );
  return {
    ownedDeckId: owned.documentId,
    presetId: preset.ok ? preset.id : "",
    documentId,
    itemIds,
    setId: set.id,
    classId: klass.id,
    assignmentId: assignment.ok ? assignment.id : "",
    attemptId: attempt.id,
    code,
  };
}
type World = Awaited<ReturnType<typeof world>>;

/** The world's item that the learner's open practice quiz does not ask. */
async function itemOutsideQuiz(w: World) {
  const attempt = await db.quizAttempt.findUniqueOrThrow({ where: { id: w.attemptId } });
  const asked = JSON.parse(attempt.itemIds) as string[];
  return w.itemIds.find((id) => !asked.includes(id))!;
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const signedIn = (o: Outcome): Record<Persona, Outcome> => ({ ...all(o), anonymous: "login" });
const all = (o: Outcome) => Object.fromEntries(PERSONAS.map((p) => [p, o])) as Record<Persona, Outcome>;
const teachers = (o: Outcome): Record<Persona, Outcome> => ({
  ...signedIn("404"),
  instructor: o,
  otherInstructor: o,
  admin: o,
});
/** Items of the instructor's own deck: the instructor and admins change them; anyone else's change finds nothing. */
const deckOwner = (o: Outcome): Record<Persona, Outcome> => ({ ...signedIn("refused"), instructor: o, admin: o });

/** A deck the instructor uploaded, with its one item. */
async function instructorDeck() {
  const slug = `own-${crypto.randomUUID()}`;
  const { documentId } = await publishDocument({ slug, title: slug, body: "Body.", ownerId: users.instructor.id }, [
    item(1),
  ]);
  return { documentId, item: await db.item.findFirstOrThrow({ where: { documentId } }) };
}
const ownerOnly = (o: Outcome): Record<Persona, Outcome> => ({ ...teachers(o), otherInstructor: "refused" });
const deckOwnerOnly: Record<Persona, Outcome> = { ...signedIn("refused"), instructor: "ok" };

type Row = {
  action: string;
  call: (mod: Record<string, (...args: never[]) => Promise<unknown>>, w: World) => Promise<unknown>;
  /** Turns a call that returned (did not throw) into an outcome; by default a returned `ok: false` or message is "refused". */
  judge?: (result: unknown, w: World) => Promise<Outcome>;
  expect: Record<Persona, Outcome>;
};

const call = (mod: Record<string, (...args: never[]) => Promise<unknown>>, name: string, ...args: unknown[]) =>
  (mod[name] as (...a: unknown[]) => Promise<unknown>)(...args);

const MATRIX: Record<string, Row[]> = {
  "/app/(auth)/signup/actions.ts": [
    {
      action: "signUpAction",
      call: (m) =>
        call(
          m,
          "signUpAction",
          form({ name: "N", email: `${crypto.randomUUID()}@example.com`, password: "long enough" }),
        ),
      expect: all("ok"),
    },
  ],
  "/app/(auth)/forgot-password/actions.ts": [
    // Anyone may ask; the answer is the same for an address without an account.
    {
      action: "forgotPasswordAction",
      call: (m) => call(m, "forgotPasswordAction", null, form({ email: `${crypto.randomUUID()}@example.com` })),
      expect: all("ok"),
    },
  ],
  "/app/(auth)/reset-password/actions.ts": [
    // A token nobody was given is refused for everyone (tests/integration/password-reset.test.ts uses real ones).
    {
      action: "resetPasswordAction",
      call: (m) => call(m, "resetPasswordAction", null, form({ token: "y".repeat(43), newPassword: "long enough" })),
      expect: all("refused"),
    },
  ],
  "/app/(app)/decks/new/actions.ts": [
    {
      action: "previewDocumentAction",
      call: (m) => call(m, "previewDocumentAction", { text: "# T\n\nParis was founded in 52 BC." }),
      expect: teachers("ok"),
    },
    {
      action: "publishDocumentAction",
      call: (m) =>
        call(m, "publishDocumentAction", {
          text: "# T\n\nRome was founded in 753 BC by Romulus.",
          title: "",
          excludedKeys: [],
        }),
      expect: teachers("ok"),
    },
  ],
  "/app/(app)/decks/[deckId]/actions.ts": [
    {
      action: "unsuspendAction",
      call: (m, w) => call(m, "unsuspendAction", form({ itemId: w.itemIds[0]!, deckId: w.documentId })),
      expect: signedIn("ok"),
    },
  ],
  "/app/(app)/decks/[deckId]/items/[itemId]/edit/actions.ts": [
    {
      // The instructor owns the deck (admins may change any deck); anyone else's edit finds nothing.
      action: "editItemAction",
      call: async (m) => {
        const deck = await instructorDeck();
        return call(
          m,
          "editItemAction",
          null,
          form({
            itemId: deck.item.id,
            deckId: deck.documentId,
            checksum: deck.item.checksum,
            prompt: "Edited?",
            topic: "dates",
            answer: "A1",
            options: "A1\nB\nC",
          }),
        );
      },
      expect: deckOwner("ok"),
    },
    {
      action: "itemOwnerAction",
      call: async (m) => {
        const deck = await instructorDeck();
        return call(
          m,
          "itemOwnerAction",
          null,
          form({ itemId: deck.item.id, deckId: deck.documentId, action: "suspend" }),
        );
      },
      expect: deckOwner("ok"),
    },
  ],
  "/app/(app)/decks/[deckId]/flags/actions.ts": [
    {
      action: "resolveFlagAction",
      call: async (m) => {
        const deck = await instructorDeck();
        const flag = await db.itemFlag.create({
          data: { itemId: deck.item.id, userId: users.learner.id, reason: "typo" },
        });
        return call(
          m,
          "resolveFlagAction",
          null,
          form({ flagId: flag.id, deckId: deck.documentId, resolution: "fixed" }),
        );
      },
      expect: deckOwner("ok"),
    },
  ],
  "/app/(app)/study/flag/actions.ts": [
    {
      action: "flagItemAction",
      call: (m, w) => call(m, "flagItemAction", { itemId: w.itemIds[0], reason: "unclear", note: "Which one?" }),
      expect: signedIn("ok"),
    },
  ],
  // Only the deck's owner manages it: anyone else's attempt is "not found" (refused), admins included.
  "/app/(app)/decks/[deckId]/lifecycle/actions.ts": [
    {
      action: "updateDeckDetailsAction",
      call: (m, w) =>
        call(m, "updateDeckDetailsAction", null, form({ deckId: w.ownedDeckId, title: "Renamed", description: "" })),
      expect: deckOwnerOnly,
    },
    {
      action: "publishDeckAction",
      call: (m, w) => call(m, "publishDeckAction", null, form({ deckId: w.ownedDeckId, visibility: "library" })),
      expect: deckOwnerOnly,
    },
    {
      action: "setDeckStatusAction",
      call: (m, w) => call(m, "setDeckStatusAction", null, form({ deckId: w.ownedDeckId, status: "archived" })),
      expect: deckOwnerOnly,
    },
    {
      action: "deleteDeckAction",
      call: (m, w) => call(m, "deleteDeckAction", null, form({ deckId: w.ownedDeckId, confirm: "yes" })),
      expect: deckOwnerOnly,
    },
    {
      // Anyone signed in may add a library deck to their studies; nobody but its owner someone's draft.
      action: "studyDeckAction",
      call: async (m, w) => {
        const library = await call(m, "studyDeckAction", null, form({ deckId: w.documentId, how: "add" }));
        const draft = (await call(m, "studyDeckAction", null, form({ deckId: w.ownedDeckId, how: "add" }))) as {
          ok: boolean;
        };
        return draft.ok === (session?.user.id === users.instructor.id) ? library : { ok: false };
      },
      expect: signedIn("ok"),
    },
  ],
  // Issue 14: editing and deleting sets, classes and assignments: the owner's (or an admin's) only.
  "/app/(app)/sets/[setId]/actions.ts": [
    {
      action: "renameSetAction",
      call: (m, w) => call(m, "renameSetAction", null, form({ setId: w.setId, name: "Renamed" })),
      expect: ownerOnly("ok"),
    },
    {
      // A set no assignment uses (one that is used is refused for everyone: delete the assignments first).
      action: "deleteSetAction",
      call: async (m, w) => {
        const spare = (await createSet(users.instructor, { name: "Spare", itemIds: w.itemIds }))!;
        return call(m, "deleteSetAction", null, form({ setId: spare.id, confirm: "yes" }));
      },
      expect: ownerOnly("ok"),
    },
  ],
  "/app/(app)/classes/[classId]/lifecycle/actions.ts": [
    {
      action: "updateClassAction",
      call: (m, w) =>
        call(m, "updateClassAction", null, form({ classId: w.classId, name: "New name", description: "" })),
      expect: ownerOnly("ok"),
    },
    {
      action: "deleteClassAction",
      call: (m, w) => call(m, "deleteClassAction", null, form({ classId: w.classId, confirm: "yes" })),
      expect: ownerOnly("ok"),
    },
    {
      action: "updateAssignmentAction",
      call: (m, w) => {
        const due = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 16);
        return call(
          m,
          "updateAssignmentAction",
          null,
          form({ assignmentId: w.assignmentId, dueAt: due, maxAttempts: "3" }),
        );
      },
      expect: ownerOnly("ok"),
    },
    {
      action: "deleteAssignmentAction",
      call: (m, w) => call(m, "deleteAssignmentAction", null, form({ assignmentId: w.assignmentId, confirm: "yes" })),
      expect: ownerOnly("ok"),
    },
  ],
  "/app/(app)/decks/[deckId]/quiz/actions.ts": [
    {
      action: "startQuizAction",
      call: (m, w) => call(m, "startQuizAction", null, form({ deckId: w.documentId, count: "1" })),
      expect: signedIn("ok"),
    },
  ],
  "/app/(app)/quiz/[attemptId]/actions.ts": [
    {
      action: "answerQuizAction",
      call: async (m, w) => {
        const attempt = await db.quizAttempt.findUniqueOrThrow({ where: { id: w.attemptId } });
        const itemId = (JSON.parse(attempt.itemIds) as string[])[0];
        return call(m, "answerQuizAction", {
          attemptId: w.attemptId,
          answerId: crypto.randomUUID(),
          itemId,
          response: "A1",
          responseMs: 10,
        });
      },
      expect: { ...signedIn("refused"), learner: "ok" },
    },
    {
      // Only the learner's own practice quiz can be ended early; anyone else's is "not found" (refused).
      action: "endQuizAction",
      call: (m, w) => call(m, "endQuizAction", { attemptId: w.attemptId }),
      judge: async (result, w) =>
        (result as { ok: boolean }).ok &&
        (await db.quizAttempt.findUniqueOrThrow({ where: { id: w.attemptId } })).finishedAt
          ? "ok"
          : "refused",
      expect: { ...signedIn("refused"), learner: "ok" },
    },
  ],
  "/app/(app)/study/actions.ts": [
    {
      // Issue 12: the item the learner's open practice quiz asks. The learner is refused ("Finish your quiz first")
      // and sees no answer; anyone else may answer it (and it is recorded).
      action: "answerAction",
      call: async (m, w) => {
        const attempt = await db.quizAttempt.findUniqueOrThrow({ where: { id: w.attemptId } });
        const itemId = (JSON.parse(attempt.itemIds) as string[])[0];
        return call(m, "answerAction", {
          reviewId: crypto.randomUUID(),
          itemId,
          version: 0,
          response: null,
          responseMs: 5,
        });
      },
      expect: { ...signedIn("ok"), learner: "refused" },
    },
    {
      // Only the caller's own review can be re-rated: someone else's review id is "not found" (refused).
      action: "amendAction",
      call: async (m, w) => {
        const reviewId = crypto.randomUUID();
        await answerItem({
          userId: users.learner.id,
          reviewId,
          itemId: await itemOutsideQuiz(w),
          version: 0,
          response: "A1",
          responseMs: 5,
          now: new Date(),
        });
        return call(m, "amendAction", { reviewId, rating: "hard" });
      },
      expect: { ...signedIn("refused"), learner: "ok" },
    },
    {
      action: "reviewAction",
      // An item outside the learner's open practice quiz (whose items are refused while it is open, see above).
      call: async (m, w) =>
        call(m, "reviewAction", {
          reviewId: crypto.randomUUID(),
          itemId: await itemOutsideQuiz(w),
          version: 0,
          response: "A1",
          rating: "good",
          responseMs: 5,
        }),
      expect: signedIn("ok"),
    },
    // Undo only ever touches the caller's own last answer; with none it says so.
    { action: "undoAction", call: (m) => call(m, "undoAction", {}), judge: async () => "ok", expect: signedIn("ok") },
    {
      action: "suspendAction",
      call: (m, w) => call(m, "suspendAction", { itemId: w.itemIds[1] }),
      expect: signedIn("ok"),
    },
    { action: "buryAction", call: (m, w) => call(m, "buryAction", { itemId: w.itemIds[1] }), expect: signedIn("ok") },
    // Takes back only the caller's own bury: a card they have not buried is refused, nothing changes.
    {
      action: "undoSetAsideAction",
      call: (m, w) => call(m, "undoSetAsideAction", { itemId: w.itemIds[1], how: "bury" }),
      expect: signedIn("refused"),
    },
    // Unburies only the caller's own cards (with none buried it unburies nothing).
    { action: "unburyAction", call: (m) => call(m, "unburyAction", {}), expect: signedIn("ok") },
  ],
  "/app/(app)/settings/actions.ts": [
    {
      action: "saveSettingsAction",
      call: (m) =>
        call(
          m,
          "saveSettingsAction",
          null,
          form({
            desiredRetention: "0.9",
            newPerDay: "20",
            maxReviewsPerDay: "200",
            learningSteps: "1m 10m",
            relearningSteps: "10m",
            timeZone: "UTC",
          }),
        ),
      expect: signedIn("ok"),
    },
    // Fitting needs 400 reviews: every signed-in user may ask, and is told they have too few.
    { action: "fitParametersAction", call: (m) => call(m, "fitParametersAction", null), expect: signedIn("refused") },
    { action: "resetParametersAction", call: (m) => call(m, "resetParametersAction", null), expect: signedIn("ok") },
    // Each persona changes their own password (the factories' default) and signs out their own sessions only.
    {
      action: "changePasswordAction",
      call: (m) =>
        call(m, "changePasswordAction", null, form({ currentPassword: "factdeck-demo", newPassword: "factdeck-demo" })),
      expect: signedIn("ok"),
    },
    {
      action: "signOutEverywhereAction",
      call: (m) => call(m, "signOutEverywhereAction", null),
      expect: all("login"),
    },
  ],
  "/app/(app)/settings/_delete-account/actions.ts": [
    // A wrong password deletes nothing (tests/integration/delete-account.test.ts deletes real accounts).
    {
      action: "deleteAccountAction",
      call: (m) => call(m, "deleteAccountAction", null, form({ currentPassword: "not the password" })),
      expect: signedIn("refused"),
    },
  ],
  "/app/(app)/settings/presets/actions.ts": [
    {
      action: "createPresetAction",
      call: (m) => call(m, "createPresetAction", null, form({ name: `Preset ${crypto.randomUUID()}` })),
      expect: signedIn("ok"),
    },
    // The learner's own preset: anyone else is told it was not found.
    {
      action: "savePresetAction",
      call: (m, w) =>
        call(
          m,
          "savePresetAction",
          null,
          form({
            presetId: w.presetId,
            name: `Renamed ${crypto.randomUUID()}`,
            desiredRetention: "0.85",
            newPerDay: "10",
            maxReviewsPerDay: "100",
            learningSteps: "1m",
            relearningSteps: "10m",
            maximumIntervalDays: "365",
            ...Object.fromEntries(Array.from({ length: 7 }, (_, d) => [`easyDay${d}`, "normal"])),
            loadBalance: "on",
          }),
        ),
      expect: { ...signedIn("refused"), learner: "ok" },
    },
    {
      action: "deletePresetAction",
      call: (m, w) => call(m, "deletePresetAction", null, form({ presetId: w.presetId })),
      expect: { ...signedIn("refused"), learner: "ok" },
    },
    // The learner's preset has no decks, so no reviews: fitting and Evaluate tell them so; anyone else: not found.
    {
      action: "fitPresetParametersAction",
      call: (m, w) => call(m, "fitPresetParametersAction", null, form({ presetId: w.presetId })),
      expect: signedIn("refused"),
    },
    {
      action: "evaluatePresetAction",
      call: (m, w) => call(m, "evaluatePresetAction", null, form({ presetId: w.presetId })),
      expect: signedIn("refused"),
    },
    {
      action: "resetPresetParametersAction",
      call: (m, w) => call(m, "resetPresetParametersAction", null, form({ presetId: w.presetId })),
      expect: { ...signedIn("refused"), learner: "ok" },
    },
  ],
  "/app/(app)/decks/[deckId]/preset/actions.ts": [
    {
      action: "assignPresetAction",
      call: (m, w) => call(m, "assignPresetAction", null, form({ deckId: w.documentId, presetId: w.presetId })),
      expect: { ...signedIn("refused"), learner: "ok" },
    },
  ],
  "/app/(app)/progress/catch-up/actions.ts": [
    // Moves only the caller's own reviews; with none due it says so.
    {
      action: "catchUpAction",
      call: (m) => call(m, "catchUpAction", null, form({ kind: "postpone", count: "5" })),
      judge: async () => "ok",
      expect: signedIn("ok"),
    },
  ],
  "/app/(app)/classes/actions.ts": [
    {
      action: "createClassAction",
      call: (m) => call(m, "createClassAction", null, form({ name: "New class", description: "" })),
      expect: teachers("ok"),
    },
  ],
  "/app/(app)/classes/[classId]/actions.ts": [
    {
      action: "renewCodeAction",
      call: (m, w) => call(m, "renewCodeAction", form({ classId: w.classId })),
      judge: async (_r, w) =>
        (await db.class.findUniqueOrThrow({ where: { id: w.classId } })).joinCode !== w.code ? "ok" : "refused",
      expect: ownerOnly("ok"),
    },
    {
      action: "removeMemberAction",
      call: (m, w) => call(m, "removeMemberAction", form({ classId: w.classId, userId: users.learner.id })),
      judge: async (_r, w) =>
        (await db.classMember.count({ where: { classId: w.classId } })) === 0 ? "ok" : "refused",
      expect: ownerOnly("ok"),
    },
    {
      action: "createAssignmentAction",
      call: (m, w) =>
        call(
          m,
          "createAssignmentAction",
          null,
          form({ classId: w.classId, setId: w.setId, mode: "study", dueAt: "2099-01-01T10:00", timezoneOffset: "0" }),
        ),
      expect: ownerOnly("ok"),
    },
  ],
  "/app/(app)/sets/actions.ts": [
    {
      action: "previewSetAction",
      call: (m, w) => call(m, "previewSetAction", { deckIds: [w.documentId] }),
      expect: teachers("ok"),
    },
    {
      action: "createSetAction",
      call: (m, w) => call(m, "createSetAction", { name: "S", itemIds: w.itemIds }),
      expect: teachers("ok"),
    },
  ],
  "/app/(app)/join/actions.ts": [
    // The learner is in the class already; the instructor teaches it.
    {
      action: "joinClassAction",
      call: (m, w) => call(m, "joinClassAction", null, form({ code: w.code })),
      expect: { ...signedIn("ok"), learner: "refused", instructor: "refused" },
    },
  ],
  "/app/(app)/assignments/[assignmentId]/actions.ts": [
    {
      action: "startAssignmentQuizAction",
      call: (m, w) => call(m, "startAssignmentQuizAction", null, form({ assignmentId: w.assignmentId })),
      expect: { ...signedIn("refused"), learner: "ok" },
    },
  ],
  "/app/(app)/admin/users/actions.ts": [
    {
      action: "changeRoleAction",
      call: async (m) => call(m, "changeRoleAction", null, form({ userId: (await makeUser()).id, role: "instructor" })),
      expect: { ...signedIn("404"), admin: "ok" },
    },
  ],
};

const modules = import.meta.glob<Record<string, unknown>>("/app/**/actions.ts");

beforeAll(async () => {
  users.learner = await makeUser({ role: "learner" });
  users.otherLearner = await makeUser({ role: "learner" });
  users.instructor = await makeUser({ role: "instructor" });
  users.otherInstructor = await makeUser({ role: "instructor" });
  users.admin = await makeUser({ role: "admin" });
});

async function outcomeOf(
  row: Row,
  mod: Record<string, (...args: never[]) => Promise<unknown>>,
  w: World,
): Promise<Outcome> {
  try {
    const result = await row.call(mod, w);
    if (row.judge) return await row.judge(result, w);
    const value = result as { ok?: boolean; message?: string } | null | undefined;
    if (value && (value.ok === false || (value.ok === undefined && typeof value.message === "string")))
      return "refused";
    return "ok";
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT")) return digest.includes("/login") ? "login" : "ok";
    if (digest.startsWith("NEXT_HTTP_ERROR_FALLBACK;404")) return "404";
    throw error;
  }
}

describe("server actions authorization matrix", () => {
  it("covers every exported server action", async () => {
    const exported: string[] = [];
    for (const [file, load] of Object.entries(modules)) {
      const mod = await load();
      for (const [name, value] of Object.entries(mod))
        if (typeof value === "function") exported.push(`${file}#${name}`);
    }
    const rows = Object.entries(MATRIX).flatMap(([file, list]) => list.map((row) => `${file}#${row.action}`));
    expect(rows.sort()).toEqual(exported.sort());
  });

  for (const [file, rows] of Object.entries(MATRIX)) {
    for (const row of rows) {
      it(`${row.action} allows and denies each kind of user`, async () => {
        const mod = (await modules[file]!()) as Record<string, (...args: never[]) => Promise<unknown>>;
        const failures: string[] = [];
        for (const persona of PERSONAS) {
          const w = await world();
          session = persona === "anonymous" ? null : { user: { id: users[persona].id } };
          const outcome = await outcomeOf(row, mod, w);
          if (outcome !== row.expect[persona])
            failures.push(`${persona}: expected ${row.expect[persona]}, got ${outcome}`);
        }
        expect(failures).toEqual([]);
      });
    }
  }
});
