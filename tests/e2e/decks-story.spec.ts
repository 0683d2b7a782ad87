/**
 * Issue 14's whole "Done when" story in one run, as an instructor and learners would play it: the instructor uploads
 * a PDF, a Word file and a web page (built by tests/fixtures/documents/build.ts), previews, keeps the deck as a draft
 * and publishes it to one class only; a learner of another class never sees it; a learner of the class studies it;
 * the instructor fixes a wrong item and the learner's progress on it survives; the learner flags an item and the
 * owner resolves it; the deck goes out as .apkg (deck page) and as CSV (the browser's "Export these") and comes back
 * with the same items. The parts are tested at length in deck-visibility, items, interchange and upload-formats.
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { APOLLO_HTML, buildDocx, buildPdf } from "@/tests/fixtures/documents/build";
import { asImported, itemsOf, sql } from "./round-trip";
import { answerWithKeyboard, DEMO_PASSWORD, expect, signIn, signUp, submitWithKeyboard, test } from "./fixtures";

const STAMP = Date.now();
const TITLE = `Apollo story ${STAMP}`;
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const upload = (name: string, mimeType: string, bytes: Uint8Array) => ({ name, mimeType, buffer: Buffer.from(bytes) });
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The learner's cards on the deck's items, by item id. */
const cardsOf = (email: string, documentId: string) =>
  sql<{ itemId: string; state: string; due: string; reps: number; stability: number; version: number }>(
    `SELECT c.itemId, c.state, c.due, c.reps, c.stability, c.version FROM "Card" c JOIN "User" u ON u.id = c.userId
     JOIN "Item" i ON i.id = c.itemId WHERE u.email = ? AND i.documentId = ? ORDER BY c.itemId`,
    email,
    documentId,
  );

async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  return context.newPage();
}

