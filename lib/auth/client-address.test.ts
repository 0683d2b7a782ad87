import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { addressFromChain, clientAddress, trustedProxies } from "./client-address";

describe("addressFromChain", () => {
  it("is the peer without trusted proxies, whatever X-Forwarded-For claims", () => {
    expect(addressFromChain("127.0.0.1", "::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
    expect(addressFromChain("127.0.0.1", null, 0)).toBe("127.0.0.1");
  });
  it("with N proxies, is the address the outermost trusted proxy saw (forged entries to its left are ignored)", () => {
    expect(addressFromChain("10.0.0.2", "6.6.6.6, 203.0.113.5", 1)).toBe("203.0.113.5");
    expect(addressFromChain("10.0.0.2", "6.6.6.6, 203.0.113.5, 10.0.0.9", 2)).toBe("203.0.113.5");
    expect(addressFromChain("10.0.0.2", "", 2)).toBe("10.0.0.2");
    expect(addressFromChain(undefined, undefined, 0)).toBe("unknown");
  });
});

describe("trustedProxies", () => {
  it("reads TRUST_PROXY as a hop count and refuses anything else loudly", () => {
    expect(trustedProxies(undefined)).toBe(0);
    expect(trustedProxies("1")).toBe(1);
    expect(() => trustedProxies("true")).toThrow(/TRUST_PROXY must be the number of proxies/);
    expect(() => trustedProxies("-1")).toThrow(/TRUST_PROXY/);
  });
});

describe("clientAddress without the production preload", () => {
  it("reads Next's X-Forwarded-For (the peer when the client sent none); 'unknown' outside a request", () => {
    expect(clientAddress(new Headers({ "x-forwarded-for": "127.0.0.1" }))).toBe("127.0.0.1");
    expect(clientAddress({ "x-forwarded-for": "192.0.2.1" })).toBe("192.0.2.1");
    expect(clientAddress(undefined)).toBe("unknown");
  });

  it("warns once in production that the address can be forged", () => {
    vi.stubEnv("NODE_ENV", "production");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      clientAddress({ "x-forwarded-for": "192.0.2.1" });
      clientAddress({ "x-forwarded-for": "192.0.2.2" });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toMatch(/not started by scripts\/start\.mjs/);
    } finally {
      warn.mockRestore();
      vi.unstubAllEnvs();
    }
  });
});

// The preload patches node:http in the process that loads it, so it runs in a child process of its own.
const probe = `
  const http = require("node:http");
  const server = http.createServer((req, res) => res.end(String(req.headers["x-factdeck-client-address"])));
  server.listen(0, "127.0.0.1", async () => {
    const { port } = server.address();
    const seen = [];
    for (const headers of [{}, { "x-forwarded-for": "::ffff:10.0.0.1" }, { "x-factdeck-client-address": "6.6.6.6", "x-forwarded-for": "6.6.6.6, 203.0.113.5" }]) {
      seen.push(await (await fetch("http://127.0.0.1:" + port + "/", { headers })).text());
    }
    console.log(JSON.stringify(seen));
    server.close();
  });`;

describe("scripts/client-address.mjs (the production server's preload)", () => {
  const run = (trustProxy?: string) => {
    const preload = pathToFileURL(path.resolve("scripts/client-address.mjs")).href;
    const result = spawnSync(process.execPath, ["--import", preload, "-e", probe], {
      env: { ...process.env, TRUST_PROXY: trustProxy ?? "" },
      encoding: "utf8",
    });
    return { seen: result.status === 0 ? (JSON.parse(result.stdout) as string[]) : null, stderr: result.stderr };
  };

  it("gives the app the socket's address and overwrites a client's own X-Factdeck-Client-Address", () => {
    expect(run("0").seen).toEqual(["127.0.0.1", "127.0.0.1", "127.0.0.1"]);
  });
  it("with TRUST_PROXY=1, takes what the proxy appended (the last X-Forwarded-For entry)", () => {
    expect(run("1").seen).toEqual(["127.0.0.1", "::ffff:10.0.0.1", "203.0.113.5"]);
  });
  it("refuses to start on a TRUST_PROXY that is not a hop count", () => {
    const { seen, stderr } = run("yes");
    expect(seen).toBeNull();
    expect(stderr).toMatch(/TRUST_PROXY must be the number of proxies/);
  });
});
