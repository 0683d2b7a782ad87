import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "factdeck-demo";

/**
 * Every page fails its test on a console error, an uncaught exception or a 5xx response. A 4xx logged by the
 * browser ("Failed to load resource") is the app answering bad input as designed; tests assert those themselves.
 */
export const test = base.extend<{ page: Page }>({
  page: async ({ page }, run) => {
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())) return;
      problems.push(`console.error: ${message.text()}`);
    });
    page.on("response", (response) => {
      if (response.status() >= 500) problems.push(`${response.status()} from ${response.url()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    await run(page);
    expect(problems, "the browser reported errors").toEqual([]);
  },
});

export { expect };

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}
