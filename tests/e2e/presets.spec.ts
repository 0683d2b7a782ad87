import Database from "better-sqlite3";
import { answerWithKeyboard, expect, signUp, test } from "./fixtures";

test("a learner makes a preset, assigns it to a deck, studies it and reads the card info", async ({ page }) => {
  // Several pages and a study answer in one story.
  test.setTimeout(120_000);
  await signUp(page, "Preset Learner");
  const name = `Weekday plan ${Date.now()}`;
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Presets" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Preset Default (default)" })).toBeVisible();

  // Bad input: a message, nothing added.
  await page.getByLabel("New preset name").fill("   ");
  await page.getByRole("button", { name: "Add preset" }).click();
  await expect(page.getByTestId("preset-add-message")).toHaveText("Check the name; no preset was added.");

  await page.getByLabel("New preset name").fill(name);
  await page.getByRole("button", { name: "Add preset" }).click();
  await expect(page.getByTestId("preset-add-message")).toHaveText(`Preset “${name}” added.`);
  const preset = page.getByRole("group", { name: `Preset ${name}` });
  await preset.getByRole("button", { name: `Edit preset ${name}` }).click();
  await preset.getByLabel("Desired retention").fill("0.8");
  await preset.getByLabel("Sunday").selectOption("off");
  await preset.getByLabel("Saturday").selectOption("reduced");
  await preset.getByRole("button", { name: "Save preset" }).click();
  await expect(page.getByTestId(`preset-message-${name}`)).toHaveText(`Preset “${name}” saved.`);
  await page.reload();
  await preset.getByRole("button", { name: `Edit preset ${name}` }).click();
  await expect(preset.getByLabel("Desired retention")).toHaveValue("0.8");
  await expect(preset.getByLabel("Sunday")).toHaveValue("off");
  await expect(preset.getByLabel("Load balancing")).toBeChecked();

  // The NATO deck alone: other specs publish decks of their own.
  const nato = new Database("prisma/e2e.db", { readonly: true });
  const deck = nato.prepare(`SELECT id FROM "Document" WHERE slug = 'nato-mission-iraq'`).get() as { id: string };
  nato.close();
  await page.goto(`/decks/${deck.id}`);
  await page.getByLabel("Preset", { exact: true }).selectOption({ label: name });
  await page.getByRole("button", { name: "Use this preset" }).click();
  await expect(page.getByTestId("deck-preset-message")).toContainText("Preset saved");
  await page.reload();
  await expect(page.getByLabel("Preset", { exact: true }).locator("option:checked")).toHaveText(name);

  await page.goto(`/decks/${deck.id}/study`);
  await answerWithKeyboard(page);
  await page.getByTestId("card-info-link").click();
  await expect(page.getByRole("heading", { name: "Card info" })).toBeVisible();
  const history = page.getByRole("table", { name: "Review history" });
  await expect(history.locator("tbody tr")).toHaveCount(1);
  await expect(history.locator("tbody tr").first()).toContainText(name);
  await expect(page.getByTestId("card-info-now")).toContainText(name);
  await expect(page.getByTestId("card-info-retrievability")).toHaveText(/\d+\.\d %/);

  // The item page links to the same card info.
  await page.getByRole("link", { name: "Item and source" }).click();
  await page.getByTestId("card-info-link").click();
  await expect(history.locator("tbody tr")).toHaveCount(1);

  // Deleting the preset moves the deck back to the default.
  await page.goto("/settings");
  await preset.getByRole("button", { name: `Delete preset ${name}` }).click();
  await expect(page.getByTestId("preset-delete-message")).toHaveText(
    "Preset deleted; 1 deck now uses the default preset.",
  );
  await page.goto(`/decks/${deck.id}`);
  await expect(page.getByLabel("Preset", { exact: true }).locator("option:checked")).toHaveText("Default (default)");
});
