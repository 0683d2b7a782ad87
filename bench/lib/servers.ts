/** Starting and stopping the servers under test, on free loopback ports in 3300–3399 (BENCH_PORTS="from-to" moves it). */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createServer } from "node:net";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
export const HOST = "127.0.0.1";

const [PORTS_FROM, PORTS_TO] = (process.env.BENCH_PORTS ?? "3300-3399").split("-").map(Number) as [number, number];

export async function freePort(from = PORTS_FROM, to = PORTS_TO): Promise<number> {
  for (let port = from; port <= to; port += 1) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer()
        .once("error", () => resolve(false))
        .listen(port, HOST, () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}–${to}`);
}

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((max, name) => Math.max(max, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

/** Runs `next build` when .next is missing (auto), older than the sources (auto), or always. */
export function ensureBuild(mode: "auto" | "always" | "never", log: (line: string) => void) {
  if (mode === "never") return;
  const buildId = ".next/BUILD_ID";
  const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  const sources = Math.max(...["app", "lib", "components", "next.config.js", "package-lock.json"].map(newestMtime));
  if (mode === "auto" && built > sources) return;
  log(built ? "next build (sources changed since the last build)…" : "next build (no .next yet)…");
  const result = spawnSync(process.execPath, [require.resolve("next/dist/bin/next"), "build"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (result.status !== 0) throw new Error("next build failed");
}

export type Server = { url: string; child: ChildProcess; stop: () => Promise<void> };

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: server exited with ${child.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  child.kill("SIGTERM"); // never left running behind the bench
  throw new Error(`${url}: not up after ${timeoutMs} ms`);
}

function track(child: ChildProcess, url: string): Server {
  let stopping = false;
  child.once("exit", (code, signal) => {
    if (!stopping) console.error(`bench: ${url} exited unexpectedly (code ${code}, signal ${signal})`);
  });
  return {
    url,
    child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        stopping = true;
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** The production server (`node scripts/start.mjs`, i.e. `npm start`) on the bench database (a DATABASE_URL). */
export async function startApp(databaseUrl: string, port: number, secret: string): Promise<Server> {
  const url = `http://${HOST}:${port}`;
  const child = spawn(process.execPath, ["scripts/start.mjs", "-p", String(port), "-H", HOST], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: url,
      // The bench signs its learners in with an X-Forwarded-For each (bench/lib/load.ts), as if behind one proxy.
      TRUST_PROXY: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitUntilUp(`${url}/api/health`, child);
  return track(child, url);
}

/** The floor server (bench/floor-server.ts) on its own copy of the bench database. */
export async function startFloor(dbFile: string, port: number): Promise<Server> {
  const url = `http://${HOST}:${port}`;
  const child = spawn(
    process.execPath,
    [require.resolve("tsx/cli"), "bench/floor-server.ts", "--db", dbFile, "--port", String(port)],
    { env: { ...process.env, NODE_ENV: "production" }, stdio: ["ignore", "ignore", "inherit"] },
  );
  await waitUntilUp(`${url}/api/study/next`, child);
  return track(child, url);
}

/** The study API outside Next (bench/study-server.ts, the probe for docs/decisions/008) on its own database copy. */
export async function startStudyServer(dbFile: string, port: number, secret: string): Promise<Server> {
  const url = `http://${HOST}:${port}`;
  const child = spawn(process.execPath, [require.resolve("tsx/cli"), "bench/study-server.ts", "--port", String(port)], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: `file:${dbFile}`, NEXTAUTH_SECRET: secret },
    stdio: ["ignore", "ignore", "inherit"],
  });
  await waitUntilUp(`${url}/api/study/next`, child);
  return track(child, url);
}
