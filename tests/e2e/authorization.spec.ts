import type { APIRequestContext, Browser } from "@playwright/test";
import Database from "better-sqlite3";
import { appRoutes, expect, test } from "./fixtures";
import { MATRIX, matrixFailures, matrixIds, signedInContext, type Persona } from "./routes";

test("the matrix covers every route of the app", () => {
  expect(MATRIX.map((row) => row.route).sort()).toEqual(appRoutes().sort());
});

async function signUp(browser: Browser, baseURL: string, name: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const email = `${name.toLowerCase()}-${Date.now()}@example.com`;
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("matrix-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
  await page.close();
  await context.close();
  return email;
}

test("every route allows or denies each kind of visitor as it should", async ({ browser, playwright, baseURL }) => {
  // Six personas × every route (about 200 requests, six sign-ins), some of which simulate or aggregate a learner's
  // whole history: more than the default 30 s on a loaded 2-core machine.
  test.setTimeout(120_000);
  const otherLearner = await signUp(browser, baseURL!, "Other");
  const otherInstructor = await signUp(browser, baseURL!, "Teacher");
  const db = new Database("prisma/e2e.db");
  db.prepare(`UPDATE "User" SET role = 'instructor' WHERE email = ?`).run(otherInstructor);
  db.close();
  const ids = matrixIds("prisma/e2e.db");

  const contexts: Record<Persona, APIRequestContext> = {
    anonymous: await playwright.request.newContext({ baseURL }),
    learner: (await signedInContext(browser, baseURL!, "learner@example.com")).request,
    otherLearner: (await signedInContext(browser, baseURL!, otherLearner, "matrix-password")).request,
    instructor: (await signedInContext(browser, baseURL!, "instructor@example.com")).request,
    otherInstructor: (await signedInContext(browser, baseURL!, otherInstructor, "matrix-password")).request,
    admin: (await signedInContext(browser, baseURL!, "admin@example.com")).request,
  };
  expect(await matrixFailures(ids, contexts)).toEqual([]);
});