/** Downloads what clicking `link` serves, and imports it back as a deck titled `title`; the new deck's id. */
async function roundTrip(page: Page, link: () => Promise<void>, ext: string, title: string, count: number) {
  const downloading = page.waitForEvent("download");
  await link();
  const file = readFileSync((await (await downloading).path())!);
  await page.goto("/decks/import");
  await page
    .getByLabel("File")
    .setInputFiles({ name: `story.${ext}`, mimeType: "application/octet-stream", buffer: file });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { name: `Preview: ${count} items` })).toBeVisible({ timeout: 30_000 });
  await page.getByLabel("Deck title").fill(title);
  await page.getByRole("button", { name: "Create the deck" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible({ timeout: 30_000 });
  return new URL(page.url()).pathname.split("/").pop()!;
}

test("an instructor's deck from PDF, Word and web page: draft, one class, edit, flag, .apkg and CSV round trip", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  // A new instructor (roles are read fresh on each request) with a class of their own.
  const teacherEmail = await signUp(page, "Story Teacher");
  sql(`UPDATE "User" SET role = 'instructor' WHERE email = ? RETURNING id`, teacherEmail);
  await page.goto("/classes");
  const className = `Apollo class ${STAMP}`;
  await page.getByLabel("Class name").fill(className);
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { level: 1, name: className })).toBeVisible();
  const code = (await page.getByTestId("join-code").textContent())!.trim();

  // Three formats read into the form, each shown for checking; the PDF and the web page previewed.
  await page.goto("/decks/new");
  const text = page.getByLabel("Document text");
  const file = page.getByLabel("Upload a file");
  const preview = page.getByRole("heading", { name: /Preview: \d+ of \d+ items kept/ });
  await file.setInputFiles(upload("apollo.pdf", "application/pdf", await buildPdf()));
  await expect(page.getByTestId("read-from")).toContainText("Read apollo.pdf (PDF, 3 pages)", { timeout: 30_000 });
  await expect(text).toHaveValue(/# Apollo 11/);
  await page.getByRole("button", { name: "Generate items" }).click();
  await expect(preview).toBeVisible({ timeout: 60_000 });
  await file.setInputFiles(upload("apollo.docx", DOCX, buildDocx()));
  await expect(page.getByTestId("read-from")).toContainText("Read apollo.docx (Word document)", { timeout: 30_000 });
  await expect(text).toHaveValue(/## The crew/);
  await file.setInputFiles(upload("apollo.html", "text/html", new TextEncoder().encode(APOLLO_HTML)));
  await expect(page.getByTestId("read-from")).toContainText("Read apollo.html (web page)", { timeout: 30_000 });
  await expect(text).toHaveValue(/Sea of Tranquility/);
  await page.getByRole("button", { name: "Generate items" }).click();
  await expect(preview).toBeVisible({ timeout: 60_000 });

  // Kept as a draft, then published to the one class.
  await page.getByLabel("Deck title").fill(TITLE);
  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("deck-status")).toHaveText("Draft: only you can see it. Publish it when it is ready.");
  const deckUrl = new URL(page.url()).pathname;
  const deckId = deckUrl.split("/").pop()!;
  await page.getByLabel("Only the classes I choose").check();
  await page.getByRole("checkbox", { name: className }).check();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByTestId("deck-status")).toHaveText("Published to 1 class: only their members can see it.");

  // A learner of another class (the demo learner) never sees it: not listed, not found, not served.
  const outsider = await newPage(browser, baseURL!);
  await signIn(outsider, "learner@example.com", DEMO_PASSWORD);
  await outsider.goto("/decks");
  await expect(outsider.getByRole("link", { name: "NATO Mission Iraq", exact: true })).toBeVisible();
  await expect(outsider.getByRole("link", { name: TITLE })).toHaveCount(0);
  expect((await outsider.goto(deckUrl))?.status()).toBe(404);
  expect((await outsider.request.get(`/api/study/next?deckId=${deckId}`)).status()).toBe(404);
  await outsider.goto(`/browse?q=${encodeURIComponent("Tranquility")}`);
  await expect(outsider.getByRole("link", { name: TITLE })).toHaveCount(0);
  await outsider.context().close();

  // A learner of the class joins, adds it to their studies and answers its first card.
  const member = await newPage(browser, baseURL!);
  const memberEmail = await signUp(member, "Story Member");
  await member.getByLabel("Join code").fill(code);
  await member.getByRole("button", { name: "Join class" }).click();
  await expect(member.getByTestId("join-message")).toHaveText(`You joined ${className}.`);
  await member.goto(deckUrl);
  await member.getByRole("button", { name: "Add to my studies" }).click();
  await expect(member.getByRole("button", { name: "Remove from my studies" })).toBeVisible();
  await member.goto(`${deckUrl}/study`);
  await answerWithKeyboard(member, "3");
  const [answered] = cardsOf(memberEmail, deckId);
  expect(answered).toBeTruthy();

  // The instructor finds that item in the deck's browser and corrects its prompt: same item, same card.
  const [item] = sql<{ prompt: string }>(`SELECT prompt FROM "Item" WHERE id = ?`, answered!.itemId);
  await page.goto(`${deckUrl}/browse?q=${encodeURIComponent(item!.prompt.slice(0, 40))}`);
  await page.getByRole("link", { name: `Edit: ${item!.prompt}` }).click();
  const corrected = `${item!.prompt} (corrected)`;
  await page.getByLabel("Prompt").fill(corrected);
  await page.getByRole("button", { name: "Save item" }).click();
  await expect(page.getByTestId("edit-message")).toHaveText("Saved. Learners keep their progress on this item.");
  expect(cardsOf(memberEmail, deckId).find((c) => c.itemId === answered!.itemId)).toEqual(answered);
  await member.goto(`${deckUrl}/browse?q=${encodeURIComponent("(corrected)")}`);
  const row = member.getByRole("row", { name: new RegExp(escape(corrected)) });
  await expect(row).toContainText("edited");
  await expect(row).toContainText(/learning|review/);

  // The learner flags the next card from the study screen; the owner resolves it in the flag queue.
  await member.goto(`${deckUrl}/study`);
  const flagged = (await member.locator("#prompt").textContent())!;
  await submitWithKeyboard(member);
  await member.getByRole("button", { name: "Flag this item" }).click();
  await member.getByLabel("What is wrong?").selectOption({ label: "Unclear" });
  await member.getByRole("button", { name: "Send flag" }).click();
  await expect(member.getByTestId("flag-sent")).toHaveText("Thanks: the deck's owner will look at it.");
  await member.context().close();
  await page.goto(deckUrl);
  await page.getByRole("link", { name: "Flagged items (1)" }).click();
  const flag = page.locator(".item-card", { has: page.getByRole("heading", { name: flagged }) });
  await expect(flag).toContainText("Unclear");
  await flag.getByRole("button", { name: `Mark as fixed: ${flagged}` }).click();
  await expect(page.getByTestId("no-flags")).toBeVisible();

  // Round trips: the deck page's .apkg, and the browser's "Export these" as CSV (every item: no filter).
  const original = itemsOf(deckId);
  await page.goto(deckUrl);
  const fromApkg = await roundTrip(
    page,
    () => page.getByTestId("export-links").getByRole("link", { name: "Anki package (.apkg)" }).click(),
    "apkg",
    `${TITLE} (apkg)`,
    original.length,
  );
  expect(itemsOf(fromApkg)).toEqual(original.map(asImported));
  await page.goto(`${deckUrl}/browse`);
  const fromCsv = await roundTrip(
    page,
    () => page.getByRole("link", { name: `Export these ${original.length} items as CSV` }).click(),
    "csv",
    `${TITLE} (csv)`,
    original.length,
  );
  expect(itemsOf(fromCsv)).toEqual(original.map(asImported));
});
