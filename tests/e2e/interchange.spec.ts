/**
 * Import and export in Chromium (issue 14, part 4): an instructor exports a deck as an Anki package and as CSV from
 * the deck page, imports both back, and gets the same items; files that cannot be imported get a clear message and
 * write nothing; a learner downloads their own review history. Each test makes its own users.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { zipSync } from "fflate";
import type { Page } from "@playwright/test";
import { asImported, itemsOf, sql } from "./round-trip";
import { addToStudies, answerWithKeyboard, expect, signUp, test } from "./fixtures";

const MB = 1024 * 1024;

/** A new instructor: signs up through the form, then is given the role (as an admin would at /admin/users). */
async function newInstructor(page: Page, name: string) {
  const email = await signUp(page, name);
  sql(`UPDATE "User" SET role = 'instructor' WHERE email = ? RETURNING id`, email);
  return email;
}

function counts() {
  return sql<{ documents: number; items: number }>(
    `SELECT (SELECT COUNT(*) FROM "Document") AS documents, (SELECT COUNT(*) FROM "Item") AS items`,
  )[0];
}

test("an instructor exports a deck as .apkg and CSV, imports both back and sees the same items", async ({ page }) => {
  test.setTimeout(90_000);
  await newInstructor(page, "Exporter");
  const [nato] = sql<{ id: string; title: string }>(
    `SELECT id, title FROM "Document" WHERE slug = 'nato-mission-iraq'`,
  );
  const original = itemsOf(nato!.id);

  for (const [label, ext] of [
    ["Anki package (.apkg)", "apkg"],
    ["CSV", "csv"],
  ] as const) {
    await page.goto(`/decks/${nato!.id}`);
    const downloading = page.waitForEvent("download");
    await page.getByTestId("export-links").getByRole("link", { name: label }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`NATO_Mission_Iraq.${ext}`);
    const file = readFileSync((await download.path())!);

    await page.goto("/decks/import");
    await page
      .getByLabel("File")
      .setInputFiles({ name: `nato.${ext}`, mimeType: "application/octet-stream", buffer: file });
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByRole("heading", { name: `Preview: ${original.length} items` })).toBeVisible();
    await expect(page.getByTestId("import-items").locator(".item-prompt").first()).toHaveText(original[0]!.prompt);
    await page.getByLabel("Deck title").fill(`NATO again (${ext})`);
    await page.getByRole("button", { name: "Create the deck" }).click();
    await expect(page.getByRole("heading", { name: `NATO again (${ext})` })).toBeVisible();
    await expect(page.getByText(`${original.length} items`, { exact: false }).first()).toBeVisible();

    const deckId = page.url().split("/decks/")[1]!;
    expect(itemsOf(deckId)).toEqual(original.map(asImported));
    // An imported item cites its note (README): the note's text holds the answer, whatever the kind.
    await page.locator(".item-card").first().getByRole("link", { name: "Source" }).click();
    await expect(page.locator("blockquote.source-quote")).toContainText(original[0]!.answer);
  }
});

test("files that cannot be imported get a clear message and nothing is written", async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await newInstructor(page, "Importer");
  await page.goto("/decks/import");
  const before = counts();
  const error = page.getByTestId("import-error");
  const choose = (name: string, buffer: Buffer) =>
    page.getByLabel("File").setInputFiles({ name, mimeType: "application/octet-stream", buffer });

  // A CSV with broken quoting and a row without its back: the rows are listed and no deck can be created.
  await choose("broken.csv", Buffer.from('front,back\nQ1,A1\nQ2,"never closed\n'));
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("import-row-errors")).toContainText("Row 3: a quoted cell is never closed");
  await expect(page.getByRole("button", { name: "Create the deck" })).toHaveCount(0);
  await choose("rows.csv", Buffer.from("front,back\nQ1,A1\nQ2,\n"));
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByTestId("import-row-errors")).toContainText("Row 3: no back (answer).");

  // A damaged package and a zip bomb.
  await choose("deck.apkg", Buffer.from("PK\u0003\u0004 this is no zip"));
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(error).toContainText("could not be read as an Anki package");
  await choose("bomb.apkg", Buffer.from(zipSync({ "collection.anki2": new Uint8Array(60 * MB) }, { level: 1 })));
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(error).toContainText("unpacks to more than 50 MB");

  // A 50 MB file: the form refuses it before sending; sent anyway, the server refuses it by its length.
  const big = Buffer.alloc(50 * MB, "a");
  // Playwright passes files this large by path only.
  const bigPath = testInfo.outputPath("big.csv");
  writeFileSync(bigPath, big);
  await page.getByLabel("File").setInputFiles(bigPath);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(error).toHaveText("The file is larger than 10 MB. Split the deck into smaller files.");
  const response = await page.request.post("/api/imports", {
    multipart: { file: { name: "big.csv", mimeType: "text/csv", buffer: big }, intent: "create" },
  });
  expect(response.status()).toBe(413);

  // Fuzzed files through the route: each answers 4xx with a message and no stack trace.
  for (const [name, buffer] of [
    ["x.csv", Buffer.from([0, 1, 2, 3, 255])],
    ["x.apkg", Buffer.from(zipSync({ "collection.anki2": new Uint8Array(8192).fill(1) }))],
    ["x.tsv", Buffer.from("\t\t\t\n".repeat(1000))],
    ["x.csv", Buffer.from(`${"🙂\u202e".repeat(3000)},b\n`)],
    ["x.csv", Buffer.from("front,back\n" + "q,a\n".repeat(10_001))],
  ] as const) {
    const answer = await page.request.post("/api/imports", {
      multipart: { file: { name, mimeType: "application/octet-stream", buffer }, intent: "create" },
    });
    expect(answer.status(), name).toBeGreaterThanOrEqual(400);
    expect(answer.status(), name).toBeLessThan(500);
    const body = (await answer.json()) as { error: { message: string } };
    expect(body.error.message.length).toBeGreaterThan(10);
  }
  expect(counts()).toEqual(before);
});

test("a learner downloads their own review history with Anki's revlog columns", async ({ page }) => {
  await signUp(page, "Historian");
  await addToStudies(page, "NATO Mission Iraq");
  await page.goto("/study");
  await expect(page.locator("#prompt")).toBeVisible();
  await answerWithKeyboard(page, "3");
  await page.goto("/progress");
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download your review history (CSV)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("factdeck-review-history.csv");
  const lines = readFileSync((await download.path())!, "utf8")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe("id,cid,usn,ease,ivl,lastIvl,factor,time,type,itemId,deck,prompt");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(/^\d{13},\d{13},0,[1-4],-?\d+,0,\d+,\d+,0,/);
  // Learners cannot export decks, which hold every answer.
  const [nato] = sql<{ id: string }>(`SELECT id FROM "Document" WHERE slug = 'nato-mission-iraq'`);
  expect((await page.request.get(`/api/decks/${nato!.id}/export?format=csv`)).status()).toBe(404);
});
