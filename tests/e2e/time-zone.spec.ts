import { expect, signUp, test } from "./fixtures";

test.use({ timezoneId: "America/Chicago" });

test("a new learner's study day follows the browser's time zone, which Settings offers as a list", async ({ page }) => {
  await signUp(page, "Chicago Learner");
  await page.goto("/settings");
  const zone = page.getByLabel("Time zone");
  await expect(zone).toHaveValue("America/Chicago");
  await expect(zone).toHaveAttribute("list", "time-zones");
  expect(await page.locator("#time-zones option").count()).toBeGreaterThan(300);
  await expect(page.locator('#time-zones option[value="Europe/Berlin"]')).toHaveCount(1);
});
