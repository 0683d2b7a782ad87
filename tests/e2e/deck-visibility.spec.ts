import type { Browser, Page } from "@playwright/test";
import { answerWithKeyboard, DEMO_PASSWORD, expect, signIn, signUp, test } from "./fixtures";

// Issue 14: an instructor keeps an upload as a draft, publishes it to one class only, and a learner of another class
// never sees it (the finding: a published upload went to everyone's "Study now"). Then the owner re-uploads a changed
// version, edits, archives and deletes it, each with its consequences stated first.

const STAMP = Date.now();
const TITLE = `Space firsts ${STAMP}`;
const V1 = [
  `# ${TITLE}`,
  "",
  "Apollo 11 landed on the Moon on 20 July 1969.",
  "",
  "Sputnik 1 was launched on 4 October 1957.",
  "",
  "Yuri Gagarin flew into space on 12 April 1961.",
].join("\n");
const V2 = V1.replace("4 October 1957", "5 October 1957").replace(
  "Yuri Gagarin flew into space on 12 April 1961.",
  "Valentina Tereshkova flew Vostok 6 on 16 June 1963.",
);

async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  return context.newPage();
}

test("a draft published to one class: its learners study it, a learner of another class never sees it", async ({
  page,
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  // The instructor's class for this deck.
  await signIn(page, "instructor@example.com");
  await page.goto("/classes");
  const className = `Rocketry ${STAMP}`;
  await page.getByLabel("Class name").fill(className);
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { level: 1, name: className })).toBeVisible();
  const code = (await page.getByTestId("join-code").textContent())!.trim();

  // Upload, preview, keep as a draft.
  await page.goto("/decks/new");
  await page.getByLabel("Document text").fill(V1);
  await page.getByRole("button", { name: "Generate items" }).click();
  // Generation runs on a worker thread: on a loaded 2-core machine it can take longer than the default 5 s.
  await expect(page.getByRole("heading", { name: /^Preview: / })).toBeVisible({ timeout: 60_000 });
  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("deck-status")).toHaveText("Draft: only you can see it. Publish it when it is ready.");
  const deckUrl = new URL(page.url()).pathname;
  const deckId = deckUrl.split("/").pop()!;

  // A learner who joins the class cannot see the draft yet.
  const member = await newPage(browser, baseURL!);
  await signUp(member, "Rocket Member");
  await member.getByLabel("Join code").fill(code);
  await member.getByRole("button", { name: "Join class" }).click();
  await expect(member.getByTestId("join-message")).toHaveText(`You joined ${className}.`);
  expect((await member.goto(deckUrl))?.status()).toBe(404);

  // Published to that class only.
  await page.getByLabel("Only the classes I choose").check();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByTestId("publish-message")).toHaveText("Choose at least one class to publish the deck to.");
  await page.getByRole("checkbox", { name: className }).check();
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByTestId("publish-message")).toHaveText("Published: visible to the class you chose.");
  await expect(page.getByTestId("deck-status")).toHaveText("Published to 1 class: only their members can see it.");

  // The demo learner is in another class (the demo class): not listed, not found by page or API, not in Study now.
  const outsider = await newPage(browser, baseURL!);
  await signIn(outsider, "learner@example.com", DEMO_PASSWORD);
  await outsider.goto("/decks");
  await expect(outsider.getByRole("link", { name: "NATO Mission Iraq", exact: true })).toBeVisible();
  await expect(outsider.getByRole("link", { name: TITLE })).toHaveCount(0);
  expect((await outsider.goto(deckUrl))?.status()).toBe(404);
  expect((await outsider.goto(`${deckUrl}/study`))?.status()).toBe(404);
  expect((await outsider.goto(`${deckUrl}/quiz`))?.status()).toBe(404);
  expect((await outsider.request.get(`/api/study/next?deckId=${deckId}`)).status()).toBe(404);
  const outsiderNext = await (await outsider.request.get("/api/study/next")).json();
  expect(outsiderNext.card?.deckId).not.toBe(deckId);

  // The class's learner sees it, adds it to their studies, and "Study now" serves it.
  await member.goto("/");
  await expect(member.getByTestId("no-study-decks")).toBeVisible();
  await member.getByRole("link", { name: TITLE }).click();
  await member.getByRole("button", { name: "Add to my studies" }).click();
  await expect(member.getByTestId("study-deck-message")).toHaveText(
    "Added to your studies: “Study now” takes its items.",
  );
  await member.goto("/study");
  await expect(member.locator("#prompt")).toBeVisible();
  expect((await (await member.request.get("/api/study/next")).json()).card.deckId).toBe(deckId);
  await answerWithKeyboard(member);

  // A changed version: the preview lists what is added, changed and retired; the learner's card survives.
  await page.getByRole("link", { name: "Upload a changed version of the document" }).click();
  await page.getByLabel("Document text").fill(V2);
  await page.getByRole("button", { name: "Generate items" }).click();
  await expect(page.getByTestId("reupload-counts")).toHaveText(
    /^\d+ added · [1-9]\d* changed · \d+ unchanged · [1-9]\d* retired$/,
    { timeout: 60_000 },
  );
  await expect(page.locator(".item-card").filter({ hasText: "Tereshkova" }).first()).toContainText("New");
  await page.getByText(/^Retired items/).click();
  await expect(page.getByTestId("retired-items")).toContainText("Gagarin");
  await page.getByRole("button", { name: "Publish the new version" }).click();
  await expect(page.getByRole("heading", { level: 1, name: TITLE })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("deck-status")).toHaveText("Published to 1 class: only their members can see it.");

  // Edit; archive states the consequences first; delete needs the box ticked and says what is kept and lost.
  await page.getByLabel("Description").fill("Week 3 reading.");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByTestId("details-message")).toHaveText("Saved.");
  await expect(page.getByTestId("archive-consequences")).toContainText("1 learner has studied it (1 review)");
  await page.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByTestId("deck-status")).toContainText("Archived: only you can see it");
  expect((await member.goto(deckUrl))?.status()).toBe(404);

  await page.getByText("Delete this deck", { exact: true }).click();
  await expect(page.getByTestId("delete-deck-consequences")).toContainText("1 learner keeps 1 review");
  await page.getByRole("button", { name: "Delete deck" }).click();
  await expect(page.getByTestId("delete-deck-message")).toHaveText("Tick the box to confirm.");
  await page.getByLabel(/I understand: delete this deck/).check();
  await page.getByRole("button", { name: "Delete deck" }).click();
  await expect(page).toHaveURL(/\/decks\?deleted=1$/);
  await expect(page.getByRole("link", { name: TITLE })).toHaveCount(0);
});
