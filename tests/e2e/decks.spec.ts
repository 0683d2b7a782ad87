import { expect, signIn, test } from "./fixtures";

test("a learner browses the NATO deck by topic and opens an item's source sentence", async ({ page }) => {
  await signIn(page, "learner@example.com");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Decks" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Decks" })).toBeVisible();
  await page.getByRole("link", { name: "NATO Mission Iraq", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "NATO Mission Iraq" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Dates" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Commanders" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Add a document" })).toHaveCount(0);

  const card = page.locator(".item-card").filter({ hasText: "Brussels Summit" }).first();
  await card.getByRole("link", { name: "Source" }).click();
  const mark = page.locator("mark#source");
  await expect(mark).toContainText("Brussels Summit");
  await expect(mark).toBeInViewport();
});

test("an instructor uploads a document, removes an item in the preview and publishes it", async ({ page }) => {
  await signIn(page, "instructor@example.com");
  await page.goto("/decks/new");
  await page.getByRole("button", { name: "Generate items" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Paste the text of a document or choose a file.");

  const text = [
    "# The Eiffel Tower",
    "",
    "The Eiffel Tower was built in Paris for the 1889 World's Fair. Construction began on 28 January 1887 and was",
    "completed on 31 March 1889. The tower was designed by the engineer Gustave Eiffel of France. It is 330 metres",
    "tall and about 7,300 tonnes of iron were used. <script>window.__pwned = true</script>",
    '[a link](javascript:alert(1)) <img src=x onerror="window.__pwned = true">',
  ].join("\n");
  await page.getByLabel("Document text").fill(text);
  await page.getByRole("button", { name: "Generate items" }).click();
  const heading = page.getByRole("heading", { name: /^Preview: \d+ of \d+ items kept$/ });
  await expect(heading).toBeVisible();
  // Items flagged for review start unticked, so "kept" may start below the total.
  const [kept, total] = (await heading.textContent())!
    .match(/(\d+) of (\d+)/)!
    .slice(1)
    .map(Number) as [number, number];
  expect(kept).toBeGreaterThan(2);
  await expect(page.getByLabel("Deck title")).toHaveValue("The Eiffel Tower");

  await page.getByRole("checkbox", { checked: true }).first().uncheck();
  await expect(page.getByRole("heading", { name: `Preview: ${kept - 1} of ${total} items kept` })).toBeVisible();
  await page.getByRole("button", { name: "Save as draft" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "The Eiffel Tower" })).toBeVisible();
  await expect(page.getByText(`${kept - 1} items`)).toBeVisible();
  await expect(page.getByText("added by Demo Instructor")).toBeVisible();

  // The uploaded text is shown as text: its markup stays inert.
  await page.locator(".item-card").first().getByRole("link", { name: "Source" }).click();
  await expect(page.locator(".document-text")).toContainText("<script>window.__pwned = true</script>");
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
  await expect(page.locator(".document-text img")).toHaveCount(0);
});

test("pasted text that is too large or not text is refused with a clear message", async ({ page }) => {
  await signIn(page, "instructor@example.com");
  await page.goto("/decks/new");
  await page.getByLabel("Document text").fill("a".repeat(600 * 1024));
  await page.getByRole("button", { name: "Generate items" }).click();
  await expect(page.getByTestId("form-error")).toHaveText(
    "The document is larger than 512 KB. Split it into smaller documents.",
  );
  await page.getByLabel("Document text").fill("binary\u0001data");
  await page.getByRole("button", { name: "Generate items" }).click();
  await expect(page.getByTestId("form-error")).toHaveText(
    "The text holds binary data, not a document. Paste text, or upload the file itself (PDF, Word, HTML, Markdown or text).",
  );
});

test("learners cannot reach the upload page", async ({ page }) => {
  await signIn(page, "learner@example.com");
  const response = await page.goto("/decks/new");
  expect(response?.status()).toBe(404);
});

test("items generated with low confidence are shown for review, unticked, and published only if kept", async ({
  page,
}) => {
  await signIn(page, "instructor@example.com");
  await page.goto("/decks/new");
  const text = [
    "# Apollo 11",
    "",
    "Apollo 11 was the first crewed mission to land on the Moon. It launched from the Kennedy Space Center on 16 July 1969.",
  ].join("\n");
  await page.getByLabel("Document text").fill(text);
  await page.getByRole("button", { name: "Generate items" }).click();
  const heading = page.getByRole("heading", { name: /^Preview: \d+ of \d+ items kept$/ });
  await expect(heading).toBeVisible();
  await expect(page.getByTestId("review-summary")).toHaveText(/^1 item needs your review/);

  // The flagged item is visibly marked, says why, and starts unticked; the others start ticked.
  const flagged = page.locator(".item-card").filter({ hasText: "Needs review" });
  await expect(flagged).toHaveCount(1);
  await expect(flagged.getByText("blank on a common word")).toBeVisible();
  await expect(flagged.getByRole("checkbox")).not.toBeChecked();
  const total = Number((await heading.textContent())!.match(/of (\d+)/)![1]);
  await expect(page.getByRole("heading", { name: `Preview: ${total - 1} of ${total} items kept` })).toBeVisible();
  const flaggedPrompt = (await flagged.locator(".item-prompt").textContent())!;

  await page.getByRole("button", { name: "Save as draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Apollo 11" })).toBeVisible();
  await expect(page.getByText(`${total - 1} items`)).toBeVisible();
  await expect(page.getByText(flaggedPrompt, { exact: true })).toHaveCount(0);
});
