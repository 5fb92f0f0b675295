// What every flow shares: its command line, a browser stand-in around the official Better Auth client, and one
// printed line per step. A flow exits non-zero at the first step that does not behave as against Better Auth.
import { createAuthClient } from "better-auth/client";

export const [baseURL, origin] = process.argv.slice(2);
if (!baseURL || !origin) {
  console.error(`usage: node ${process.argv[1]?.split("/").pop()} <api base URL> <trusted origin>`);
  process.exit(2);
}

let ipCounter = 0;
const freshIp = () => `203.0.113.${(++ipCounter % 250) + 1}`;

/** A browser stand-in: the client with these plugins, a cookie jar, an Origin header, and its own client IP (behind the trusted loopback proxy). */
export function browser(plugins) {
  const ip = freshIp();
  const jar = new Map();
  const customFetchImpl = async (input, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set("origin", origin);
    headers.set("x-forwarded-for", ip);
    if (jar.size) headers.set("cookie", [...jar].map(([k, v]) => `${k}=${v}`).join("; "));
    const response = await fetch(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const name = pair.slice(0, pair.indexOf("="));
      const value = pair.slice(pair.indexOf("=") + 1);
      if (!value || attributes.some((a) => a.trim().toLowerCase() === "max-age=0")) jar.delete(name);
      else jar.set(name, value);
    }
    return response;
  };
  const client = createAuthClient({ baseURL, plugins, fetchOptions: { customFetchImpl } });
  return { client, jar };
}

let step = 0;
export function check(name, condition, detail) {
  step++;
  if (!condition) {
    console.error(`FAIL ${step} ${name}: ${JSON.stringify(detail)}`);
    process.exit(1);
  }
  console.log(`ok ${step} ${name}`);
}

export const allPassed = () => console.log(`all ${step} steps passed`);
