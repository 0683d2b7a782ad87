#!/usr/bin/env node
// Makes sure the e2e tests have a Chromium. On Debian as root it installs the `chromium` package (saying so);
// elsewhere it says exactly how to get one and fails.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { findChromium } from "./chromium-path.mjs";

if (process.env.CHROMIUM_PATH && !existsSync(process.env.CHROMIUM_PATH)) {
  console.error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, but there is no file there.`);
  process.exit(1);
}
const found = findChromium();
if (found) process.exit(0);

const isDebian = existsSync("/etc/debian_version");
const isRoot = process.getuid?.() === 0;
if (isDebian && isRoot) {
  console.log(
    "No Chromium found: installing Debian's chromium package (apt-get install -y chromium) for the e2e tests…",
  );
  const run = (args) => spawnSync("apt-get", args, { stdio: "inherit" }).status === 0;
  if (run(["update"]) && run(["install", "-y", "--no-install-recommends", "chromium"]) && findChromium())
    process.exit(0);
  console.error("Installing chromium with apt-get failed; see the output above.");
  process.exit(1);
}
console.error(`No Chromium found for the end-to-end tests. Do one of these, then run npm test again:
  - Debian/Ubuntu:  sudo apt-get install -y chromium
  - any system with internet access:  npx playwright install chromium
  - or point CHROMIUM_PATH at a Chromium or Chrome binary:  CHROMIUM_PATH=/path/to/chromium npm test`);
process.exit(1);
