/**
 * Seeds the database; safe to run any number of times.
 *   tsx prisma/seed.ts             content, plus demo accounts unless NODE_ENV=production (or with SEED_DEMO=1)
 *   tsx prisma/seed.ts --if-empty  only when the database has no users and no documents (production start)
 */
import { countDocuments } from "@/lib/db/content";
import { ensureDemoClass, ensureDemoStudies } from "@/lib/db/demo";
import { countUsers } from "@/lib/db/users";
import { loadContentDirectory } from "@/scripts/load-content";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, makeUser } from "@/tests/factories";

async function main() {
  const ifEmpty = process.argv.includes("--if-empty");
  if (ifEmpty && ((await countUsers()) > 0 || (await countDocuments()) > 0)) {
    console.log("seed: database already has data; nothing to do.");
    return;
  }
  await loadContentDirectory();

  const demo =
    process.env.SEED_DEMO === "1" || (process.env.NODE_ENV !== "production" && process.env.SEED_DEMO !== "0");
  if (demo) {
    const users = [];
    for (const account of DEMO_ACCOUNTS) users.push(await makeUser({ ...account, password: DEMO_PASSWORD }));
    console.log(`seed: demo class ${await ensureDemoClass(users[1]!, users[0]!, new Date())}.`);
    console.log(`seed: demo learner's studies ${await ensureDemoStudies(users[0]!)}.`);
    console.log(
      `seed: demo accounts ready (${DEMO_ACCOUNTS.map((a) => a.email).join(", ")}; password ${DEMO_PASSWORD}).`,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
