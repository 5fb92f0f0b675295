// What the end-to-end scripts share: a browser stand-in that talks to the API through the official Better Auth client,
// and a step checker that prints one line per step and exits non-zero at the first that fails.
import { createAuthClient } from "better-auth/client";
import { usernameClient, adminClient } from "better-auth/client/plugins";

let ipCounter = 0;
const freshIp = () => `203.0.113.${(++ipCounter % 250) + 1}`;

/** The command line every script takes: `node <script> <api base URL> <trusted origin>`. */
export function scriptArguments() {
  const [baseURL, origin] = process.argv.slice(2);
  if (!baseURL || !origin) {
    console.error(`usage: node ${process.argv[1]?.split("/").pop()} <api base URL> <trusted origin>`);
    process.exit(2);
  }
  return { baseURL, origin };
}

/**
 * Browsers on `baseURL` whose pages are served from `origin`: each has a cookie jar, sends the Origin header, and has
 * its own client IP (behind the trusted loopback proxy). `request` is the browser's own fetch, for the non-auth routes.
 * The client carries the dashboard's plugins unless a script names its own.
 */
export function browserOn(baseURL, origin, plugins = [usernameClient(), adminClient()]) {
  return (ip = freshIp()) => {
    const jar = new Map();
    const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
    const customFetchImpl = async (input, init = {}) => {
      const headers = new Headers(init.headers);
      headers.set("origin", origin);
      headers.set("x-forwarded-for", ip);
      if (jar.size) headers.set("cookie", cookieHeader());
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
    /** A JSON request to the API with this browser's cookies: { status, body }. */
    const request = async (method, path, body, base = baseURL) => {
      const response = await customFetchImpl(new URL(path, base), {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    };
    return { client, jar, cookieHeader, request, ip };
  };
}

export function checker() {
  let step = 0;
  return {
    check(name, condition, detail) {
      step++;
      if (!condition) {
        console.error(`FAIL ${step} ${name}: ${JSON.stringify(detail)}`);
        process.exit(1);
      }
      console.log(`ok ${step} ${name}`);
    },
    passed() {
      console.log(`all ${step} steps passed`);
    },
  };
}
