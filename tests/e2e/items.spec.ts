/**
 * Issue 14 part 3 in Chromium: the deck's owner fixes a wrong item in the browser's editor and a learner's progress
 * on it survives; a learner flags an item from the study screen and the owner resolves it in the flag queue.
 * Each test makes its own instructor, learner and deck (written straight into the e2e database, owned by that
 * instructor), so it depends on no other spec's data.
 */
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import type { Browser, Page } from "@playwright/test";
import { expect, signUp, submitWithKeyboard, test } from "./fixtures";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const iso = (date: Date) => date.toISOString().replace("Z", "+00:00");

/** A new account made an instructor (roles are read fresh on each request). */
async function instructor(page: Page, name: string) {
  const email = await signUp(page, name);
  const db = new Database("prisma/e2e.db");
  db.prepare(`UPDATE "User" SET role = 'instructor' WHERE email = ?`).run(email);
  db.close();
  return email;
}

/** A deck of two typed items owned by `ownerEmail`; the first one's answer is wrong (1066 instead of 1067). */
function seedDeck(ownerEmail: string) {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const title = `Castles ${stamp}`;
  const sentences = ["Castle Rock was founded in 1067.", "Castle Hill was built of granite."];
  const body = `# ${title}\n\n${sentences.join(" ")}`;
  const db = new Database("prisma/e2e.db");
  const owner = db.prepare(`SELECT id FROM "User" WHERE email = ?`).get(ownerEmail) as { id: string };
  const now = iso(new Date());
  const documentId = `deck-${stamp}`;
  db.prepare(
    `INSERT INTO "Document" (id, slug, title, body, checksum, ownerId, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(documentId, `upload-${stamp}`, title, body, "0".repeat(64), owner.id, now, now);
  const items = [
    { prompt: `In which year was Castle Rock ${stamp} founded?`, answer: "1066", answerType: "number" },
    { prompt: `What was Castle Hill ${stamp} built of?`, answer: "granite", answerType: "text" },
  ].map((item, i) => {
    const start = body.indexOf(sentences[i]!);
    const data = JSON.stringify({
      key: `k${i}`,
      factKey: `f${i}`,
      kind: "typed",
      prompt: item.prompt,
      answer: item.answer,
      accepted: [],
      options: null,
      answerType: item.answerType,
      topic: "history",
      difficulty: 0.4,
      source: { text: sentences[i], start, end: start + sentences[i]!.length },
    });
    const id = `item-${stamp}-${i}`;
    db.prepare(
      `INSERT INTO "Item" (id, documentId, key, factKey, kind, topic, prompt, answer, difficulty, sourceText, sourceStart,
         sourceEnd, data, checksum, position, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, 'typed', 'history', ?, ?, 0.4, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      documentId,
      `k${i}`,
      `f${i}`,
      item.prompt,
      item.answer,
      sentences[i],
      start,
      start + sentences[i]!.length,
      data,
      createHash("sha256").update(data).digest("hex"),
      i,
      now,
      now,
    );
    return { id, ...item };
  });
  db.close();
  return { documentId, title, items };
}

function cardOf(email: string, itemId: string) {
  const db = new Database("prisma/e2e.db", { readonly: true });
  try {
    return db
      .prepare(
        `SELECT c.id, c.state, c.due, c.reps, c.lapses, c.stability, c.version FROM "Card" c
         JOIN "User" u ON u.id = c.userId WHERE u.email = ? AND c.itemId = ?`,
      )
      .get(email, itemId);
  } finally {
    db.close();
  }
}

async function newPage(browser: Browser, baseURL: string) {
  const context = await browser.newContext({ baseURL });
  return context.newPage();
}

/** Answers the study screen's cards with the keyboard until the card with `prompt` has been answered. */
async function answerUntil(page: Page, prompt: string) {
  for (let i = 0; i < 5; i += 1) {
    const shown = (await page.locator("#prompt").textContent()) ?? "";
    await submitWithKeyboard(page);
    await expect(page.getByTestId("expected")).not.toBeEmpty();
    if (shown === prompt) return;
    await page.keyboard.press("3");
    await expect(page.getByRole("group", { name: "How well did you know it?" })).toBeHidden();
  }
  throw new Error(`"${prompt}" never came up`);
}

