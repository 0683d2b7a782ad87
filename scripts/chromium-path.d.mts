/** The Chromium the e2e tests use, or undefined when none is installed (see chromium-path.mjs). */
export function findChromium(): string | undefined;
