import { expect, signIn, signUp, test } from "./fixtures";

test("the role form shows the saved role after a change, a second save and a refusal", async ({ page, browser }) => {
  const newcomer = await browser.newPage();
  await signUp(newcomer, "Role Change");
  await newcomer.close();

  await signIn(page, "admin@example.com");
  await page.goto("/admin/users");
  const row = page.getByRole("row", { name: /Role Change/ });
  const role = row.getByLabel("Role of Role Change", { exact: true });
  await expect(role).toHaveValue("learner");
  await role.selectOption("instructor");
  await row.getByRole("button", { name: "Save role of Role Change" }).click();
  await expect(row).toContainText("Role changed.");
  await expect(role).toHaveValue("instructor");

  // Saving again keeps it (it used to send the old role back).
  await row.getByRole("button", { name: "Save role of Role Change" }).click();
  await expect(role).toHaveValue("instructor");
  await page.reload();
  await expect(
    page.getByRole("row", { name: /Role Change/ }).getByLabel("Role of Role Change", { exact: true }),
  ).toHaveValue("instructor");

  // A refused change leaves the saved role showing.
  const self = page.getByRole("row", { name: /admin@example.com/ });
  await self.getByLabel("Role of Demo Admin", { exact: true }).selectOption("learner");
  await self.getByRole("button", { name: "Save role of Demo Admin" }).click();
  await expect(self).toContainText("You cannot remove your own admin role.");
  await expect(self.getByLabel("Role of Demo Admin", { exact: true })).toHaveValue("admin");
});
