import { afterEach, vi } from "vitest";

// Noise is failure: an unexpected console.error in a test fails it. A test that expects one mocks console.error itself.
let errors: unknown[][] = [];
const original = console.error;

console.error = (...args: unknown[]) => {
  errors.push(args);
  original(...args);
};

afterEach(() => {
  const seen = errors;
  errors = [];
  if (seen.length > 0 && !vi.isMockFunction(console.error)) {
    throw new Error(`Unexpected console.error:\n${seen.map((args) => args.map(String).join(" ")).join("\n")}`);
  }
});
