// Drives /api/auth/api-key/* through the official api-key plugin client (@better-auth/api-key's apiKeyClient), the
// way a settings page manages keys, and uses a key as a script does: x-api-key, then Authorization: Bearer.
// Usage: node api-key-flow.mjs <api base URL> <trusted origin>
import { apiKeyClient } from "@better-auth/api-key/client";
import { browserOn, checker, scriptArguments } from "./browser.mjs";

const { baseURL, origin } = scriptArguments();
const { check, passed } = checker();

const email = `e2e-keys-${Date.now().toString(36)}@example.com`;
const { client } = browserOn(baseURL, origin, [apiKeyClient()])();
const signUp = await client.signUp.email({ email, password: "Corr3ct-horse-battery", name: "Script E2E" });
check("sign-up", !signUp.error, signUp.error);
const userId = signUp.data.user.id;

/** GET /api/user/me as a script: no cookie, no Origin, only the headers given. */
async function asScript(headers) {
  const response = await fetch(`${baseURL}/api/user/me`, { headers });
  return { status: response.status, body: await response.json() };
}

const created = await client.apiKey.create({ name: "ci", expiresIn: 7 * 86400, prefix: "wl_" });
const key = created.data?.key;
check("create answers the key once, with its start and owner",
  !created.error && /^wl_[A-Za-z]{64}$/.test(key) && created.data.start === key.slice(0, 6) && created.data.referenceId === userId && created.data.enabled,
  created);
const keyId = created.data.id;

const listed = await client.apiKey.list();
check("list shows the key but never the key itself",
  !listed.error && listed.data.total === 1 && listed.data.apiKeys[0].id === keyId && !("key" in listed.data.apiKeys[0]), listed);

const read = await client.apiKey.get({ query: { id: keyId } });
check("get", !read.error && read.data.name === "ci" && !("key" in read.data), read);

let me = await asScript({ "x-api-key": key });
check("the key authenticates in x-api-key", me.status === 200 && me.body.user?.id === userId, me);
me = await asScript({ authorization: `Bearer ${key}` });
check("the key authenticates as a bearer token", me.status === 200 && me.body.user?.id === userId, me);

const renamed = await client.apiKey.update({ keyId, name: "deploy" });
check("update renames", !renamed.error && renamed.data.name === "deploy" && renamed.data.enabled, renamed);

const disabled = await client.apiKey.update({ keyId, enabled: false });
check("update disables", !disabled.error && disabled.data.enabled === false, disabled);
me = await asScript({ "x-api-key": key });
check("a disabled key is refused at once", me.status === 401 && me.body.code === "KEY_DISABLED", me);

const tooShort = await client.apiKey.create({ expiresIn: 60 });
check("create refuses a lifetime under a day as Better Auth does",
  tooShort.error?.status === 400 && tooShort.error.code === "EXPIRES_IN_IS_TOO_SMALL" && tooShort.error.message, tooShort.error);

const deleted = await client.apiKey.delete({ keyId });
check("delete", !deleted.error && deleted.data.success === true, deleted);
const empty = await client.apiKey.list();
check("the key is gone from the list", !empty.error && empty.data.total === 0, empty);
me = await asScript({ "x-api-key": key });
check("a deleted key is refused", me.status === 401 && me.body.code === "INVALID_API_KEY", me);

passed();