// The first sign-up of a freshly started server loads the sign-up action and argon2; on a loaded machine that takes
// longer than the fixtures' 5 s wait, so one throwaway sign-up warms the server with a longer one.
test.beforeAll(async ({ browser, baseURL }) => {
  const page = await newPage(browser, baseURL!);
  await page.goto("/signup");
  await page.getByLabel("Name").fill("Warm Up");
  await page.getByLabel("Email").fill(`warm-up-${Date.now()}@example.com`);
  await page.getByLabel("Password").fill("study-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible({ timeout: 60_000 });
  await page.context().close();
});

test("the instructor edits a wrong item in the browser and a learner's progress on it survives", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const teacherEmail = await instructor(page, "Editing Teacher");
  const deck = seedDeck(teacherEmail);
  const wrong = deck.items[0]!;

  // A learner studies the deck and answers the wrong item (with the right year, so it is marked wrong).
  const learnerPage = await newPage(browser, baseURL!);
  const learnerEmail = await signUp(learnerPage, "Editing Learner");
  await learnerPage.goto(`/decks/${deck.documentId}/study`);
  await answerUntil(learnerPage, wrong.prompt);
  await expect(learnerPage.getByTestId("verdict")).toHaveText("Not quite");
  await learnerPage.keyboard.press("3");
  // Re-rated and the next card (or the summary) shown: the card is written.
  await expect(learnerPage.getByRole("group", { name: "How well did you know it?" })).toBeHidden();
  const before = cardOf(learnerEmail, wrong.id);
  expect(before).toBeTruthy();

  // The instructor finds it by its answer in the deck's browser, with the keyboard, and fixes it.
  await page.goto(`/decks/${deck.documentId}`);
  await page.getByRole("link", { name: "Browse items" }).click();
  await page.getByRole("searchbox", { name: "Search" }).fill("1066");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("browse-count")).toHaveText("1 item");
  await page.getByRole("link", { name: `Edit: ${wrong.prompt}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit item" })).toBeVisible();
  await expect(page.locator(".source-quote")).toHaveText("Castle Rock was founded in 1067.");

  // Bad input is refused with a message and changes nothing.
  await page.getByLabel("Answer", { exact: true }).fill("a long time ago");
  await page.getByRole("button", { name: "Save item" }).click();
  await expect(page.getByTestId("edit-message")).toHaveText("Nothing was saved: fix the fields marked below.");
  await page.getByLabel("Answer", { exact: true }).fill("1067");
  await page.getByLabel("Accepted alternatives").fill("MLXVII");
  await page.getByRole("button", { name: "Save item" }).click();
  await expect(page.getByTestId("edit-message")).toHaveText("Saved. Learners keep their progress on this item.");

  // Same item, same card: the learner's schedule is untouched, and the browser shows the item as edited.
  expect(cardOf(learnerEmail, wrong.id)).toEqual(before);
  await page.goto(`/decks/${deck.documentId}/browse?q=1067`);
  const row = page.getByRole("row", { name: new RegExp(escape(wrong.prompt)) });
  await expect(row).toContainText("edited");
  await expect(row).toContainText("1067");

  // The learner still sees their progress on it, and the corrected answer is graded right.
  await learnerPage.goto(`/decks/${deck.documentId}/browse?state=learning`);
  await expect(learnerPage.getByRole("row", { name: new RegExp(escape(wrong.prompt)) })).toContainText("learning");
  await learnerPage.getByRole("link", { name: wrong.prompt }).click();
  await expect(learnerPage.getByText("Answer: 1067")).toBeVisible();
  await learnerPage.context().close();
});

test("a learner flags an item from the study screen and the owner resolves it", async ({ page, browser, baseURL }) => {
  test.setTimeout(90_000);
  const teacherEmail = await instructor(page, "Flag Teacher");
  const deck = seedDeck(teacherEmail);

  const learnerPage = await newPage(browser, baseURL!);
  await signUp(learnerPage, "Flagging Learner");
  await learnerPage.goto(`/decks/${deck.documentId}/study`);
  const prompt = (await learnerPage.locator("#prompt").textContent())!;
  await submitWithKeyboard(learnerPage);
  await learnerPage.getByRole("button", { name: "Flag this item" }).click();
  await learnerPage.getByLabel("What is wrong?").selectOption({ label: "Wrong answer" });
  // Digits and spaces typed in the note stay in the note: they do not rate the card.
  await learnerPage.getByLabel("Note for the deck's owner (optional)").pressSequentially("It was 1 2 3 later");
  await expect(learnerPage.getByRole("group", { name: "How well did you know it?" })).toBeVisible();
  await learnerPage.getByRole("button", { name: "Send flag" }).click();
  await expect(learnerPage.getByTestId("flag-sent")).toHaveText("Thanks: the deck's owner will look at it.");
  await learnerPage.context().close();

  // The owner's queue shows it with the source sentence and how learners answered it.
  await page.goto(`/decks/${deck.documentId}`);
  await page.getByRole("link", { name: "Flagged items (1)" }).click();
  const flag = page.locator(".item-card", { has: page.getByRole("heading", { name: prompt }) });
  await expect(flag).toContainText("Wrong answer");
  await expect(flag).toContainText("It was 1 2 3 later");
  await expect(flag.locator(".source-quote")).toHaveText(
    prompt.includes("Rock") ? "Castle Rock was founded in 1067." : "Castle Hill was built of granite.",
  );
  await expect(flag.getByText("Answers (all learners)")).toBeVisible();
  await expect(flag.locator("dd").first()).toHaveText("1");
  await flag.getByRole("button", { name: `Mark as fixed: ${prompt}` }).click();
  await expect(page.getByTestId("no-flags")).toBeVisible();
  await page.goto(`/decks/${deck.documentId}`);
  await expect(page.getByRole("link", { name: "Flagged items (0)" })).toBeVisible();
});
