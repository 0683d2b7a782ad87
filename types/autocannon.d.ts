// autocannon 9 ships no types; this covers what bench/lib/load.ts uses.
declare module "autocannon" {
  type Histogram = { average: number; p50: number; p97_5: number; p99: number; max: number };
  type Request = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
    setupRequest?: (request: Record<string, unknown>, context: never) => Record<string, unknown> | null;
    onResponse?: (status: number, body: string, context: never) => void;
  };
  type Options = {
    url: string;
    connections?: number;
    pipelining?: number;
    duration?: number;
    timeout?: number;
    requests?: Request[];
  };
  type Result = {
    duration: number;
    errors: number;
    timeouts: number;
    latency: Histogram;
    requests: Histogram;
    non2xx: number;
  };
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
